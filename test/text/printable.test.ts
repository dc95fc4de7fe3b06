import { describe, expect, it } from '@jest/globals';
import { tableLines } from '../../src/cli/table.js';
import { printable, quote, safeJson, shorten } from '../../src/text/printable.js';

describe('printable', () => {
  it.each([
    ['ESC and BEL', '\u001b]0;title\u0007', '\\x1b]0;title\\x07'],
    ['a CSI in C1', '\u009b2J', '\\x9b2J'],
    ['DEL', 'a\u007fb', 'a\\x7fb'],
    ['bidi overrides', '\u202eabc\u2066', '\\u202eabc\\u2066'],
    ['line separators', 'a\u2028b', 'a\\u2028b'],
    ['newline, tab, CR', 'a\nb\tc\rd', 'a\\nb\\tc\\rd'],
    ['plain text and non-Latin letters', 'Zürich 東京 ✓', 'Zürich 東京 ✓'],
    ['a zero-width space', 'tenant\u200b', 'tenant\\u200b'],
    ['zero-width joiners and marks', 'a\u200cb\u200dc\u200ed\u200f', 'a\\u200cb\\u200dc\\u200ed\\u200f'],
    ['word joiner and invisible operators', '\u2060\u2061\u2062\u2063\u2064', '\\u2060\\u2061\\u2062\\u2063\\u2064'],
    ['a BOM and a soft hyphen', '\ufeffte\u00adnant', '\\ufeffte\\xadnant'],
    ['isolates and the Arabic letter mark', '\u2066a\u2069\u061c', '\\u2066a\\u2069\\u061c'],
    ['Hangul fillers and the grapheme joiner', '\u3164\u115f\u034f', '\\u3164\\u115f\\u034f'],
    ['a tag character beyond the BMP', 'x\u{e0041}', 'x\\u{e0041}'],
    ['a lone surrogate', 'a\ud800b', 'a\\ud800b'],
    ['emoji and accents stay', 'café 👍🏽 e\u0301', 'café 👍🏽 e\u0301'],
  ])('%s', (_label, input, expected) => {
    expect(printable(input)).toBe(expected);
  });

  it('keeps line feeds only when asked, for text whose lines we wrote', () => {
    expect(printable('a\n\u001bb', { keepNewlines: true })).toBe('a\n\\x1bb');
  });

  it('shortens long values and says how long they were', () => {
    expect(shorten('x'.repeat(10_000), 5)).toBe('xxxxx… (10000 characters)');
    expect(shorten('short')).toBe('short');
    expect(quote(`a\n${'b'.repeat(100)}`, 3)).toBe('"a\\nb… (102 characters)"');
  });

  it('safeJson escapes C1, DEL and bidi characters and still parses back', () => {
    const value = { name: 'a\u009bb\u007fc\u202ed' };
    const text = safeJson(value);
    expect(text).toBe('{"name":"a\\u009bb\\u007fc\\u202ed"}');
    expect(JSON.parse(text)).toEqual(value);
  });

  it('safeJson escapes invisible characters too, beyond the BMP as a surrogate pair, and parses back', () => {
    const value = { name: 'tenant\u200b\u00ad\u{e0041}' };
    const text = safeJson(value);
    expect(text).toBe('{"name":"tenant\\u200b\\u00ad\\udb40\\udc41"}');
    expect(JSON.parse(text)).toEqual(value);
  });

  it('makes "tenant" and "tenant" with a zero-width space look different', () => {
    expect(printable('tenant\u200b')).not.toBe(printable('tenant'));
    expect(quote('tenant\u200b')).toBe('"tenant\\u200b"');
  });
});

describe('tableLines', () => {
  it('draws the boxed table, padding by display width (wide characters count twice)', () => {
    expect([
      ...tableLines(
        ['ID', 'NAME'],
        [
          ['a', '東京'],
          ['ccc', 'd'],
        ],
      ),
    ]).toEqual(['┌─────┬──────┐', '│ ID  │ NAME │', '│ a   │ 東京 │', '│ ccc │ d    │', '└─────┴──────┘']);
  });
});
