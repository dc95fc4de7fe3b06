import type { SpacesErrorCode } from './codes.js';

/** One GraphQL error as the server sent it, reduced to plain data. */
export interface SpacesGraphQLError {
  message: string;
  path?: ReadonlyArray<string | number>;
  locations?: ReadonlyArray<{ line: number; column: number }>;
  extensions?: Record<string, unknown>;
}

/** What a {@link SpacesError} is built from. */
export interface SpacesErrorDetails {
  code: SpacesErrorCode;
  /** The HTTP status, when an answer arrived. */
  status?: number;
  graphQLErrors?: SpacesGraphQLError[];
  /** Partial data that came with the errors. */
  data?: unknown;
  operationName?: string;
  /** The start of an unreadable body, to help diagnose proxies and HTML error pages. */
  bodySnippet?: string;
  cause?: unknown;
}

/**
 * Every failure of the SDK. It holds only plain data: never the request, its headers or the token.
 *
 * @example
 * ```ts
 * try {
 *   await client.installIntegrationPack({ integrationPackId, spaceId });
 * } catch (error) {
 *   if (error instanceof SpacesError && error.code === 'IPACK_NOT_FOUND_IN_SPACE') {
 *     console.error('That pack is not shared with the space');
 *   } else throw error;
 * }
 * ```
 */
export class SpacesError extends Error {
  override name = 'SpacesError';
  /** A documented Boomi code, a code the server sent, or one of ours ({@link ClientErrorCode}). */
  readonly code: SpacesErrorCode;
  readonly status: number | undefined;
  readonly graphQLErrors: readonly SpacesGraphQLError[];
  readonly data: unknown;
  readonly operationName: string | undefined;
  readonly bodySnippet: string | undefined;

  constructor(message: string, details: SpacesErrorDetails) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.code = details.code;
    this.status = details.status;
    this.graphQLErrors = details.graphQLErrors ?? [];
    this.data = details.data;
    this.operationName = details.operationName;
    this.bodySnippet = details.bodySnippet;
  }

  toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      code: this.code,
      message: this.message,
      status: this.status,
      operationName: this.operationName,
      graphQLErrors: this.graphQLErrors,
      data: this.data,
      bodySnippet: this.bodySnippet,
    };
  }
}

/** Input refused before anything was sent: fix the call, do not retry it. */
export class SpacesInputError extends SpacesError {
  override name = 'SpacesInputError';
  /** The input field at fault, as a dotted path (for example `integrationPackOverrideName`). */
  readonly field: string | undefined;

  constructor(message: string, details: Omit<SpacesErrorDetails, 'code'> & { code?: SpacesErrorCode; field?: string }) {
    super(message, { ...details, code: details.code ?? 'INVALID_INPUT' });
    this.field = details.field;
  }
}
