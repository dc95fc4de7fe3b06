import { describe, expect, it } from '@jest/globals';
import { counted } from '../../src/text/plural.js';

describe('counted', () => {
  it.each([
    [1, 'process', '1 process'],
    [2, 'process', '2 processes'],
    [0, 'setting', '0 settings'],
    [1, 'change', '1 change'],
    [3, 'property', '3 properties'],
    [2, 'day', '2 days'],
    [2, 'match', '2 matches'],
  ])('%i %s → %s', (count, noun, expected) => {
    expect(counted(count, noun)).toBe(expected);
  });

  it('takes an irregular plural', () => {
    expect(counted(2, 'child', 'children')).toBe('2 children');
    expect(counted(1, 'child', 'children')).toBe('1 child');
  });
});
