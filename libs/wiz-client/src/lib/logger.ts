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
    const safeMeta =
      meta === undefined
        ? undefined
        : (JSON.parse(redact(JSON.stringify(meta), known)) as Record<string, unknown>);
    fn.call(logger, redact(message, known), safeMeta);
  };
}
