/**
 * Text that is safe to show: what a server or a user wrote reaches a terminal as characters, never as
 * commands to it (ESC sequences that retitle the window, clear the screen or forge a hyperlink), and
 * a huge value shows its start and its length, not all of itself.
 */

// C0 controls, DEL, C1 controls (U+009B is a one-character CSI), bidi controls, line separators:
// matching control characters is the point here.
/* eslint-disable no-control-regex */
const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const CONTROLS_BUT_NEWLINE =
  /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/* eslint-enable no-control-regex */

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

function visible(char: string): string {
  const named = NAMED[char];
  if (named) return named;
  const code = char.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/**
 * Replaces control characters with visible escapes (`\x1b`, `\u202e`). With `keepNewlines`, a line
 * feed stays a line break: for text whose lines we wrote ourselves.
 *
 * @example
 * ```ts
 * printable('evil\u001b]0;pwned\u0007') // 'evil\\x1b]0;pwned\\x07'
 * ```
 */
export function printable(text: string, { keepNewlines = false }: { keepNewlines?: boolean } = {}): string {
  return text.replace(keepNewlines ? CONTROLS_BUT_NEWLINE : CONTROLS, visible);
}

/** The start of a long value and its length: `abc… (10000 characters)`. */
export function shorten(text: string, max = 80): string {
  if (text.length <= max) return text;
  return `${text.slice(0, max)}… (${text.length} characters)`;
}

/** A value for a message, quoted, one line, shortened: `"EU\norders"` shows as `"EU\\norders"`. */
export function quote(value: unknown, max = 80): string {
  return `"${printable(shorten(String(value), max))}"`;
}

// Characters JSON.stringify leaves raw that a terminal or a JavaScript parser may act on.
const JSON_UNSAFE = /[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** JSON.stringify, with C1, DEL, bidi and line-separator characters escaped as `\uXXXX` too. */
export function safeJson(value: unknown, indent?: number): string {
  return JSON.stringify(value, null, indent).replace(
    JSON_UNSAFE,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
