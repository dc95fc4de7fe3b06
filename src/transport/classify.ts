import { codeOfGraphQLError } from '../errors/codes.js';
import { TransportError } from '../errors/TransportError.js';
import { parseRetryAfter, type Verdict } from '../retry/policy.js';
import { isRepeatable } from './idempotent.js';
import type { Answer } from './sendAttempt.js';

/** The outcome of one attempt, as the retry loop sees it. */
export type Outcome = { answer: Answer } | { error: unknown };

/**
 * Whether a GraphQL attempt may be repeated. Queries are safe to repeat after any transient failure.
 * Mutations are repeated only when the server certainly did not execute them (429, a connection
 * that never opened); after an ambiguous failure they are left to the caller's reconciliation.
 * Failures that would repeat themselves (a 413, an answer over the limits) are never repeated.
 */
export function classifyAttempt(outcome: Outcome, kind: string, operationName = ''): Verdict {
  // Idempotent mutations (see idempotent.ts) are as safe to repeat as queries.
  const query = isRepeatable(kind, operationName);
  if ('error' in outcome) {
    const error = outcome.error;
    if (!(error instanceof TransportError) || error.details.final) return { retry: false, reason: 'final' };
    if (!['NETWORK_ERROR', 'TIMEOUT', 'INVALID_RESPONSE'].includes(error.code))
      return { retry: false, reason: error.code };
    return { retry: query || error.details.execution === 'no', reason: error.code, timeout: error.code === 'TIMEOUT' };
  }
  const { status, headers, payload } = outcome.answer;
  if (status === 429)
    return { retry: true, reason: 'HTTP 429', retryAfterMs: parseRetryAfter(headers.get('retry-after')) };
  if (status >= 500)
    return { retry: query, reason: `HTTP ${status}`, retryAfterMs: parseRetryAfter(headers.get('retry-after')) };
  const codes = (payload.errors ?? []).map((e) => codeOfGraphQLError(e));
  if (codes.includes('GENERIC_SYSTEM_ERROR')) return { retry: query, reason: 'GENERIC_SYSTEM_ERROR' };
  return { retry: false, reason: `HTTP ${status}`, success: status < 400 };
}

/** The last attempt's answer, or its typed error; a failed status without GraphQL errors is an error. */
export function settle(outcome: Outcome): Answer {
  if ('error' in outcome) throw outcome.error;
  const { status, statusText, payload } = outcome.answer;
  if (status >= 400 && !(Array.isArray(payload.errors) && payload.errors.length > 0)) {
    throw new TransportError(status === 429 ? 'RATE_LIMITED' : 'HTTP_ERROR', `HTTP ${status} ${statusText}`.trim(), {
      execution: status >= 500 ? 'maybe' : 'no',
      status,
    });
  }
  return outcome.answer;
}
