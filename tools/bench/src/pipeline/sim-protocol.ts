// Messages between the benchmark and a simulator child (sim-child.ts).
export interface SeedObject {
  owner: string;
  type: string;
  tags: string[];
}

export type SimRequest =
  | { op: 'info' | 'rss' | 'stats' | 'calls' }
  | { op: 'expected'; start: string; end: string }
  | {
      op: 'seed';
      groups: (SeedObject & { name: string })[];
      indicators: (SeedObject & { summary: string })[];
    };

export type SimReply = { id: number; result: unknown } | { id: number; error: string };

export interface WizInfo {
  authUrl: string;
  apiUrl: string;
  clientId: string;
  clientSecret: string;
  now: string;
}

export interface TcCalls {
  byKind: Record<string, number>;
  byRoute: Record<string, number>;
}
