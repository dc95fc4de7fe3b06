/** How failures are described: shared by the GraphQL transport and the JWT provider. */
import { printable } from '../text/printable.js';

const SNIPPET_LENGTH = 160;

/**
 * The system error code behind a fetch failure. undici reports "fetch failed" and hides the code
 * (ECONNREFUSED…) in `cause`, sometimes in an AggregateError of one error per address tried.
 */
export function errorCode(error: unknown): string | undefined {
  for (
    let current = error as { code?: unknown; cause?: unknown; errors?: unknown } | undefined, depth = 0;
    current && depth < 4;
    depth++
  ) {
    if (typeof current.code === 'string' && current.code !== 'UND_ERR') return current.code;
    const first = Array.isArray(current.errors) ? (current.errors[0] as typeof current) : undefined;
    if (first && typeof first.code === 'string') return first.code;
    current = current.cause as typeof current;
  }
  return undefined;
}

// Failures before a request can reach the server: nothing was sent, resending cannot duplicate work.
const NOT_SENT = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
]);

// The server was reached and the connection closed before its answer (undici's "other side closed",
// Node's "socket hang up"): a server, proxy or load balancer dropped it, the address is right.
const CLOSED = new Set(['ECONNRESET', 'EPIPE', 'ECONNABORTED', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED']);

/** What a description says of a server that was reached and closed the connection before answering. */
export const CLOSED_BEFORE_ANSWER = 'closed the connection before answering';

/** Whether a failure with this system code happened before anything was sent. */
export const neverSent = (code: string | undefined): boolean => code !== undefined && NOT_SENT.has(code);

/**
 * A fetch failure as one line naming the host and what happened: `cannot reach api.boomi.com:443:
 * fetch failed (ECONNREFUSED)` when the connection never opened, `api.boomi.com:443 closed the
 * connection before answering: …` when it was reached. undici's own message says only "fetch failed".
 */
export function describeNetworkError(cause: unknown, url: string): string {
  const message = cause instanceof Error ? cause.message : String(cause);
  const code = errorCode(cause);
  const host = hostOf(url);
  const what = neverSent(code)
    ? `cannot reach ${host}`
    : code !== undefined && CLOSED.has(code)
      ? `${host} ${CLOSED_BEFORE_ANSWER}`
      : `the connection to ${host} failed`;
  return `${what}: ${message}${code ? ` (${code})` : ''}`;
}

function hostOf(url: string): string {
  try {
    const parsed = new URL(url);
    return parsed.port ? parsed.host : `${parsed.hostname}:${parsed.protocol === 'http:' ? 80 : 443}`;
  } catch {
    return 'the server';
  }
}

/**
 * The start of a body, whitespace folded and control characters escaped, to help diagnose proxies
 * and HTML error pages: inert in errors and log events alike.
 */
export function snippetOf(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return printable(flat.length > SNIPPET_LENGTH ? `${flat.slice(0, SNIPPET_LENGTH)}…` : flat);
}
