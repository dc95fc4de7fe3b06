import { SpacesError } from '../errors/SpacesError.js';
import { parseRetryAfter, type Verdict } from '../retry/policy.js';
import type { SecretRedactor } from '../security/SecretRedactor.js';
import { describeNetworkError, snippetOf } from '../transport/diagnostics.js';
import type { TransportLogger } from '../transport/events.js';
import { BodyTooLargeError, readBounded } from '../transport/readBody.js';

/** A JWT is a few hundred bytes; an answer longer than this is not one. */
const MAX_JWT_ANSWER_BYTES = 64 * 1024;
const JWT_SHAPE = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;

/** Where and how to ask for a JWT. */
export interface JwtEndpoint {
  url: string;
  basic: string;
  otp: string | undefined;
  fetch: typeof globalThis.fetch;
  timeoutMs: number;
  redactor: SecretRedactor;
  logger: TransportLogger | undefined;
  now: () => number;
}

/** One call to the JWT endpoint: the token, or a typed error and whether asking again may help. */
export type JwtAttempt =
  { token: string } | { error: SpacesError; retry: boolean; timeout?: boolean; retryAfterMs?: number };

/** Failures that authenticated nothing (no connection, a timeout, 5xx, 429) may be repeated; refusals may not. */
export function classifyJwtAttempt(outcome: JwtAttempt): Verdict {
  if ('token' in outcome) return { retry: false, reason: 'ok', success: true };
  return {
    retry: outcome.retry,
    reason: outcome.error.message,
    ...(outcome.timeout && { timeout: true }),
    ...(outcome.retryAfterMs !== undefined && { retryAfterMs: outcome.retryAfterMs }),
  };
}

const fail = (message: string, status?: number, bodySnippet?: string, code = 'AUTH_ERROR') =>
  new SpacesError(`JWT endpoint: ${message}`, { code, status, bodySnippet, operationName: 'jwt' });

/** GETs a JWT once, within the endpoint's timeout and `stop`; never throws. */
export async function requestJwt(endpoint: JwtEndpoint, attempt: number, stop: AbortSignal): Promise<JwtAttempt> {
  const { url, redactor, logger, timeoutMs } = endpoint;
  const headers: Record<string, string> = {
    authorization: `Basic ${endpoint.basic}`,
    accept: 'text/plain, application/json',
  };
  if (endpoint.otp) headers['x-boomi-otp'] = endpoint.otp;
  const started = endpoint.now();
  logger?.({
    type: 'request',
    operationName: 'jwt',
    attempt,
    method: 'GET',
    url,
    headers: { authorization: 'Basic [REDACTED]', ...(endpoint.otp && { 'x-boomi-otp': '[REDACTED]' }) },
  });
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  const onStop = () => controller.abort();
  stop.addEventListener('abort', onStop, { once: true });
  let response: Response;
  let text: string;
  try {
    response = await endpoint.fetch(url, { headers, redirect: 'manual', signal: controller.signal });
    text = await readBounded(response, MAX_JWT_ANSWER_BYTES);
  } catch (cause) {
    if (cause instanceof BodyTooLargeError)
      return { error: fail(`the answer is longer than ${MAX_JWT_ANSWER_BYTES} bytes, so not a JWT`), retry: false };
    if (stop.aborted)
      return { error: fail('nobody waits for the token any more', undefined, undefined, 'ABORTED'), retry: false };
    if (timedOut)
      return {
        error: fail(`no answer within ${timeoutMs} ms`, undefined, undefined, 'TIMEOUT'),
        retry: true,
        timeout: true,
      };
    return { error: fail(redactor.redact(describeNetworkError(cause, url))), retry: true };
  } finally {
    clearTimeout(timer);
    stop.removeEventListener('abort', onStop);
  }
  const { status } = response;
  logger?.({ type: 'response', operationName: 'jwt', attempt, status, durationMs: endpoint.now() - started });
  return judgeAnswer(status, response, text, redactor);
}

function judgeAnswer(status: number, response: Response, text: string, redactor: SecretRedactor): JwtAttempt {
  const snippet = redactor.redact(snippetOf(text));
  if ((status >= 300 && status < 400) || response.type === 'opaqueredirect') {
    return {
      error: fail(`answered with a redirect (HTTP ${status}); credentials never follow one`, status),
      retry: false,
    };
  }
  if (status === 401 || status === 403)
    return { error: fail(`the credentials were refused (HTTP ${status})`, status, snippet), retry: false };
  if (status === 429) {
    return {
      error: fail('rate limited (HTTP 429)', status, snippet),
      retry: true,
      retryAfterMs: parseRetryAfter(response.headers.get('retry-after')),
    };
  }
  if (status >= 500) {
    const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'));
    return {
      error: fail(`HTTP ${status}`, status, snippet),
      retry: true,
      ...(retryAfterMs !== undefined && { retryAfterMs }),
    };
  }
  if (!response.ok) return { error: fail(`HTTP ${status}`, status, snippet), retry: false };
  const token = unquote(text.trim());
  if (!JWT_SHAPE.test(token)) {
    const what = snippet ? `starts with "${snippet.slice(0, 40)}"` : 'empty body';
    return { error: fail(`the answer is not a JWT (${what})`, status, snippet), retry: false };
  }
  return { token };
}

function unquote(text: string): string {
  if (!text.startsWith('"')) return text;
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'string' ? value : text;
  } catch {
    return text;
  }
}
