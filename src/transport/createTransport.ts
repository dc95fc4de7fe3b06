import { TransportError } from '../errors/TransportError.js';
import { RetryBudget } from '../retry/budget.js';
import type { Release, RequestPacer, TurnOutcome } from '../retry/pacer.js';
import { parseRetryAfter, type RetryOptions } from '../retry/policy.js';
import { retryLoop } from '../retry/retryLoop.js';
import type { StopReason } from '../retry/waitFor.js';
import type { SecretRedactor } from '../security/SecretRedactor.js';
import { obtainToken, type TokenRequest, type TokenSource } from './authorize.js';
import { classifyAttempt, hasErrorCode, type Outcome } from './classify.js';
import type { TransportLogger } from './events.js';
import { abortedUnsent } from './exchange.js';
import type { HttpSender } from './http/types.js';
import { isRepeatable } from './idempotent.js';
import type { RequestMeta } from './requestMeta.js';
import { answerReading, sendAttempt, type Answer, type GraphQLRequest } from './sendAttempt.js';

export type { TokenSource } from './authorize.js';

export interface TransportOptions {
  /** How attempts reach the network: fetch or undici, chosen once per client (`http/chooseSender.ts`). */
  sender: HttpSender;
  getToken: TokenSource;
  /** Bounds one attempt, the token's wait included. */
  attemptTimeoutMs: number;
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
 * Auth, pacing, retries and answer checks around the pipeline's exchange, each attempt seen with its
 * HTTP status, Retry-After and the typed kind of its failure. These are not @urql/exchange-retry and
 * @urql/exchange-auth because the first retries mutations and ignores Retry-After, and the second
 * queues refresh retries by query and variables, which can strand one of two identical concurrent
 * mutations. Credentials are attached at the last moment, per attempt. The concerns live apart:
 * the token step (`authorize`), one attempt (`sendAttempt` over `exchange`), classification
 * (`classify`) and the loop (`retry/retryLoop`).
 */
export interface Transport {
  /** The final answer, checked and parsed, or a typed TransportError. The per-call data is `meta`. */
  send(request: GraphQLRequest, meta: RequestMeta): Promise<Answer>;
  /** Releases the connections the transport holds (the undici Agent in Node). */
  close(): Promise<void>;
}

/** Builds the client's transport; see {@link Transport}. */
export function createTransport(transportOptions: TransportOptions): Transport {
  const options = { ...transportOptions, reading: answerReading(transportOptions) };
  const { retry, logger, redactor, budget } = options;

  // The request's headers with a bearer, kept while both stay the same (a fixed token, or a JWT
  // until it is renewed): one object per token, not one per attempt. Senders only read them.
  let withBearer: { base: Record<string, string>; bearer: string; headers: Record<string, string> } | undefined;
  const headersFor = (base: Record<string, string>, bearer: string) => {
    if (withBearer?.base !== base || withBearer.bearer !== bearer)
      withBearer = { base, bearer, headers: { ...base, authorization: `Bearer ${bearer}` } };
    return withBearer.headers;
  };

  async function attemptOnce(
    request: GraphQLRequest,
    meta: RequestMeta,
    attempt: number,
    bearer: string | undefined,
  ): Promise<Outcome<Answer>> {
    const headers = bearer === undefined ? request.headers : headersFor(request.headers, bearer);
    let release: Release | undefined;
    let turn: TurnOutcome | undefined;
    try {
      // Without pacing, no turn to wait for (and no await).
      if (options.pacer) release = await options.pacer.acquire(meta.signal, meta.deadline, turnRefused);
      const answer = await sendAttempt(request, meta, attempt, options, headers);
      // The rate adapts to the server's limiter: down on its 429, slowly up while it lets requests through.
      const { status } = answer;
      turn = status === 429 ? 'limited' : status < 500 ? 'passed' : undefined;
      // The platform's limiter refused: everyone of this client waits, not only this call (unless the
      // wait is longer than the client waits at all: then each call fails fast, as a retry would).
      if (options.pacer && (status === 429 || status === 503)) {
        const retryAfterMs = parseRetryAfter(answer.headers.get('retry-after'));
        if (retryAfterMs !== undefined && retryAfterMs <= retry.maxRetryAfterMs) options.pacer.pause(retryAfterMs);
      }
      return { answer };
    } catch (error) {
      return { error };
    } finally {
      release?.(turn);
    }
  }

  // A 401 means the call was not executed: one forced refresh and one resend; a second 401 stands.
  async function attemptWithAuth(
    request: GraphQLRequest,
    meta: RequestMeta,
    attempt: number,
  ): Promise<Outcome<Answer>> {
    if (meta.withoutCredentials) return attemptOnce(request, meta, attempt, undefined);
    try {
      const bearer = await obtainToken(options.getToken, redactor, tokenRequest(meta, undefined));
      const outcome = await attemptOnce(request, meta, attempt, bearer);
      if (!('answer' in outcome) || !isUnauthorized(outcome.answer)) return outcome;
      logger?.({ type: 'token-refresh', operationName: meta.operationName, reason: 'the server answered 401' });
      const fresh = await obtainToken(options.getToken, redactor, tokenRequest(meta, bearer));
      return fresh === bearer ? outcome : await attemptOnce(request, meta, attempt, fresh);
    } catch (error) {
      return { error };
    }
  }

  // The call's signal and the attempt's deadline, without keys for what the call does not have.
  function tokenRequest(meta: RequestMeta, rejectedToken: string | undefined): TokenRequest {
    const request: TokenRequest = {
      forceRefresh: rejectedToken !== undefined,
      deadline: Math.min(meta.deadline ?? Infinity, Date.now() + options.attemptTimeoutMs),
    };
    if (rejectedToken !== undefined) request.rejectedToken = rejectedToken;
    if (meta.signal) request.signal = meta.signal;
    return request;
  }

  async function send(request: GraphQLRequest, meta: RequestMeta): Promise<Answer> {
    const size = request.body.length;
    // Cheap first: a string of n UTF-16 units never takes more than 3n bytes in UTF-8.
    if (
      size * 3 > options.maxRequestBytes &&
      new TextEncoder().encode(request.body).byteLength > options.maxRequestBytes
    ) {
      throw new TransportError(
        { kind: 'request-too-large' },
        // The operation's name comes first in the error the executor makes of this one.
        `the request is larger than maxRequestBytes (${options.maxRequestBytes} bytes); nothing was sent`,
      );
    }
    const repeatable = isRepeatable(meta.kind, meta.operationName);
    const outcome = await retryLoop<Outcome<Answer>>({
      attempt: (n) => attemptWithAuth(request, meta, n),
      classify: (attempted) => classifyAttempt(attempted, repeatable),
      policy: retry,
      budget,
      maxAttempts: meta.maxAttempts,
      signal: meta.signal,
      deadline: meta.deadline,
      random: options.random,
      // Only failures that certainly did not execute are waited on, so an abort here executed nothing.
      abortError: abortedUnsent,
      // Only a client with a logger is told of retries: no closure per call otherwise.
      onRetry:
        logger &&
        ((retried) =>
          logger({
            type: 'retry',
            operationName: meta.operationName,
            ...retried,
            ...(options.pacer && { requestsPerSecond: options.pacer.requestsPerSecond }),
          })),
    });
    return settle(outcome);
  }

  return { send, close: () => options.sender.close() };
}

// Why a turn under the rate limit never came; shared, not built per attempt.
const turnRefused = (reason: StopReason) =>
  reason === 'aborted'
    ? new TransportError({ kind: 'aborted', sent: false }, 'the call was aborted while waiting for its turn')
    : new TransportError(
        { kind: 'timeout', sent: false },
        'the call’s deadline comes before its turn under the rate limit',
      );

/** The last attempt's answer, or its typed error; a failed status without GraphQL errors is an error. */
function settle(outcome: Outcome<Answer>): Answer {
  if ('error' in outcome) throw outcome.error;
  const { status, statusText, payload } = outcome.answer;
  if (status >= 400 && !(Array.isArray(payload.errors) && payload.errors.length > 0)) {
    throw new TransportError(
      { kind: 'status', rateLimited: status === 429, execution: status >= 500 ? 'maybe' : 'no' },
      `HTTP ${status} ${statusText}`.trim(),
      { status },
    );
  }
  return outcome.answer;
}

function isUnauthorized(answer: Answer): boolean {
  return answer.status === 401 || hasErrorCode(answer, 'UNAUTHORIZED');
}
