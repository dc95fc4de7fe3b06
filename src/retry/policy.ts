/** How failed requests are retried. Every field has a default ({@link DEFAULT_RETRY}). */
export interface RetryOptions {
  /** Attempts per request, the first included. Default 4. */
  maxAttempts?: number | undefined;
  /** Base of the exponential backoff. Default 250 ms. */
  baseDelayMs?: number | undefined;
  /** Cap of one backoff delay. Default 10 000 ms. */
  maxDelayMs?: number | undefined;
  /** A Retry-After longer than this is not waited for: the failure is returned. Default 60 000 ms. */
  maxRetryAfterMs?: number | undefined;
  /**
   * Retry tokens of the client (after the AWS SDK's "standard" retry quota): each retry spends
   * `retryCost` (a timeout `timeoutRetryCost`), each success gives back what its retries cost, or 1
   * when it needed none. A storm of lasting failures drains it; a long job through transient faults
   * does not. Default 500.
   */
  budget?: number | undefined;
  /** Tokens one retry spends. Default 5. */
  retryCost?: number | undefined;
  /** Tokens one retry after a timeout spends. Default 10. */
  timeoutRetryCost?: number | undefined;
  /**
   * Attempts of a listing that decides whether an ambiguous mutation took effect: a query, so safe
   * to repeat, and worth more patience than a blind failure. Default 10 (within the call's deadline).
   */
  reconcileAttempts?: number | undefined;
}

/** The retry settings a client uses where its `retry` option names none. */
export const DEFAULT_RETRY: Required<RetryOptions> = {
  maxAttempts: 4,
  baseDelayMs: 250,
  maxDelayMs: 10_000,
  maxRetryAfterMs: 60_000,
  budget: 500,
  retryCost: 5,
  timeoutRetryCost: 10,
  reconcileAttempts: 10,
};

/** What the classification of one attempt says. */
export interface Verdict {
  /** The attempt may be repeated. */
  retry: boolean;
  /** Why, for logs. */
  reason: string;
  /** The server's Retry-After, in ms, when it sent one. */
  retryAfterMs?: number;
  /** A timeout: its retry costs more of the budget. */
  timeout?: boolean;
  /** The attempt succeeded (it refunds the budget). */
  success?: boolean;
}

/** Retry-After as seconds or an HTTP date, in ms from now; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null | undefined, now = Date.now()): number | undefined {
  const text = value?.trim();
  // Blank is no date either (Date.parse gives NaN): the guard only says so first.
  // Stryker disable next-line ConditionalExpression,BooleanLiteral: equivalent
  if (!text) return undefined;
  if (/^\d{1,9}$/.test(text)) return Number(text) * 1000;
  // A negative or absurdly long number is no delay the server means: ignored, not taken as a date.
  if (/^[-+]?\d+$/.test(text)) return undefined;
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/**
 * The wait before a retry: the server's Retry-After when it sent one (it knows when it can take the
 * request; `Retry-After: 0` means at once), else full-jitter exponential backoff (AWS architecture blog).
 */
export function backoffDelay(
  attempt: number,
  options: Required<RetryOptions>,
  retryAfterMs?: number,
  random = Math.random,
): number {
  if (retryAfterMs !== undefined) return retryAfterMs;
  const ceiling = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** (attempt - 1));
  return Math.floor(random() * ceiling);
}
