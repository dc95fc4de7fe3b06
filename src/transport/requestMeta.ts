/** Per-call facts handed to the transport with the request, under a symbol key: never sent. */
const REQUEST_META = Symbol('boomi-spaces.requestMeta');

export interface RequestMeta {
  kind: 'query' | 'mutation' | 'subscription';
  operationName: string;
  /** The caller's signal: aborts the attempt under way and any wait between attempts. */
  signal?: AbortSignal;
  /** Epoch ms after which no further attempt starts and the one under way is aborted. */
  deadline?: number;
  /** Attempts at most for this call, overriding the client's `retry.maxAttempts`. */
  maxAttempts?: number;
  /** Sent without credentials: no token is asked for and no Authorization header is set (the public catalog). */
  withoutCredentials?: boolean;
}

type InitWithMeta = RequestInit & { [REQUEST_META]?: RequestMeta };

/**
 * The request's meta. Both ways in (the executor and `transportExchange`) set it; a request without
 * one counts as an anonymous mutation, the kind that is never re-sent blindly.
 */
export function metaOf(init: RequestInit | undefined): RequestMeta {
  const carrying: InitWithMeta | undefined = init;
  return carrying?.[REQUEST_META] ?? { kind: 'mutation', operationName: 'anonymous' };
}

export function withMeta(init: RequestInit, meta: RequestMeta): RequestInit {
  return { ...init, [REQUEST_META]: meta } as InitWithMeta;
}
