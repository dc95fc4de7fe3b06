/**
 * The per-call data of one GraphQL request, passed to the transport as its own parameter (never
 * inside the request): what the operation is, and when and how the call may end.
 */
export interface RequestMeta {
  kind: 'query' | 'mutation' | 'subscription';
  operationName: string;
  /** The caller's signal: aborts the attempt under way and any wait between attempts. */
  signal?: AbortSignal;
  /** Epoch ms after which no further attempt starts and the one under way is cancelled. */
  deadline?: number;
  /** Attempts at most for this call, overriding the client's `retry.maxAttempts`. */
  maxAttempts?: number;
  /** Sent without credentials: no token is asked for and no Authorization header is set (the public catalog). */
  withoutCredentials?: boolean;
}
