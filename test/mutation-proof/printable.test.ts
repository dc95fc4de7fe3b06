import { describe, expect, it } from '@jest/globals';
import { printable, shorten } from '../../src/text/printable.js';

describe('printable text at its edges', () => {
  it('escapes every control character with keepNewlines too, not only the first', () => {
    expect(printable('a\u001b[2J\u001b]0;x\u0007\nb', { keepNewlines: true })).toBe('a\\x1b[2J\\x1b]0;x\\x07\nb');
  });

  it('leaves a value exactly as long as the limit whole, and shortens one character more', () => {
    expect(shorten('abc', 3)).toBe('abc');
    expect(shorten('abcd', 3)).toBe('abc… (4 characters)');
  });
});
