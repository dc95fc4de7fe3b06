import type { TypedDocumentNode } from '@urql/core';

/**
 * Options of one call, the last argument of every SDK method and of `execute`.
 *
 * @example
 * ```ts
 * const space = await client.getSpace(spaceId, { timeoutMs: 10_000, signal: AbortSignal.timeout(15_000) });
 * ```
 */
export interface CallOptions {
  /** Aborts the call: the request under way, the wait for a token, and any wait between retries. */
  signal?: AbortSignal;
  /** A deadline for the whole call in milliseconds: token, attempts and the waits between them. */
  timeoutMs?: number;
  /**
   * The same deadline as an instant (epoch ms), for work that spans several calls: they all end at
   * it. With `timeoutMs` too, the earlier of the two counts.
   */
  deadline?: number;
  /** Attempts at most for this call, overriding the client's `retry.maxAttempts`. */
  maxAttempts?: number;
}

/** The arguments after the document: the variables (absent when the operation takes none), then call options. */
export type ExecuteArguments<TVariables> =
  TVariables extends Record<string, never> ? [options?: CallOptions] : [variables: TVariables, options?: CallOptions];

/** Runs one typed operation; `createSpacesClient(...).execute` is one. */
export type OperationExecutor = <TResult, TVariables extends Record<string, unknown>>(
  document: TypedDocumentNode<TResult, TVariables>,
  ...args: ExecuteArguments<TVariables>
) => Promise<TResult>;

/**
 * The call's deadline as an instant (epoch ms), fixed now: the earlier of `deadline` and `timeoutMs`
 * from now; undefined when the call has neither.
 *
 * @example
 * ```ts
 * deadlineOf({ timeoutMs: 5_000 }); // Date.now() + 5000
 * ```
 */
export function deadlineOf(options: CallOptions | undefined): number | undefined {
  if (options?.timeoutMs === undefined) return options?.deadline;
  return Math.min(options.deadline ?? Infinity, Date.now() + options.timeoutMs);
}
