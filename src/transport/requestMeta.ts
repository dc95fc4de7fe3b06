/**
 * Per-call facts the executor hands to the transport. urql spreads the operation's `fetchOptions`
 * into the RequestInit it gives fetch, symbol keys included, so this travels with the request
 * without ever being sent.
 */
export const REQUEST_META = Symbol('boomi-spaces.requestMeta');

export interface RequestMeta {
  kind: 'query' | 'mutation' | 'subscription';
  operationName: string;
  /** The caller's signal: aborts the attempt under way and any wait between attempts. */
  signal?: AbortSignal;
  /** Epoch ms after which no further attempt starts and the one under way is aborted. */
  deadline?: number;
  /** Attempts at most for this call, overriding the client's `retry.maxAttempts`. */
  maxAttempts?: number;
}

type InitWithMeta = RequestInit & { [REQUEST_META]?: RequestMeta };

/**
 * The request's meta; for requests made through `client.urql` directly, read from the body. A
 * document we cannot read counts as a mutation, the kind that is never re-sent blindly.
 */
export function metaOf(init: RequestInit | undefined): RequestMeta {
  const meta = (init as InitWithMeta | undefined)?.[REQUEST_META];
  if (meta) return meta;
  try {
    const body = JSON.parse(String(init?.body)) as { query?: unknown; operationName?: unknown };
    const query = typeof body.query === 'string' ? body.query : '';
    const operationName = typeof body.operationName === 'string' ? body.operationName : 'anonymous';
    const kind = /^\s*(\{|query\b)/.test(query) && !/(^|\})\s*mutation\b/.test(query) ? 'query' : 'mutation';
    return { kind, operationName };
  } catch {
    return { kind: 'mutation', operationName: 'anonymous' };
  }
}

export function withMeta(init: RequestInit, meta: RequestMeta): RequestInit {
  return { ...init, [REQUEST_META]: meta } as InitWithMeta;
}
