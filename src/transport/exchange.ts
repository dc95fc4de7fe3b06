import { TransportError } from '../errors/TransportError.js';
import { waitFor, type StopReason } from '../retry/waitFor.js';
import { describeNetworkError, errorCode, neverSent } from './diagnostics.js';
import { redactHeaders, type TransportEvent } from './events.js';
import type { HeaderReader, HttpReply, HttpRequest, HttpSender } from './http/types.js';
import { BodyTooLargeError } from '../bounded/readBody.js';

/** The per-exchange data, passed explicitly: when it must end, and the caller's signal. */
export interface ExchangeCall {
  /** Epoch ms: the exchange is cancelled and fails with TIMEOUT past it. */
  deadline: number;
  signal?: AbortSignal | undefined;
}

/** What the pipeline needs besides the request itself. */
export interface ExchangeOptions {
  /** Longest answer body read, in bytes. */
  maxBytes: number;
  /** The message of an answer over `maxBytes` (which option raises the limit). */
  tooLargeMessage: string;
  redact: (text: string) => string;
  /** Told of the request, its answer or its failure, credentials redacted. */
  log?: (event: ExchangeEvent) => void;
}

/** An event of one exchange, before the caller names it after its operation and attempt. */
type ExchangeEvent = DistributiveOmit<
  Extract<TransportEvent, { type: 'request' | 'response' | 'failure' }>,
  'operationName' | 'attempt'
>;
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** An answer read in full (whatever its status). */
export interface Reply {
  status: number;
  statusText: string;
  headers: HeaderReader;
  text: string;
}

/**
 * The SDK's one HTTP exchange (GraphQL attempts, the JWT endpoint, the console's proxy): sends,
 * refuses redirects (credentials never follow one), reads the answer within `maxBytes`, and ends at
 * the deadline or the caller's signal with one timer and one listener (cancelling the request and
 * its body). Every failure is a {@link TransportError} of a typed kind.
 *
 * @example
 * ```ts
 * const reply = await exchange(sender, { url, method: 'GET', headers }, { deadline: Date.now() + 30_000 }, options);
 * ```
 */
export async function exchange(
  sender: HttpSender,
  request: HttpRequest,
  call: ExchangeCall,
  options: ExchangeOptions,
): Promise<Reply> {
  if (call.signal?.aborted) throw abortedUnsent();
  const started = Date.now();
  const { log } = options;
  log?.({
    type: 'request',
    method: request.method,
    url: request.url,
    headers: redactHeaders(new Headers(request.headers)),
  });
  const inFlight = sender.send(request);
  let reply: Reply;
  try {
    reply = await waitFor(read(inFlight.reply, options), call, (reason) => {
      inFlight.cancel();
      return stoppedError(reason, call.deadline - started);
    });
  } catch (cause) {
    const error = failureOf(cause, request.url, options);
    log?.({ type: 'failure', code: error.code, message: error.message, durationMs: Date.now() - started });
    throw error;
  }
  log?.({ type: 'response', status: reply.status, durationMs: Date.now() - started });
  return reply;
}

/** The caller's signal fired before anything was sent. */
export const abortedUnsent = () => new TransportError({ kind: 'aborted', sent: false }, 'the call was aborted');

async function read(pending: Promise<HttpReply>, options: ExchangeOptions): Promise<Reply> {
  const reply = await pending;
  const { status } = reply;
  if ((status >= 300 && status < 400) || reply.redirected) {
    reply.discard();
    throw new TransportError(
      { kind: 'redirect' },
      `the server answered with a redirect (HTTP ${status}); redirects are not followed`,
      { status },
    );
  }
  const text = await reply.read(options.maxBytes);
  return { status, statusText: reply.statusText, headers: reply.headers, text };
}

function stoppedError(reason: StopReason, allowedMs: number): TransportError {
  return reason === 'aborted'
    ? new TransportError({ kind: 'aborted', sent: true }, 'the call was aborted')
    : new TransportError({ kind: 'timeout', sent: true }, `no answer within ${Math.max(0, allowedMs)} ms`);
}

function failureOf(cause: unknown, url: string, options: ExchangeOptions): TransportError {
  if (cause instanceof TransportError) return cause;
  if (cause instanceof BodyTooLargeError) {
    return new TransportError({ kind: 'too-large' }, options.tooLargeMessage);
  }
  return new TransportError(
    { kind: neverSent(errorCode(cause)) ? 'unreachable' : 'connection-lost' },
    `network error: ${options.redact(describeNetworkError(cause, url))}`,
  );
}
