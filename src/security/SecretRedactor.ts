const REDACTED = '[REDACTED]';
// Tokens rotate every few minutes; remembering the last few covers late errors without growing forever.
const MAX_SECRETS = 16;
// Shorter strings would redact ordinary words.
const MIN_SECRET_LENGTH = 6;

/**
 * Remembers the credentials a client used and blanks them out of any text that may reach a user:
 * error messages, server messages that echo a header, body snippets of error pages.
 */
export class SecretRedactor {
  #secrets: string[] = [];

  add(secret: string | undefined): void {
    if (!secret || secret.length < MIN_SECRET_LENGTH || this.#secrets.includes(secret)) return;
    this.#secrets.push(secret);
    if (this.#secrets.length > MAX_SECRETS) this.#secrets.shift();
  }

  redact(text: string): string {
    let out = text;
    for (const secret of this.#secrets) out = out.split(secret).join(REDACTED);
    // A Bearer or Basic credential we never saw (a proxy's echo, say) is blanked by its shape.
    return out.replace(/\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]{6,}/g, `$1 ${REDACTED}`);
  }
}
