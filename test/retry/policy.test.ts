import { describe, expect, it } from '@jest/globals';
import { TransportError } from '../../src/errors/TransportError.js';
import { RetryBudget } from '../../src/retry/budget.js';
import { backoffDelay, DEFAULT_RETRY, parseRetryAfter } from '../../src/retry/policy.js';
import { classifyAttempt, type Outcome } from '../../src/transport/classify.js';
import type { Answer } from '../../src/transport/sendAttempt.js';

const NOW = Date.parse('2026-11-29T10:00:00Z');

describe('parseRetryAfter', () => {
  it.each([
    ['seconds', '3', 3000],
    ['seconds with spaces', ' 0 ', 0],
    ['an HTTP date 5 s ahead', new Date(NOW + 5000).toUTCString(), 5000],
    ['an HTTP date in the past', new Date(NOW - 5000).toUTCString(), 0],
    ['absent', null, undefined],
    ['empty', '', undefined],
    ['garbage', 'soon', undefined],
    ['a negative number', '-3', undefined],
    ['an absurd number of digits', '9'.repeat(40), undefined],
  ])('%s', (_label, header, expected) => {
    expect(parseRetryAfter(header, NOW)).toBe(expected);
  });
});

describe('backoffDelay: Retry-After when the server sent one, else full jitter, capped', () => {
  const policy = { ...DEFAULT_RETRY, baseDelayMs: 100, maxDelayMs: 1000 };
  it.each([
    // attempt, random, Retry-After, expected
    [1, 0.999, undefined, 99],
    [2, 0.5, undefined, 100],
    [3, 0.999, undefined, 399],
    [10, 0.999, undefined, 999],
    [1, 0, undefined, 0],
    [1, 0.5, 3000, 3000],
    [10, 0.999, 10, 10],
    [3, 0.999, 0, 0],
  ])('attempt %i, random %f, Retry-After %p → %i ms', (attempt, random, retryAfter, expected) => {
    expect(backoffDelay(attempt, policy, retryAfter, () => random)).toBe(expected);
  });
});

describe('classifyAttempt', () => {
  const answer = (status: number, payload: Partial<Answer> = {}): Outcome => ({
    answer: { status, statusText: '', headers: new Headers(), text: '', payload: {}, ...payload },
  });
  const error = (
    code: ConstructorParameters<typeof TransportError>[0],
    details: TransportError['details'],
  ): Outcome => ({
    error: new TransportError(code, code, details),
  });
  it.each([
    ['200', answer(200), 'query', false],
    ['429', answer(429), 'mutation', true],
    ['503 for a query', answer(503), 'query', true],
    ['503 for a mutation (may have run)', answer(503), 'mutation', false],
    ['400', answer(400), 'query', false],
    [
      'GENERIC_SYSTEM_ERROR for a query',
      answer(200, { payload: { errors: [{ message: 'x', extensions: { code: 'GENERIC_SYSTEM_ERROR' } }] } }),
      'query',
      true,
    ],
    ['a connection never opened, mutation', error('NETWORK_ERROR', { execution: 'no' }), 'mutation', true],
    ['a reset after sending, mutation', error('NETWORK_ERROR', { execution: 'maybe' }), 'mutation', false],
    ['a timeout, query', error('TIMEOUT', { execution: 'maybe' }), 'query', true],
    ['an unreadable answer, query', error('INVALID_RESPONSE', { execution: 'maybe' }), 'query', true],
    ['a 413 (final)', error('HTTP_ERROR', { execution: 'no', status: 413, final: true }), 'query', false],
    [
      'an answer over the limit (final)',
      error('RESPONSE_TOO_LARGE', { execution: 'maybe', final: true }),
      'query',
      false,
    ],
    ['an abort', error('ABORTED', { execution: 'no' }), 'query', false],
    ['a refused API token', error('AUTH_ERROR', { execution: 'no', final: true }), 'query', false],
    ['no token before the deadline, mutation (nothing sent)', error('TIMEOUT', { execution: 'no' }), 'mutation', true],
    ['an unexpected error', { error: new Error('bug') }, 'query', false],
  ])('%s → retry %p', (_label, outcome, kind, retry) => {
    expect(classifyAttempt(outcome, kind).retry).toBe(retry);
  });

  it('reads Retry-After of a 429 and marks timeouts as costlier', () => {
    const limited: Outcome = {
      answer: { status: 429, statusText: '', headers: new Headers({ 'retry-after': '2' }), text: '', payload: {} },
    };
    expect(classifyAttempt(limited, 'mutation')).toMatchObject({ retry: true, retryAfterMs: 2000 });
    expect(classifyAttempt(error('TIMEOUT', { execution: 'maybe' }), 'query')).toMatchObject({ timeout: true });
  });
});

describe('RetryBudget', () => {
  const budget = () => new RetryBudget({ budget: 20, retryCost: 5, timeoutRetryCost: 10 });

  it('pays retries until it cannot, timeouts at their own cost', () => {
    const b = budget();
    expect([b.take(false), b.take(true), b.take(false), b.take(false)]).toEqual([5, 10, 5, undefined]);
  });

  it('a success refunds what its retries cost, or 1, never past the capacity', () => {
    const b = budget();
    b.take(false);
    b.take(false);
    b.take(false);
    b.take(false); // 0 left
    b.succeeded(10); // 10
    expect([b.take(false), b.take(false), b.take(false)]).toEqual([5, 5, undefined]);
    for (let i = 0; i < 100; i++) b.succeeded(0); // capped at 20
    expect([b.take(true), b.take(true), b.take(false)]).toEqual([10, 10, undefined]);
  });
});
