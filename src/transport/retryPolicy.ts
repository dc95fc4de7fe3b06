import { codeOfGraphQLError } from '../errors/codes.js';
import { TransportError } from '../errors/TransportError.js';
import type { Answer } from './sendAttempt.js';

/** How failed requests are retried. Every field has a default. */
export interface RetryOptions {
  /** Attempts per request, the first included. Default 4. */
  maxAttempts?: number;
  /** Base of the exponential backoff. Default 250 ms. */
  baseDelayMs?: number;
  /** Cap of one backoff delay. Default 10 000 ms. */
  maxDelayMs?: number;
  /** A Retry-After longer than this is not waited for: the failure is returned. Default 60 000 ms. */
  maxRetryAfterMs?: number;
  /** Retries the client may spend before it stops retrying (a storm of failures drains it). Default 10. */
  budget?: number;
  /** Budget regained per successful request. Default 0.1 (one retry per ten successes). */
  budgetRefillPerSuccess?: number;
}

export const DEFAULT_RETRY: Required<RetryOptions> = {
  maxAttempts: 4,
  baseDelayMs: 250,
  maxDelayMs: 10_000,
  maxRetryAfterMs: 60_000,
  budget: 10,
  budgetRefillPerSuccess: 0.1,
};

/** The outcome of one attempt, as the retry loop sees it. */
export type Outcome = { answer: Answer } | { error: unknown };

export interface Verdict {
  retry: boolean;
  reason: string;
  /** The server's Retry-After, in ms, when it sent one. */
  retryAfterMs?: number;
}

/**
 * Whether an attempt may be repeated. Queries are safe to repeat after any transient failure.
 * Mutations are repeated only when the server certainly did not execute them (429, a connection that
 * never opened); after an ambiguous failure they are left to the caller's reconciliation.
 */
export function judge(outcome: Outcome, kind: string): Verdict {
  const query = kind === 'query';
  if ('error' in outcome) {
    const error = outcome.error;
    if (!(error instanceof TransportError)) return { retry: false, reason: 'unexpected error' };
    if (error.code === 'NETWORK_ERROR' && error.details.execution === 'no') return { retry: true, reason: 'connection failed before sending' };
    if (['NETWORK_ERROR', 'TIMEOUT', 'INVALID_RESPONSE'].includes(error.code)) return { retry: query, reason: error.code };
    return { retry: false, reason: error.code };
  }
  const { status, headers, payload } = outcome.answer;
  if (status === 429) return { retry: true, reason: 'HTTP 429', retryAfterMs: parseRetryAfter(headers.get('retry-after')) };
  if (status >= 500) return { retry: query, reason: `HTTP ${status}`, retryAfterMs: parseRetryAfter(headers.get('retry-after')) };
  const codes = (payload.errors ?? []).map((e) => codeOfGraphQLError(e));
  if (codes.includes('GENERIC_SYSTEM_ERROR')) return { retry: query, reason: 'GENERIC_SYSTEM_ERROR' };
  return { retry: false, reason: `HTTP ${status}` };
}

/** Retry-After as seconds or an HTTP date, in ms from now; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** Full-jitter exponential backoff (AWS architecture blog), never shorter than Retry-After. */
export function backoffDelay(attempt: number, options: Required<RetryOptions>, retryAfterMs?: number, random = Math.random): number {
  const ceiling = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** (attempt - 1));
  return Math.max(retryAfterMs ?? 0, Math.floor(random() * ceiling));
}

/** A token bucket of retries shared by all requests of one client. */
export class RetryBudget {
  #tokens: number;
  constructor(
    private readonly capacity: number,
    private readonly refill: number,
  ) {
    this.#tokens = capacity;
  }

  tryTake(): boolean {
    if (this.#tokens < 1) return false;
    this.#tokens -= 1;
    return true;
  }

  onSuccess(): void {
    this.#tokens = Math.min(this.capacity, this.#tokens + this.refill);
  }

  get remaining(): number {
    return this.#tokens;
  }
}
