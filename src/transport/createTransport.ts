import { codeOfGraphQLError } from '../errors/codes.js';
import { TransportError } from '../errors/TransportError.js';
import { RetryBudget } from '../retry/budget.js';
import type { Release, RequestPacer, TurnOutcome } from '../retry/pacer.js';
import { parseRetryAfter, type RetryOptions } from '../retry/policy.js';
import { retryLoop } from '../retry/retryLoop.js';
import type { SecretRedactor } from '../security/SecretRedactor.js';
import { obtainToken, type TokenSource } from './authorize.js';
import { classifyAttempt, settle, type Outcome } from './classify.js';
import type { TransportLogger } from './events.js';
import type { HttpSender } from './http/types.js';
import { metaOf, type RequestMeta } from './requestMeta.js';
import { sendAttempt, type Answer } from './sendAttempt.js';

export type { TokenSource } from './authorize.js';

export interface TransportOptions {
  /** How attempts reach the network: fetch or undici (`http/chooseSender.ts`). */
  sender: HttpSender;
  getToken: TokenSource;
  timeoutMs: number;
  redactor: SecretRedactor;
  retry: Required<RetryOptions>;
  /** The client's retry budget, shared with its JWT provider. */
  budget: RetryBudget;
  /** Paces every attempt of the client; none when the client's `rateLimit` is false. */
  pacer?: RequestPacer;
  maxRequestBytes: number;
  maxResponseBytes: number;
  maxResponseDepth: number;
  logger?: TransportLogger;
  random?: () => number;
}

/**
 * Auth, retries and answer checks, each attempt seen with its HTTP status, Retry-After and whether
 * the connection ever opened; urql reaches it through `transportExchange`. These are not
 * @urql/exchange-retry and @urql/exchange-auth because the first retries mutations and ignores
 * Retry-After, and the second queues refresh retries by query and variables, which can strand one of
 * two identical concurrent mutations. Credentials are attached at the last moment, so they never sit
 * in urql's operations. The concerns live apart: the token step (`authorize`), one attempt
 * (`sendAttempt`), classification (`classify`) and the loop (`retry/retryLoop`).
 */
export interface Transport {
  /** The final answer, checked and parsed, or a typed TransportError. */
  send(url: string, init: RequestInit): Promise<Answer>;
  /** Releases the connections the transport holds (the undici Agent in Node). */
  close(): Promise<void>;
}

export function createTransport(options: TransportOptions): Transport {
  const { retry, logger, redactor, budget } = options;

  async function attemptOnce(
    url: string,
    init: RequestInit,
    meta: RequestMeta,
    attempt: number,
    bearer: string | undefined,
  ): Promise<Outcome> {
    // urql hands its headers over as a plain object; the credential joins them here, per attempt.
    const headers: Record<string, string> = {};
    if (init.headers instanceof Headers) init.headers.forEach((value, name) => (headers[name] = value));
    else Object.assign(headers, init.headers);
    if (bearer !== undefined) headers.authorization = `Bearer ${bearer}`;
    let release: Release | undefined;
    let turn: TurnOutcome | undefined;
    try {
      release = await options.pacer?.acquire(meta.signal, meta.deadline, (reason) =>
        reason === 'aborted'
          ? new TransportError('ABORTED', 'the call was aborted while waiting for its turn', { execution: 'no' })
          : new TransportError('TIMEOUT', 'the call’s deadline comes before its turn under the rate limit', {
              execution: 'no',
            }),
      );
      const answer = await sendAttempt(url, { ...init, headers }, meta, attempt, options);
      // The rate adapts to the server's limiter: down on its 429, slowly up while it lets requests through.
      turn = answer.status === 429 ? 'limited' : answer.status < 500 ? 'passed' : undefined;
      // The platform's limiter refused: everyone of this client waits, not only this call (unless the
      // wait is longer than the client waits at all: then each call fails fast, as a retry would).
      const limited = answer.status === 429 || answer.status === 503;
      const retryAfterMs = limited ? parseRetryAfter(answer.headers.get('retry-after')) : undefined;
      if (retryAfterMs !== undefined && retryAfterMs <= retry.maxRetryAfterMs) options.pacer?.pause(retryAfterMs);
      return { answer };
    } catch (error) {
      return { error };
    } finally {
      release?.(turn);
    }
  }

  // A 401 means the call was not executed: one forced refresh and one resend; a second 401 stands.
  async function attemptWithAuth(url: string, init: RequestInit, meta: RequestMeta, attempt: number): Promise<Outcome> {
    if (meta.withoutCredentials) return attemptOnce(url, init, meta, attempt, undefined);
    const tokenRequest = (rejectedToken?: string) => ({
      ...(rejectedToken !== undefined && { rejectedToken }),
      ...(meta.signal && { signal: meta.signal }),
      deadline: Math.min(meta.deadline ?? Infinity, Date.now() + options.timeoutMs),
    });
    try {
      const bearer = await obtainToken(options.getToken, redactor, tokenRequest());
      const outcome = await attemptOnce(url, init, meta, attempt, bearer);
      if (!('answer' in outcome) || !isUnauthorized(outcome.answer)) return outcome;
      logger?.({ type: 'token-refresh', operationName: meta.operationName, reason: 'the server answered 401' });
      const fresh = await obtainToken(options.getToken, redactor, tokenRequest(bearer));
      return fresh === bearer ? outcome : await attemptOnce(url, init, meta, attempt, fresh);
    } catch (error) {
      return { error };
    }
  }

  async function send(url: string, init: RequestInit): Promise<Answer> {
    const meta = metaOf(init);
    const size = typeof init.body === 'string' ? init.body.length : 0;
    // Cheap first: a string of n UTF-16 units never takes more than 3n bytes in UTF-8.
    if (
      size * 3 > options.maxRequestBytes &&
      new TextEncoder().encode(init.body as string).byteLength > options.maxRequestBytes
    ) {
      throw new TransportError(
        'INVALID_INPUT',
        `${meta.operationName}: the request is larger than maxRequestBytes (${options.maxRequestBytes} bytes); nothing was sent`,
        {
          execution: 'no',
          final: true,
        },
      );
    }
    const outcome = await retryLoop<Outcome>({
      attempt: (n) => attemptWithAuth(url, init, meta, n),
      classify: (attempted) => classifyAttempt(attempted, meta.kind, meta.operationName),
      policy: retry,
      budget,
      ...(meta.maxAttempts !== undefined && { maxAttempts: meta.maxAttempts }),
      ...(meta.signal && { signal: meta.signal }),
      ...(meta.deadline !== undefined && { deadline: meta.deadline }),
      // Only failures that certainly did not execute are waited on, so an abort here executed nothing.
      abortError: () => new TransportError('ABORTED', 'the call was aborted', { execution: 'no' }),
      onRetry: ({ attempt, delayMs, reason }) =>
        logger?.({
          type: 'retry',
          operationName: meta.operationName,
          attempt,
          delayMs,
          reason,
          ...(options.pacer && { requestsPerSecond: options.pacer.requestsPerSecond }),
        }),
      ...(options.random && { random: options.random }),
    });
    return settle(outcome);
  }

  return { send, close: () => options.sender.close() };
}

function isUnauthorized(answer: Answer): boolean {
  return answer.status === 401 || (answer.payload.errors ?? []).some((e) => codeOfGraphQLError(e) === 'UNAUTHORIZED');
}
