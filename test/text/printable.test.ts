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
