const REDACTED = '[REDACTED]';

/** Values of these keys are secrets wherever they appear (JSON, query strings, key=value logs). */
const SECRET_KEY_NAMES =
  '(?:client[_-]?secret|wizClientSecret|tcSecretKey|secret[_-]?key|secret|password|passwd|access[_-]?token|refresh[_-]?token|token|api[_-]?key|authorization)';

const PATTERNS: ReadonlyArray<[RegExp, string]> = [
  // "clientSecret": "value"  /  'token': 'value'
  [new RegExp(`(["']${SECRET_KEY_NAMES}["']\\s*:\\s*)"(?:[^"\\\\]|\\\\.)*"`, 'gi'), `$1"${REDACTED}"`],
  [new RegExp(`(["']${SECRET_KEY_NAMES}["']\\s*:\\s*)'[^']*'`, 'gi'), `$1'${REDACTED}'`],
  // client_secret=value (form bodies, query strings, logs)
  [new RegExp(`(\\b${SECRET_KEY_NAMES}=)[^&\\s"',;]+`, 'gi'), `$1${REDACTED}`],
  // Authorization: Bearer x / TC HMAC signatures
  [/\b(Bearer|Basic|TC)\s+[A-Za-z0-9._~+/:=-]{8,}/g, `$1 ${REDACTED}`],
  // wiztc API keys
  [/\bwtc_[A-Za-z0-9_-]{8,}/g, `wtc_${REDACTED}`],
  // passwords inside connection URLs
  [/(\b[a-z][a-z0-9+.-]*:\/\/[^:/\s@]+:)[^@\s/]+@/gi, `$1${REDACTED}@`],
];

/**
 * Removes secrets from text bound for logs or error bodies: known secret values registered at
 * runtime (decrypted tenant secrets) and anything shaped like a credential.
 */
export class Redactor {
  private readonly known = new Set<string>();

  /** Registers an exact secret value (at least 4 characters) to be masked wherever it appears. */
  register(secret: string | null | undefined): void {
    if (secret && secret.length >= 4) this.known.add(secret);
  }

  redact(text: string): string {
    let result = text;
    for (const secret of this.known) {
      if (result.includes(secret)) result = result.split(secret).join(REDACTED);
    }
    for (const [pattern, replacement] of PATTERNS) result = result.replace(pattern, replacement);
    return result;
  }

  /** Redacts any value by way of its string form (errors keep their stack). */
  redactUnknown(value: unknown): string {
    if (value instanceof Error) return this.redact(value.stack ?? `${value.name}: ${value.message}`);
    if (typeof value === 'string') return this.redact(value);
    try {
      return this.redact(JSON.stringify(value) ?? String(value));
    } catch {
      return this.redact(String(value));
    }
  }
}

/** The process-wide redactor, shared by the logger and the services that handle secrets. */
export const sharedRedactor = new Redactor();
