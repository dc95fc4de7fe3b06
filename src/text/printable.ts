/**
 * Text that is safe to show: what a server or a user wrote reaches a terminal as characters, never as
 * commands to it (ESC sequences that retitle the window, clear the screen or forge a hyperlink), and
 * a huge value shows its start and its length, not all of itself.
 */

// C0 controls, DEL, C1 controls (U+009B is a one-character CSI), line separators, and every format
// character (Unicode category Cf: bidi controls, zero-width space and joiners, word joiner, soft
// hyphen, BOM, tag characters) plus the other characters that show as nothing (combining grapheme
// joiner, Hangul fillers) and lone surrogates: `"tenant\u200b"` must not look like `"tenant"`.
const INVISIBLE = String.raw`\p{Cf}\p{Cs}\u034f\u115f\u1160\u3164\uffa0\u2028\u2029`;
const CONTROLS = new RegExp(`[\\u0000-\\u001f\\u007f-\\u009f${INVISIBLE}]`, 'gu');
const CONTROLS_BUT_NEWLINE = new RegExp(`[\\u0000-\\u0009\\u000b-\\u001f\\u007f-\\u009f${INVISIBLE}]`, 'gu');

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** `\x1b` up to U+00FF, `\u200b` in the rest of the BMP, `\u{e0001}` beyond it (a JavaScript escape each). */
function escapeCodePoint(code: number): string {
  // Stryker disable next-line EqualityOperator: U+00FF (ÿ) is printable, so it never reaches here
  if (code <= 0xff) return `\\x${code.toString(16).padStart(2, '0')}`;
  // Stryker disable next-line EqualityOperator: U+FFFF is no control or invisible character, so it never reaches here
  if (code <= 0xffff) return `\\u${code.toString(16).padStart(4, '0')}`;
  return `\\u{${code.toString(16)}}`;
}

function visible(char: string): string {
  return NAMED[char] ?? escapeCodePoint(char.codePointAt(0)!);
}

/**
 * Replaces control and invisible characters with visible escapes (`\x1b`, `\u202e`, `\u200b`,
 * `\u{e0001}`). With `keepNewlines`, a line feed stays a line break: for text whose lines we wrote
 * ourselves.
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

/** JSON.stringify, with C1, DEL, bidi, line-separator and invisible characters escaped as `\uXXXX` too. */
export function safeJson(value: unknown, indent?: number): string {
  // Characters JSON.stringify leaves raw that a terminal or a JavaScript parser may act on, or that
  // show as nothing. Made here, not once for the module: only the CLI writes JSON, and a browser app
  // that never calls this then bundles none of it.
  const jsonUnsafe = new RegExp(`[\\u007f-\\u009f${INVISIBLE}]`, 'gu');
  // JSON escapes UTF-16 code units: a tag character beyond the BMP becomes its surrogate pair.
  return JSON.stringify(value, null, indent).replace(jsonUnsafe, (char) =>
    char
      .split('')
      .map((unit) => `\\u${unit.charCodeAt(0).toString(16).padStart(4, '0')}`)
      .join(''),
  );
}
