const REDACTED = '[REDACTED]';
// Tokens rotate every few minutes; remembering the last few covers late errors without growing forever.
const MAX_SECRETS = 16;
// Settings' secrets a long-running client has been given; plenty for any apply.
const MAX_PINNED = 1000;
// Shorter strings would redact ordinary words.
const MIN_SECRET_LENGTH = 6;
// Deeper values are cut rather than walked: answers are bounded far below this already.
const MAX_DEPTH = 32;

/**
 * Credentials recognised by their shape, whoever's they are: a Bearer or Basic credential (a proxy's
 * echo of a header), and a JWT (three base64url parts, the first a JSON header: `eyJ…`).
 */
const SHAPES: Array<[RegExp, string]> = [
  [/\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]{6,}/g, `$1 ${REDACTED}`],
  [/\beyJ[A-Za-z0-9_-]{6,}\.[A-Za-z0-9_-]{6,}\.[A-Za-z0-9_-]*/g, REDACTED],
];

/** Blanks out credentials recognised by their shape (see SHAPES). */
export function redactShapes(text: string): string {
  let out = text;
  for (const [shape, replacement] of SHAPES) out = out.replace(shape, replacement);
  return out;
}

/**
 * Every string inside a value (object keys too) passed through `redact`; a copy of plain data.
 * Class instances other than arrays and plain objects (none come out of JSON) are not walked.
 */
export function redactDeep(value: unknown, redact: (text: string) => string, depth = 0): unknown {
  if (typeof value === 'string') return redact(value);
  if (value === null || typeof value !== 'object') return value;
  if (depth >= MAX_DEPTH) return '[too deep]';
  if (Array.isArray(value)) return value.map((item) => redactDeep(item, redact, depth + 1));
  const prototype = Object.getPrototypeOf(value) as unknown;
  if (prototype !== Object.prototype && prototype !== null) return '[not plain data]';
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [redact(key), redactDeep(item, redact, depth + 1)]),
  );
}

/**
 * Remembers the credentials a client used and blanks them out of any text that may reach a user:
 * error messages, server messages that echo a header, body snippets of error pages. Credentials of
 * a known shape are blanked too, even when this redactor never saw them.
 */
export class SecretRedactor {
  #secrets: string[] = [];
  /** Secrets of the customer's settings (connection passwords, client secrets): they do not rotate. */
  #pinned: string[] = [];

  add(secret: string | undefined): void {
    if (!secret || secret.length < MIN_SECRET_LENGTH || this.#secrets.includes(secret)) return;
    this.#secrets.push(secret);
    if (this.#secrets.length > MAX_SECRETS) this.#secrets.shift();
  }

  /** Remembers a secret of the customer's settings, for the client's life (at most MAX_PINNED). */
  pin(secret: string | undefined): void {
    if (!secret || secret.length < MIN_SECRET_LENGTH || this.#pinned.includes(secret)) return;
    this.#pinned.push(secret);
    if (this.#pinned.length > MAX_PINNED) this.#pinned.shift();
  }

  redact(text: string): string {
    let out = text;
    for (const secret of this.#secrets) out = out.split(secret).join(REDACTED);
    for (const secret of this.#pinned) out = out.split(secret).join(REDACTED);
    return redactShapes(out);
  }
}
