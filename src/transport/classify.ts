import { codeOfGraphQLError } from '../errors/codes.js';
import { TransportError } from '../errors/TransportError.js';
import { parseRetryAfter, type Verdict } from '../retry/policy.js';
import type { HeaderReader } from './http/types.js';

/** An answer as the classifier reads it: its status, headers and, for GraphQL, its errors. */
interface ClassifiedAnswer {
  status: number;
  headers: HeaderReader;
  payload?: { errors?: ReadonlyArray<{ message?: unknown; extensions?: unknown }> };
}

/** The outcome of one attempt, as the retry loop sees it. */
export type Outcome<A extends ClassifiedAnswer = ClassifiedAnswer> = { answer: A } | { error: unknown };

/**
 * The one classifier of attempts (GraphQL requests and the JWT endpoint alike): whether the attempt
 * may be repeated, from the typed kind of its failure or its answer's status. `repeatable` says
 * whether the request may run twice (queries, idempotent mutations, the JWT GET): such a request
 * is repeated after any transient failure; any other only when the server certainly did not run
 * it (a 429, a connection that never opened, a token or a turn that never came). Failures that
 * would repeat themselves (a redirect, a 413, an answer over the limits) are never repeated.
 */
export function classifyAttempt(outcome: Outcome, repeatable: boolean): Verdict {
  if ('error' in outcome) return classifyFailure(outcome.error, repeatable);
  const { status, headers } = outcome.answer;
  // A 429 refused the request, whatever it is; a 5xx may have run it.
  if (status === 429 || status >= 500)
    return {
      retry: status === 429 || repeatable,
      reason: `HTTP ${status}`,
      retryAfterMs: parseRetryAfter(headers.get('retry-after')),
    };
  if (hasErrorCode(outcome.answer, 'GENERIC_SYSTEM_ERROR'))
    return { retry: repeatable, reason: 'GENERIC_SYSTEM_ERROR' };
  return { retry: false, reason: `HTTP ${status}`, success: status < 400 };
}

/** Whether one of the answer's GraphQL errors carries `code`. */
export function hasErrorCode(answer: ClassifiedAnswer, code: string): boolean {
  return answer.payload?.errors?.some((error) => codeOfGraphQLError(error) === code) ?? false;
}

function classifyFailure(error: unknown, repeatable: boolean): Verdict {
  if (!(error instanceof TransportError)) return { retry: false, reason: 'final' };
  const { failure, code: reason } = error;
  switch (failure.kind) {
    case 'unreachable':
      return { retry: true, reason };
    case 'timeout':
      return { retry: repeatable || !failure.sent, reason, timeout: true };
    case 'connection-lost':
      return { retry: repeatable, reason };
    case 'invalid-answer':
      return { retry: repeatable && !failure.final, reason };
    default:
      return { retry: false, reason };
  }
}
