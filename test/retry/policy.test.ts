import { describe, expect, it } from '@jest/globals';
import { TransportError } from '../../src/errors/TransportError.js';
import { RetryBudget } from '../../src/retry/budget.js';
import { backoffDelay, DEFAULT_RETRY, parseRetryAfter } from '../../src/retry/policy.js';
import { classifyAttempt, type Outcome } from '../../src/transport/classify.js';
import type { TransportFailure } from '../../src/errors/TransportError.js';
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

describe('classifyAttempt: the typed kind of a failure, or the status of an answer', () => {
  const answer = (status: number, payload: Partial<Answer> = {}): Outcome => ({
    answer: { status, statusText: '', headers: new Headers(), text: '', payload: {}, ...payload },
  });
  const error = (failure: TransportFailure): Outcome => ({ error: new TransportError(failure, failure.kind) });
  const QUERY = true;
  const MUTATION = false;
  it.each([
    ['200', answer(200), QUERY, false],
    ['429', answer(429), MUTATION, true],
    ['503 for a query', answer(503), QUERY, true],
    ['503 for a mutation (may have run)', answer(503), MUTATION, false],
    ['400', answer(400), QUERY, false],
    [
      'GENERIC_SYSTEM_ERROR for a query',
      answer(200, { payload: { errors: [{ message: 'x', extensions: { code: 'GENERIC_SYSTEM_ERROR' } }] } }),
      QUERY,
      true,
    ],
    [
      'GENERIC_SYSTEM_ERROR for a mutation',
      answer(200, { payload: { errors: [{ message: 'x', extensions: { code: 'GENERIC_SYSTEM_ERROR' } }] } }),
      MUTATION,
      false,
    ],
    ['a connection never opened, mutation', error({ kind: 'unreachable' }), MUTATION, true],
    ['a reset after sending, mutation', error({ kind: 'connection-lost' }), MUTATION, false],
    ['a reset after sending, query', error({ kind: 'connection-lost' }), QUERY, true],
    ['a timeout, query', error({ kind: 'timeout', sent: true }), QUERY, true],
    ['a timeout, mutation', error({ kind: 'timeout', sent: true }), MUTATION, false],
    ['an unreadable answer, query', error({ kind: 'invalid-answer', final: false }), QUERY, true],
    ['an answer nested too deep (final)', error({ kind: 'invalid-answer', final: true }), QUERY, false],
    ['a 413 (refused)', error({ kind: 'refused' }), QUERY, false],
    ['an answer over the limit', error({ kind: 'too-large' }), QUERY, false],
    ['a redirect', error({ kind: 'redirect' }), QUERY, false],
    ['an abort', error({ kind: 'aborted', sent: true }), QUERY, false],
    ['a closed client', error({ kind: 'closed' }), QUERY, false],
    ['a refused API token', error({ kind: 'auth' }), QUERY, false],
    ['no token before the deadline, mutation (nothing sent)', error({ kind: 'timeout', sent: false }), MUTATION, true],
    ['an unexpected error', { error: new Error('bug') }, QUERY, false],
  ])('%s → retry %p', (_label, outcome, repeatable, retry) => {
    expect(classifyAttempt(outcome, repeatable).retry).toBe(retry);
  });

  it('reads Retry-After of a 429 and marks timeouts as costlier', () => {
    const limited: Outcome = { answer: { status: 429, headers: new Headers({ 'retry-after': '2' }) } };
    expect(classifyAttempt(limited, MUTATION)).toMatchObject({ retry: true, retryAfterMs: 2000 });
    expect(classifyAttempt(error({ kind: 'timeout', sent: true }), QUERY)).toMatchObject({ timeout: true });
  });

  it('the kind decides the code and whether the request may have run', () => {
    const lost = new TransportError({ kind: 'connection-lost' }, 'x');
    const unsent = new TransportError({ kind: 'timeout', sent: false }, 'x');
    const limited = new TransportError({ kind: 'status', rateLimited: true, execution: 'no' }, 'x', { status: 429 });
    expect([lost.code, lost.details.execution]).toEqual(['NETWORK_ERROR', 'maybe']);
    expect([unsent.code, unsent.details.execution]).toEqual(['TIMEOUT', 'no']);
    expect([limited.code, limited.details]).toEqual(['RATE_LIMITED', { execution: 'no', status: 429 }]);
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
