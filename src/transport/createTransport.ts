import { TransportError } from '../errors/TransportError.js';
import type { SecretRedactor } from '../security/SecretRedactor.js';

/** What the transport needs from the client. */
export interface TransportOptions {
  fetch: typeof globalThis.fetch;
  getToken: () => string | Promise<string>;
  timeoutMs: number;
  redactor: SecretRedactor;
}

const SNIPPET_LENGTH = 160;

/**
 * The `fetch` urql calls. Credentials are attached here, at the last moment, so the token never sits
 * in urql's operation contexts or debug events and every re-send gets the current one. It also turns
 * every answer that is not a GraphQL response into a typed {@link TransportError} with the status and
 * a snippet, instead of urql's bare JSON parse error.
 */
export function createTransport({ fetch: fetchImpl, getToken, timeoutMs, redactor }: TransportOptions): typeof fetch {
  return async (input, init = {}) => {
    const token = await obtainToken(getToken, redactor);
    const headers = new Headers(init.headers);
    headers.set('authorization', `Bearer ${token}`);

    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = init.signal ? AbortSignal.any([init.signal, timeout]) : timeout;
    let response: Response;
    let text: string;
    try {
      // Credentials never follow a redirect: a 3xx is an error, see below.
      response = await fetchImpl(input, { ...init, headers, signal, redirect: 'manual' });
      text = await response.text();
    } catch (cause) {
      if (timeout.aborted) throw new TransportError('TIMEOUT', `no answer within ${timeoutMs} ms`);
      const reason = cause instanceof Error ? describeNetworkError(cause) : String(cause);
      throw new TransportError('NETWORK_ERROR', `network error: ${redactor.redact(reason)}`);
    }

    const { status } = response;
    if ((status >= 300 && status < 400) || response.type === 'opaqueredirect') {
      throw new TransportError('REDIRECT_REFUSED', `the server answered with a redirect (HTTP ${status}); redirects are not followed`, status);
    }
    const payload = parseGraphQLBody(text);
    if (!payload) {
      const snippet = redactor.redact(snippetOf(text));
      throw new TransportError(
        'INVALID_RESPONSE',
        `HTTP ${status}: the answer is not a GraphQL response (${snippet ? `starts with "${snippet}"` : 'empty body'})`,
        status,
        snippet,
      );
    }
    if (!response.ok && !(Array.isArray(payload.errors) && payload.errors.length > 0)) {
      throw new TransportError(status === 429 ? 'RATE_LIMITED' : 'HTTP_ERROR', `HTTP ${status} ${response.statusText}`.trim(), status);
    }
    // urql reads the body again, so it gets a fresh copy of the answer already checked.
    const forwardedHeaders = new Headers(response.headers);
    forwardedHeaders.set('content-type', 'application/json');
    return new Response(text, { status, statusText: response.statusText, headers: forwardedHeaders });
  };
}

async function obtainToken(getToken: TransportOptions['getToken'], redactor: SecretRedactor): Promise<string> {
  let token: unknown;
  try {
    token = await getToken();
  } catch (cause) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    throw new TransportError('AUTH_ERROR', `could not obtain a token: ${redactor.redact(reason)}`);
  }
  if (typeof token !== 'string' || token.trim() === '') {
    throw new TransportError('AUTH_ERROR', 'could not obtain a token: getToken() returned no token');
  }
  redactor.add(token);
  return token;
}

function parseGraphQLBody(text: string): { data?: unknown; errors?: unknown } | undefined {
  if (text.trim() === '') return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return undefined;
  const body = parsed as { data?: unknown; errors?: unknown };
  const hasData = 'data' in body && (body.data === null || typeof body.data === 'object');
  const hasErrors = Array.isArray(body.errors);
  return hasData || hasErrors ? body : undefined;
}

function snippetOf(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > SNIPPET_LENGTH ? `${flat.slice(0, SNIPPET_LENGTH)}…` : flat;
}

// undici reports "fetch failed" and hides the useful part (ECONNREFUSED, ENOTFOUND) in `cause`.
function describeNetworkError(error: Error): string {
  const cause = error.cause as { code?: unknown; message?: unknown } | undefined;
  if (cause && typeof cause.code === 'string') return `${error.message} (${cause.code})`;
  if (cause && typeof cause.message === 'string') return `${error.message} (${cause.message})`;
  return error.message;
}
