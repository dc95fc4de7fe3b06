import { describe, expect, it } from '@jest/globals';
import { backoffDelay, DEFAULT_RETRY, parseRetryAfter } from '../../src/retry/policy.js';

const NOW = Date.parse('2026-11-29T10:00:00Z');

describe('the retry defaults are the documented ones', () => {
  it('4 attempts, 250 ms base, 10 s cap, 60 s longest Retry-After, 500 tokens, costs 5 and 10, 10 listings', () => {
    expect(DEFAULT_RETRY).toEqual({
      maxAttempts: 4,
      baseDelayMs: 250,
      maxDelayMs: 10_000,
      maxRetryAfterMs: 60_000,
      budget: 500,
      retryCost: 5,
      timeoutRetryCost: 10,
      reconcileAttempts: 10,
    });
  });
});

describe('parseRetryAfter: whole seconds of 1 to 9 digits, else an HTTP date', () => {
  it.each([
    ['absent (undefined)', undefined, undefined],
    ['blank', '   ', undefined],
    ['two digits', '10', 10_000],
    ['three digits', '120', 120_000],
    ['nine digits', '999999999', 999_999_999_000],
    ['ten digits', '1000000000', undefined],
    ['leading spaces', '  7', 7000],
    ['a plus sign', '+5', undefined],
    ['a negative number after spaces', '  -3', undefined],
    ['digits then letters', '5s', undefined],
    ['letters then digits', 'x5', undefined],
    ['an HTTP date with a numeric zone (ends in digits)', 'Sun, 29 Nov 2026 10:00:05 +0000', 5000],
    ['an ISO date 2 s ahead', new Date(NOW + 2000).toISOString(), 2000],
  ])('%s', (_label, header, expected) => {
    expect(parseRetryAfter(header, NOW)).toBe(expected);
  });
});

describe('backoffDelay', () => {
  it('uses the real random source when none is given: within the ceiling, whole ms', () => {
    const policy = { ...DEFAULT_RETRY, baseDelayMs: 100, maxDelayMs: 1000 };
    for (let i = 0; i < 50; i++) {
      const delay = backoffDelay(2, policy);
      expect(Number.isInteger(delay)).toBe(true);
      expect(delay).toBeGreaterThanOrEqual(0);
      expect(delay).toBeLessThan(200);
    }
  });

  it('the ceiling doubles per attempt from the base and stops at the cap', () => {
    const policy = { ...DEFAULT_RETRY, baseDelayMs: 100, maxDelayMs: 500 };
    const ceiling = (attempt: number) => backoffDelay(attempt, policy, undefined, () => 0.99999);
    expect([1, 2, 3, 4, 5].map(ceiling)).toEqual([99, 199, 399, 499, 499]);
  });
});
