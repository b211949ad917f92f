// The client logs through an injected logger; every message and meta value is redacted first.
import { redact } from './redact';

export interface WizLogger {
  debug?(message: string, meta?: Record<string, unknown>): void;
  info?(message: string, meta?: Record<string, unknown>): void;
  warn?(message: string, meta?: Record<string, unknown>): void;
  error?(message: string, meta?: Record<string, unknown>): void;
}

export type WizLogLevel = 'debug' | 'info' | 'warn' | 'error';

export type WizLog = (level: WizLogLevel, message: string, meta?: Record<string, unknown>) => void;

/** Wraps a logger so that nothing it receives contains a secret known now or later (tokens rotate). */
export function redactingLog(logger: WizLogger | undefined, secrets: () => readonly string[]): WizLog {
  if (!logger) return () => undefined;
  return (level, message, meta) => {
    const fn = logger[level];
    if (!fn) return;
    const known = secrets();
    fn.call(logger, redact(message, known), meta === undefined ? undefined : redactMeta(meta, known));
  };
}

function redactMeta(meta: Record<string, unknown>, secrets: readonly string[]): Record<string, unknown> {
  const text = redact(JSON.stringify(meta), secrets);
  try {
    return JSON.parse(text) as Record<string, unknown>;
  } catch {
    // A secret with JSON-escaped characters broke the structure: keep the redacted text only.
    return { redacted: text };
  }
}
