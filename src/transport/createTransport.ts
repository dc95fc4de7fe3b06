import { codeOfGraphQLError } from '../errors/codes.js';
import { SpacesError } from '../errors/SpacesError.js';
import { TransportError } from '../errors/TransportError.js';
import type { SecretRedactor } from '../security/SecretRedactor.js';
import type { TransportLogger } from './events.js';
import { metaOf, type RequestMeta } from './requestMeta.js';
import { backoffDelay, judge, RetryBudget, type Outcome, type RetryOptions } from './retryPolicy.js';
import { sendAttempt, type Answer } from './sendAttempt.js';

/** Gets the bearer token; `forceRefresh` after the server refused the current one. */
export type TokenSource = (options: { forceRefresh: boolean; rejectedToken?: string }) => string | Promise<string>;

export interface TransportOptions {
  fetch: typeof globalThis.fetch;
  getToken: TokenSource;
  timeoutMs: number;
  redactor: SecretRedactor;
  retry: Required<RetryOptions>;
  logger?: TransportLogger;
  random?: () => number;
}

/**
 * Auth, retries and answer checks, each attempt seen with its HTTP status, Retry-After and whether
 * the connection ever opened; urql reaches it through `transportExchange`. These are not
 * @urql/exchange-retry and @urql/exchange-auth because the first retries mutations and ignores
 * Retry-After, and the second queues refresh retries by query and variables, which can strand one of
 * two identical concurrent mutations. Credentials are attached at the last moment, so they never sit
 * in urql's operations.
 */
/** Sends GraphQL requests with auth and retries. */
export interface Transport {
  /** The final answer, checked and parsed, or a typed TransportError. */
  send(url: string, init: RequestInit): Promise<Answer>;
}

export function createTransport(options: TransportOptions): Transport {
  const { retry, logger, redactor } = options;
  const budget = new RetryBudget(retry.budget, retry.budgetRefillPerSuccess);
  const random = options.random ?? Math.random;

  async function token(rejectedToken?: string): Promise<string> {
    let value: unknown;
    try {
      value = await options.getToken(rejectedToken === undefined ? { forceRefresh: false } : { forceRefresh: true, rejectedToken });
    } catch (cause) {
      const reason = cause instanceof Error ? cause.message : String(cause);
      // A JWT provider's SpacesError carries the JWT endpoint's status; keep it.
      const status = cause instanceof SpacesError ? cause.status : undefined;
      throw new TransportError('AUTH_ERROR', `could not obtain a token: ${redactor.redact(reason)}`, {
        execution: 'no',
        ...(status !== undefined && { status }),
      });
    }
    if (typeof value !== 'string' || value.trim() === '') {
      throw new TransportError('AUTH_ERROR', 'could not obtain a token: getToken() returned no token', { execution: 'no' });
    }
    redactor.add(value);
    return value;
  }

  async function attemptOnce(url: string, init: RequestInit, meta: RequestMeta, attempt: number, bearer: string): Promise<Outcome> {
    // urql hands its headers over as a plain object; the credential joins them here, per attempt.
    const headers: Record<string, string> = {};
    if (init.headers instanceof Headers) init.headers.forEach((value, name) => (headers[name] = value));
    else Object.assign(headers, init.headers);
    headers.authorization = `Bearer ${bearer}`;
    try {
      return { answer: await sendAttempt(url, { ...init, headers }, meta, attempt, { ...options, logger }) };
    } catch (error) {
      return { error };
    }
  }

  // A 401 means the call was not executed: one forced refresh and one resend; a second 401 stands.
  async function attemptWithAuth(url: string, init: RequestInit, meta: RequestMeta, attempt: number): Promise<Outcome> {
    let bearer: string;
    try {
      bearer = await token();
    } catch (error) {
      return { error };
    }
    const outcome = await attemptOnce(url, init, meta, attempt, bearer);
    if (!('answer' in outcome) || !isUnauthorized(outcome.answer)) return outcome;
    logger?.({ type: 'token-refresh', operationName: meta.operationName, reason: 'the server answered 401' });
    let fresh: string;
    try {
      fresh = await token(bearer);
    } catch (error) {
      return { error };
    }
    return fresh === bearer ? outcome : attemptOnce(url, init, meta, attempt, fresh);
  }

  async function send(url: string, init: RequestInit): Promise<Answer> {
    const meta = metaOf(init);
    for (let attempt = 1; ; attempt++) {
      const outcome = await attemptWithAuth(url, init, meta, attempt);
      const verdict = judge(outcome, meta.kind);
      const delayMs = backoffDelay(attempt, retry, verdict.retryAfterMs, random);
      const mayRetry =
        verdict.retry &&
        attempt < retry.maxAttempts &&
        (verdict.retryAfterMs ?? 0) <= retry.maxRetryAfterMs &&
        Date.now() + delayMs < (meta.deadline ?? Infinity) &&
        !meta.signal?.aborted &&
        budget.tryTake();
      if (!mayRetry) {
        if ('answer' in outcome && outcome.answer.status < 400) budget.onSuccess();
        return settle(outcome);
      }
      logger?.({ type: 'retry', operationName: meta.operationName, attempt, delayMs, reason: verdict.reason });
      await sleep(delayMs, meta.signal);
    }
  }

  return { send };
}

function isUnauthorized(answer: Answer): boolean {
  return answer.status === 401 || (answer.payload.errors ?? []).some((e) => codeOfGraphQLError(e) === 'UNAUTHORIZED');
}

/** The last attempt's answer, or its typed error; a failed status without GraphQL errors is an error. */
function settle(outcome: Outcome): Answer {
  if ('error' in outcome) throw outcome.error;
  const { status, statusText, payload } = outcome.answer;
  if (status >= 400 && !(Array.isArray(payload.errors) && payload.errors.length > 0)) {
    throw new TransportError(status === 429 ? 'RATE_LIMITED' : 'HTTP_ERROR', `HTTP ${status} ${statusText}`.trim(), {
      execution: status === 429 || status === 401 ? 'no' : status >= 500 ? 'maybe' : 'no',
      status,
    });
  }
  return outcome.answer;
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    // Only failures that certainly did not execute are waited on, so an abort here executed nothing.
    if (signal?.aborted) return reject(new TransportError('ABORTED', 'the call was aborted', { execution: 'no' }));
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(new TransportError('ABORTED', 'the call was aborted', { execution: 'no' }));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
