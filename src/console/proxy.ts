// POST /graphql of the console: the browser's GraphQL request, checked and bounded, forwarded to the
// platform with the JWT attached here, so the browser never holds the API token or a JWT. A 401 gets
// one fresh JWT and one re-send (the platform refused the request: nothing ran). Everything else,
// retries included, is the browser-side SDK's job, as it would be against the platform itself.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { TransportError } from '../errors/TransportError.js';
import { waitFor } from '../retry/waitFor.js';
import { SecretRedactor } from '../security/SecretRedactor.js';
import { exchange, type ExchangeCall, type Reply } from '../transport/exchange.js';
import { chooseSender } from '../transport/http/chooseSender.js';
import type { HttpSender } from '../transport/http/types.js';
import { BodyTooLargeError, readCapped } from '../bounded/readBody.js';

/** Where the console sends GraphQL requests, and how it gets JWTs for them. */
export interface Upstream {
  /** The platform's GraphQL endpoint (or the simulator's). */
  endpoint: string;
  /** A JWT; with `forceRefresh` a new one (after the platform refused the last). */
  getToken: (options: { forceRefresh: boolean; signal?: AbortSignal; deadline?: number }) => Promise<string>;
  /** SPACE_GUID sent when the browser names none. */
  spaceGuid?: string;
}

/** Bounds of the proxy. */
export interface ProxyLimits {
  /** Longest request body taken from the browser. Default 1 MiB. */
  maxRequestBytes: number;
  /** Longest answer body relayed. Default 8 MiB. */
  maxResponseBytes: number;
  /** Deadline of one forwarded request, JWT included, in ms. Default 30 000. */
  timeoutMs: number;
}

export const DEFAULT_PROXY_LIMITS: ProxyLimits = {
  maxRequestBytes: 1024 * 1024,
  maxResponseBytes: 8 * 1024 * 1024,
  timeoutMs: 30_000,
};

const SPACE_GUID = /^[A-Za-z0-9-]{1,100}$/;
const JSON_TYPES = /^application\/(graphql-response\+)?json\b/i;

class ProxyFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** Answers like a GraphQL server would, so the browser's SDK reports the code and message. */
export function sendError(response: ServerResponse, status: number, code: string, message: string): void {
  const body = JSON.stringify({ errors: [{ message, extensions: { code } }] });
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8' }).end(body);
}

/** The request body as the fields GraphQL-over-HTTP defines, and nothing else. */
function graphQLBody(raw: string): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new ProxyFailure(400, 'CONSOLE_BAD_REQUEST', 'the request body is not JSON');
  }
  const body = parsed as { query?: unknown; variables?: unknown; operationName?: unknown } | null;
  const isObject = (value: unknown) => typeof value === 'object' && value !== null && !Array.isArray(value);
  if (!isObject(body) || typeof body!.query !== 'string')
    throw new ProxyFailure(400, 'CONSOLE_BAD_REQUEST', 'the request needs a string `query`');
  if (body!.variables != null && !isObject(body!.variables))
    throw new ProxyFailure(400, 'CONSOLE_BAD_REQUEST', '`variables` must be an object');
  if (body!.operationName != null && typeof body!.operationName !== 'string')
    throw new ProxyFailure(400, 'CONSOLE_BAD_REQUEST', '`operationName` must be a string');
  const { query, variables, operationName } = body!;
  return JSON.stringify({ query, variables: variables ?? undefined, operationName: operationName ?? undefined });
}

// The console's one sender, chosen once (undici's shared dispatcher in Node): the SDK's pipeline.
let sender: HttpSender | undefined;

/** Sends through the pipeline with a JWT; after a 401, one fresh JWT and one re-send. */
async function forward(
  upstream: Upstream,
  body: string,
  spaceGuid: string | undefined,
  call: Required<ExchangeCall>,
  limits: ProxyLimits,
  redactor: SecretRedactor,
): Promise<Reply> {
  const send = async (forceRefresh: boolean) => {
    // A provider that ignores the signal must not hold the request past its deadline (the caller's wait ends it).
    const token = await upstream.getToken({ forceRefresh, ...call });
    redactor.add(token);
    const request = {
      url: upstream.endpoint,
      method: 'POST',
      body,
      headers: {
        'content-type': 'application/json',
        accept: 'application/graphql-response+json, application/json',
        authorization: `Bearer ${token}`,
        ...(spaceGuid !== undefined && { space_guid: spaceGuid }),
      },
    };
    return exchange((sender ??= chooseSender({})), request, call, {
      maxBytes: limits.maxResponseBytes,
      tooLargeMessage: `the platform's answer is over ${limits.maxResponseBytes} bytes`,
      redact: (text) => redactor.redact(text),
    });
  };
  const first = await send(false);
  return first.status === 401 ? send(true) : first;
}

/** Handles one POST /graphql. */
export async function proxyGraphQL(
  request: IncomingMessage,
  response: ServerResponse,
  upstream: Upstream,
  limits: ProxyLimits,
): Promise<void> {
  // A browser cannot send application/json cross-origin without a preflight, which we never grant.
  if (!JSON_TYPES.test(request.headers['content-type'] ?? ''))
    return sendError(response, 415, 'CONSOLE_BAD_REQUEST', 'the request must be application/json');
  // One deadline for the whole request, JWT included, held by the SDK's one wait (its own timer).
  const deadline = Date.now() + limits.timeoutMs;
  const controller = new AbortController();
  // 499 (nginx's "client closed request"): nobody is left to answer, the connection is just dropped.
  const gone = () => controller.abort();
  response.once('close', gone);
  const redactor = new SecretRedactor();
  const call = { deadline, signal: controller.signal };
  try {
    const { status, headers, body } = await waitFor(relay(request, upstream, limits, call, redactor), call, (reason) =>
      reason === 'aborted'
        ? new ProxyFailure(499, 'CONSOLE_CLIENT_GONE', 'the browser went away')
        : new ProxyFailure(504, 'TIMEOUT', `the platform did not answer within ${limits.timeoutMs} ms`),
    );
    response.writeHead(status, headers).end(body);
  } catch (caught) {
    // Whichever timer fired first (ours, or the JWT provider's own with the same deadline, which
    // fails with TIMEOUT), the browser is told the same thing: 504.
    const late =
      !(caught instanceof ProxyFailure) &&
      (Date.now() >= deadline || (caught as { code?: unknown } | null)?.code === 'TIMEOUT');
    const error = late
      ? new ProxyFailure(504, 'TIMEOUT', `the platform did not answer within ${limits.timeoutMs} ms`)
      : proxyFailureOf(caught, limits);
    if (response.headersSent || (error instanceof ProxyFailure && error.status === 499)) return void response.destroy();
    if (error instanceof ProxyFailure) return sendError(response, error.status, error.code, error.message);
    const named = error as { code?: string; message?: string };
    // The JWT provider's SpacesErrors are already redacted; a network failure says only its kind.
    if (typeof named.code === 'string' && /^[A-Z_]{1,64}$/.test(named.code))
      return sendError(response, 502, named.code, redactor.redact(String(named.message ?? named.code)));
    return sendError(response, 502, 'NETWORK_ERROR', 'the console could not reach the platform');
  } finally {
    response.off('close', gone);
  }
}

/** The pipeline's typed failures as the console answers them. */
function proxyFailureOf(error: unknown, limits: ProxyLimits): unknown {
  if (error instanceof BodyTooLargeError)
    return new ProxyFailure(413, 'CONSOLE_REQUEST_TOO_LARGE', `the request is over ${limits.maxRequestBytes} bytes`);
  if (!(error instanceof TransportError)) return error;
  switch (error.failure.kind) {
    case 'timeout':
      return new ProxyFailure(504, 'TIMEOUT', `the platform did not answer within ${limits.timeoutMs} ms`);
    case 'aborted':
      return new ProxyFailure(499, 'CONSOLE_CLIENT_GONE', 'the browser went away');
    case 'too-large':
    case 'redirect':
      return new ProxyFailure(502, error.code, error.message);
    default:
      return new ProxyFailure(502, 'NETWORK_ERROR', 'the console could not reach the platform');
  }
}

/** Reads, checks and forwards the request; the platform's answer as relayed: bounded and redacted. */
async function relay(
  request: IncomingMessage,
  upstream: Upstream,
  limits: ProxyLimits,
  call: Required<ExchangeCall>,
  redactor: SecretRedactor,
): Promise<{ status: number; headers: Record<string, string>; body: string }> {
  const declared = Number(request.headers['content-length'] ?? NaN);
  const raw = await readCapped(request, limits.maxRequestBytes, Number.isFinite(declared) ? declared : undefined);
  const header = request.headers.space_guid;
  const spaceGuid = typeof header === 'string' && SPACE_GUID.test(header) ? header : upstream.spaceGuid;
  const answer = await forward(upstream, graphQLBody(raw), spaceGuid, call, limits, redactor);
  const type = answer.headers.get('content-type') ?? '';
  const retryAfter = answer.headers.get('retry-after');
  return {
    status: answer.status,
    headers: {
      'content-type': JSON_TYPES.test(type) ? type : 'text/plain; charset=utf-8',
      ...(retryAfter !== null && { 'retry-after': redactor.redact(retryAfter) }),
    },
    // An upstream or gateway that echoes the Authorization header must not hand the JWT to the page.
    body: redactor.redact(answer.text),
  };
}
