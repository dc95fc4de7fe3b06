// POST /graphql of the console: the browser's GraphQL request, checked and bounded, forwarded to the
// platform with the JWT attached here, so the browser never holds the API token or a JWT. A 401 gets
// one fresh JWT and one re-send (the platform refused the request: nothing ran). Everything else,
// retries included, is the browser-side SDK's job, as it would be against the platform itself.
import type { IncomingMessage, ServerResponse } from 'node:http';

/** Where the console sends GraphQL requests, and how it gets JWTs for them. */
export interface Upstream {
  /** The platform's GraphQL endpoint (or the simulator's). */
  endpoint: string;
  /** A JWT; with `forceRefresh` a new one (after the platform refused the last). */
  getToken: (options: { forceRefresh: boolean; signal?: AbortSignal }) => Promise<string>;
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

async function readBounded(stream: AsyncIterable<Uint8Array>, limit: number, tooLarge: () => Error): Promise<Buffer> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of stream) {
    size += chunk.byteLength;
    if (size > limit) throw tooLarge();
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/** The request body as the fields GraphQL-over-HTTP defines, and nothing else. */
function graphQLBody(raw: Buffer): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw.toString('utf8'));
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

async function forward(upstream: Upstream, body: string, spaceGuid: string | undefined, signal: AbortSignal) {
  const send = async (forceRefresh: boolean) => {
    const token = await upstream.getToken({ forceRefresh, signal });
    return fetch(upstream.endpoint, {
      method: 'POST',
      redirect: 'manual',
      signal,
      body,
      headers: {
        'content-type': 'application/json',
        accept: 'application/graphql-response+json, application/json',
        authorization: `Bearer ${token}`,
        ...(spaceGuid !== undefined && { SPACE_GUID: spaceGuid }),
      },
    });
  };
  const first = await send(false);
  if (first.status !== 401) return first;
  await first.body?.cancel();
  return send(true);
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
  const aborted = new AbortController();
  response.once('close', () => aborted.abort());
  const signal = AbortSignal.any([aborted.signal, AbortSignal.timeout(limits.timeoutMs)]);
  try {
    const raw = await readBounded(
      request,
      limits.maxRequestBytes,
      () => new ProxyFailure(413, 'CONSOLE_REQUEST_TOO_LARGE', `the request is over ${limits.maxRequestBytes} bytes`),
    );
    const header = request.headers.space_guid;
    const spaceGuid = typeof header === 'string' && SPACE_GUID.test(header) ? header : upstream.spaceGuid;
    const answer = await forward(upstream, graphQLBody(raw), spaceGuid, signal);
    const text = answer.body
      ? await readBounded(
          // Node's web streams are async iterable; the DOM lib's type does not say so.
          answer.body as unknown as AsyncIterable<Uint8Array>,
          limits.maxResponseBytes,
          () =>
            new ProxyFailure(
              502,
              'RESPONSE_TOO_LARGE',
              `the platform's answer is over ${limits.maxResponseBytes} bytes`,
            ),
        )
      : Buffer.alloc(0);
    const type = answer.headers.get('content-type') ?? '';
    const retryAfter = answer.headers.get('retry-after');
    response.writeHead(answer.status, {
      'content-type': JSON_TYPES.test(type) ? type : 'text/plain; charset=utf-8',
      ...(retryAfter !== null && { 'retry-after': retryAfter }),
    });
    response.end(text);
  } catch (error) {
    if (response.headersSent || aborted.signal.aborted) return void response.destroy();
    if (error instanceof ProxyFailure) return sendError(response, error.status, error.code, error.message);
    const named = error as { name?: string; code?: string; message?: string };
    if (named.name === 'TimeoutError')
      return sendError(response, 504, 'TIMEOUT', `the platform did not answer within ${limits.timeoutMs} ms`);
    // The JWT provider's SpacesErrors are already redacted; a network failure says only its kind.
    if (typeof named.code === 'string' && /^[A-Z_]+$/.test(named.code))
      return sendError(response, 502, named.code, named.message ?? named.code);
    return sendError(response, 502, 'NETWORK_ERROR', 'the console could not reach the platform');
  }
}
