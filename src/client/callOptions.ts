import type { TypedDocumentNode as UrqlTypedDocumentNode } from '@urql/core';

/**
 * A GraphQL document as the SDK reads it, carrying the types of its result and variables (the
 * shape of `@graphql-typed-document-node/core`'s): what the generated documents are and what
 * {@link OperationExecutor} takes.
 */
export interface DocumentWithTypes<TResult, TVariables> {
  readonly kind: 'Document';
  readonly definitions: ReadonlyArray<{ readonly kind: string }>;
  /** Carries the types only: never set. */
  readonly __apiType?: (variables: TVariables) => TResult;
}

/**
 * A document typed with its result and variables: urql's `TypedDocumentNode` where the `graphql`
 * package resolves, else {@link DocumentWithTypes}, so the types of `execute` hold without it.
 * (urql's comes from @0no-co/graphql.web, whose declarations import graphql's: where graphql does
 * not resolve, as with `@boomi-spaces/sdk` alone, it is `any`, from which nothing can be inferred.
 * The test wraps it in a tuple: a conditional type on that `any` itself would be `any` too.)
 *
 * @example
 * ```ts
 * import { GetSpaceDocument, type GetSpaceQuery, type GetSpaceQueryVariables } from 'boomi-spaces';
 * import type { TypedDocumentNode } from 'boomi-spaces';
 * const document: TypedDocumentNode<GetSpaceQuery, GetSpaceQueryVariables> = GetSpaceDocument;
 * ```
 */
export type TypedDocumentNode<TResult = Record<string, unknown>, TVariables = Record<string, unknown>> = [
  UrqlTypedDocumentNode,
] extends [{ readonly __neverAProperty: never }]
  ? DocumentWithTypes<TResult, TVariables>
  : UrqlTypedDocumentNode<TResult, TVariables>;

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
  signal?: AbortSignal | undefined;
  /** A deadline for the whole call in milliseconds: token, attempts and the waits between them. */
  timeoutMs?: number | undefined;
  /**
   * The same deadline as an instant (epoch ms), for work that spans several calls: they all end at
   * it. With `timeoutMs` too, the earlier of the two counts.
   */
  deadline?: number | undefined;
  /** Attempts at most for this call, overriding the client's `retry.maxAttempts`. */
  maxAttempts?: number | undefined;
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
