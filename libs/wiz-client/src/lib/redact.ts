// Secrets (client secret, access tokens) never reach an error message or a log line.
// `redact` replaces every known secret verbatim and, as a second line of defence, anything shaped like a
// bearer token, a JWT or a form-encoded client secret.

const MASK = '[REDACTED]';
const BEARER = /\b(Bearer)\s+[A-Za-z0-9._~+/=-]+/gi;
const JWT = /\beyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*/g;
const FORM_SECRET = /\b(client_secret|access_token)=([^&\s"']+)/gi;
const JSON_SECRET = /"(client_secret|clientSecret|access_token|accessToken)"\s*:\s*"[^"]*"/gi;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Returns `text` with every secret (and every bearer token / JWT / form secret) replaced by `[REDACTED]`. */
export function redact(text: string, secrets: readonly (string | null | undefined)[]): string {
  let out = text;
  // Longest first, so a secret containing another secret is masked whole.
  const known = secrets.filter((s): s is string => typeof s === 'string' && s.length >= 4);
  known.sort((a, b) => b.length - a.length);
  for (const secret of known) {
    out = out.replace(new RegExp(escapeRegExp(secret), 'g'), MASK);
    // Also as it appears URL-encoded (form bodies) and JSON-escaped (serialised log meta).
    for (const variant of [encodeURIComponent(secret), JSON.stringify(secret).slice(1, -1)]) {
      if (variant !== secret) out = out.replace(new RegExp(escapeRegExp(variant), 'g'), MASK);
    }
  }
  return out
    .replace(BEARER, `$1 ${MASK}`)
    .replace(JWT, MASK)
    .replace(FORM_SECRET, `$1=${MASK}`)
    .replace(JSON_SECRET, `"$1":"${MASK}"`);
}
