import { ConsoleLogger, type LogLevel } from '@nestjs/common';
import { type Redactor, sharedRedactor } from '../redaction';

export interface RedactingLoggerOptions {
  readonly redactor?: Redactor;
  readonly logLevels?: LogLevel[];
  /** Receives each redacted line instead of the console (tests capture logs this way). */
  readonly sink?: (line: string) => void;
}

/** Nest's console logger with every message, context and stack passed through the redactor. */
export class RedactingLogger extends ConsoleLogger {
  private readonly redactor: Redactor;
  private readonly sink: ((line: string) => void) | undefined;

  constructor(options: RedactingLoggerOptions = {}) {
    super('wiztc', { logLevels: options.logLevels ?? ['log', 'error', 'warn'] });
    this.redactor = options.redactor ?? sharedRedactor;
    this.sink = options.sink;
  }

  protected override printMessages(
    messages: unknown[],
    context?: string,
    logLevel?: LogLevel,
    writeStreamType?: 'stdout' | 'stderr',
    errorStack?: unknown,
  ): void {
    const clean = messages.map((message) => this.redactor.redactUnknown(message));
    const stack = errorStack === undefined ? undefined : this.redactor.redactUnknown(errorStack);
    if (this.sink) {
      this.sink([`${logLevel ?? 'log'} [${context ?? ''}]`, ...clean, ...(stack ? [stack] : [])].join(' '));
      return;
    }
    super.printMessages(clean, context, logLevel, writeStreamType, stack);
  }

  protected override printStackTrace(stack: string): void {
    if (this.sink) this.sink(this.redactor.redact(stack));
    else super.printStackTrace(this.redactor.redact(stack));
  }
}
