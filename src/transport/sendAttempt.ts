import { TransportError } from '../errors/TransportError.js';
import type { SecretRedactor } from '../security/SecretRedactor.js';
import { describeNetworkError, errorCode, snippetOf } from './diagnostics.js';
import { redactHeaders, type TransportLogger } from './events.js';
import type { HeaderReader, HttpReply, HttpSender } from './http/types.js';
import { BodyTooLargeError, nestsDeeperThan } from './readBody.js';
import type { RequestMeta } from './requestMeta.js';

/** One HTTP answer that holds a GraphQL response (whatever its status). */
export interface Answer {
  status: number;
  statusText: string;
  headers: HeaderReader;
  text: string;
  payload: { data?: unknown; errors?: Array<{ message?: unknown; extensions?: unknown }> };
}

export interface AttemptContext {
  /** fetch or undici, chosen by the client (`http/chooseSender.ts`). */
  sender: HttpSender;
  timeoutMs: number;
  redactor: SecretRedactor;
  /** Longest answer body read, in bytes. */
  maxResponseBytes: number;
  /** Deepest nesting of objects and arrays accepted in an answer. */
  maxResponseDepth: number;
  logger?: TransportLogger;
}

// Failures that happen before a request can reach the server: resending cannot duplicate work.
const NOT_SENT = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
]);

/**
 * Sends one HTTP request and reads the answer. Everything that is not a GraphQL response becomes a
 * typed TransportError that says whether the server may have executed the request.
 */
export async function sendAttempt(
  url: string,
  init: RequestInit,
  meta: RequestMeta,
  attempt: number,
  { sender, timeoutMs, redactor, maxResponseBytes, maxResponseDepth, logger }: AttemptContext,
): Promise<Answer> {
  // One controller per attempt, aborted by the timeout or the caller's signal. setTimeout rather than
  // AbortSignal.timeout, so fake clocks control it; no AbortSignal.any, which costs a transferable
  // DOMException per request. urql's own signal is left out: it only fires when urql tears the
  // operation down after its answer, and the caller's signal covers cancellation.
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(
    () => {
      timedOut = true;
      controller.abort();
    },
    Math.max(0, Math.min(timeoutMs, (meta.deadline ?? Infinity) - Date.now())),
  );
  const onCallerAbort = () => controller.abort();
  if (meta.signal?.aborted) controller.abort();
  meta.signal?.addEventListener('abort', onCallerAbort, { once: true });
  const started = Date.now();
  if (logger) {
    const headers = redactHeaders(new Headers(init.headers));
    logger({
      type: 'request',
      operationName: meta.operationName,
      attempt,
      method: init.method ?? 'POST',
      url,
      headers,
    });
  }

  let response: HttpReply;
  let text: string;
  try {
    // Credentials never follow a redirect: a 3xx is an error, below.
    response = await sender.send(url, {
      method: init.method ?? 'POST',
      headers: init.headers as Record<string, string>,
      body: typeof init.body === 'string' ? init.body : undefined,
      signal: controller.signal,
    });
    text = await response.readText(maxResponseBytes);
  } catch (cause) {
    const error =
      cause instanceof TransportError
        ? cause
        : cause instanceof BodyTooLargeError
          ? new TransportError(
              'RESPONSE_TOO_LARGE',
              `the answer is longer than maxResponseBytes (${maxResponseBytes} bytes); reading stopped there. ` +
                'A large account can raise the limit: the client option maxResponseBytes, the CLI’s --max-response-mb',
              {
                execution: 'maybe',
                final: true,
              },
            )
          : networkFailure(cause, { url, timedOut, aborted: meta.signal?.aborted ?? false, timeoutMs, redactor });
    logger?.({
      type: 'failure',
      operationName: meta.operationName,
      attempt,
      code: error.code,
      message: error.message,
      durationMs: Date.now() - started,
    });
    throw error;
  } finally {
    clearTimeout(timer);
    meta.signal?.removeEventListener('abort', onCallerAbort);
  }
  logger?.({
    type: 'response',
    operationName: meta.operationName,
    attempt,
    status: response.status,
    durationMs: Date.now() - started,
  });

  const { status } = response;
  if ((status >= 300 && status < 400) || response.redirected) {
    throw new TransportError(
      'REDIRECT_REFUSED',
      `the server answered with a redirect (HTTP ${status}); redirects are not followed`,
      {
        execution: 'no',
        status,
      },
    );
  }
  const parsed = parseJson(text);
  if (parsed !== undefined && nestsDeeperThan(parsed, maxResponseDepth)) {
    throw new TransportError(
      'INVALID_RESPONSE',
      `HTTP ${status}: the answer nests deeper than maxResponseDepth (${maxResponseDepth})`,
      {
        execution: 'maybe',
        status,
        final: true,
      },
    );
  }
  const payload = asGraphQLBody(parsed);
  // A 429 is a refusal whatever its body says; the retry loop reads its Retry-After.
  if (!payload && status === 429)
    return { status, statusText: response.statusText, headers: response.headers, text, payload: {} };
  if (!payload) {
    const snippet = redactor.redact(snippetOf(text));
    // A 4xx that is not GraphQL (a proxy's 413 or 400) refused the request: sending it again fails again.
    const refused = status >= 400 && status < 500;
    throw new TransportError(
      refused ? 'HTTP_ERROR' : 'INVALID_RESPONSE',
      `HTTP ${status}: the answer is not a GraphQL response (${snippet ? `starts with "${snippet}"` : 'empty body'})`,
      { execution: refused ? 'no' : 'maybe', status, bodySnippet: snippet, ...(refused && { final: true }) },
    );
  }
  return { status, statusText: response.statusText, headers: response.headers, text, payload };
}

function networkFailure(
  cause: unknown,
  {
    url,
    timedOut,
    aborted,
    timeoutMs,
    redactor,
  }: { url: string; timedOut: boolean; aborted: boolean; timeoutMs: number; redactor: SecretRedactor },
): TransportError {
  if (aborted) return new TransportError('ABORTED', 'the call was aborted', { execution: 'maybe' });
  if (timedOut) return new TransportError('TIMEOUT', `no answer within ${timeoutMs} ms`, { execution: 'maybe' });
  const code = errorCode(cause);
  return new TransportError('NETWORK_ERROR', `network error: ${redactor.redact(describeNetworkError(cause, url))}`, {
    execution: code && NOT_SENT.has(code) ? 'no' : 'maybe',
  });
}

function parseJson(text: string): unknown {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function asGraphQLBody(parsed: unknown): Answer['payload'] | undefined {
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return undefined;
  const body = parsed as Answer['payload'];
  const hasData = 'data' in body && (body.data === null || typeof body.data === 'object');
  return hasData || Array.isArray(body.errors) ? body : undefined;
}
