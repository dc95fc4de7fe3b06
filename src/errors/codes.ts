/** Error codes Boomi documents for the Spaces API. */
export const BOOMI_ERROR_CODES = [
  'MISSING_SPACE_NAME',
  'MISSING_ACCT_GRP_ID',
  'INVALID_SPACE_NAME',
  'SPACE_EXISTS_FOR_ACCT_GRP',
  'MISSING_OP_USER_ID',
  'MISSING_OP_ACCT_ID',
  'UNSUPPORTED_SHARING_MODE',
  'MISSING_SPACE_ID',
  'SPACE_NOT_FOUND',
  'GENERIC_SYSTEM_ERROR',
  'SPACE_IS_DELETED',
  'ACCOUNT_INPUT_MISSING_FIELDS',
  'ACCOUNT_INPUT_INVALID_DATE',
  'INVALID_AUTH_METHOD',
  'PLATFORM_CALL_ERROR',
  'UNAUTHORIZED',
  'ARTIFACT_NOT_IN_SPACE',
  'IPACK_INSTANCE_ID_INVALID',
  'IPACK_NOT_FOUND_IN_SPACE',
  'SPACE_NAME_IS_LENGTHY',
  'SPACE_LOGO_UPLOAD_ERROR',
  'SPACE_LOGO_DELETE_ERROR',
  'SPACE_LOGO_GET_ERROR',
  'SPACE_THEME_DELETE_ERROR',
] as const;

/** A code from Boomi's documented list. */
export type BoomiErrorCode = (typeof BOOMI_ERROR_CODES)[number];

/** Codes this SDK gives to failures Boomi has no code for. */
export type ClientErrorCode =
  /** The request never got an answer (DNS, refused or reset connection). */
  | 'NETWORK_ERROR'
  /** No answer within the timeout. */
  | 'TIMEOUT'
  /** The caller's AbortSignal fired. */
  | 'ABORTED'
  /** A non-2xx answer without a GraphQL error body. */
  | 'HTTP_ERROR'
  /**
   * An answer that is not a GraphQL response (HTML, invalid JSON, an empty body), one nested deeper
   * than `maxResponseDepth`, or data that does not have the operation's shape.
   */
  | 'INVALID_RESPONSE'
  /** An answer body longer than `maxResponseBytes`: reading stopped at the limit. */
  | 'RESPONSE_TOO_LARGE'
  /** Bad input, refused before anything was sent. */
  | 'INVALID_INPUT'
  /** The token could not be obtained. */
  | 'AUTH_ERROR'
  /** HTTP 429 without a documented code. */
  | 'RATE_LIMITED'
  /** The server answered with a redirect; credentials never follow one. */
  | 'REDIRECT_REFUSED'
  /** A GraphQL error that carries no code we recognise. */
  | 'GRAPHQL_ERROR'
  /** A mutation failed ambiguously and its outcome could not be established: see OutcomeUnknownError. */
  | 'OUTCOME_UNKNOWN'
  /** The server's schema no longer accepts one of our operations: see SchemaDriftError. */
  | 'SCHEMA_DRIFT';

/**
 * Every code a {@link SpacesError} can carry. Unknown server codes from `extensions.code` pass through
 * as strings when they look like codes (see `codeOfGraphQLError`).
 */
export type SpacesErrorCode = BoomiErrorCode | ClientErrorCode | (string & {});

const CODE_IN_MESSAGE = new RegExp(`\\b(${BOOMI_ERROR_CODES.join('|')})\\b`);

// What a code looks like: Boomi's UPPER_SNAKE codes and the usual GraphQL server codes.
const CODE_SHAPE = /^[A-Za-z0-9_.:-]{1,64}$/;

/**
 * The code of one GraphQL error. The pages do not say where Boomi puts it, so `extensions.code`
 * wins and a documented code named in the message comes next. An `extensions.code` that does not
 * look like a code (spaces, control characters, over 64 characters) is no code: code is for
 * matching, and the value stays visible, escaped, in the error's `graphQLErrors`.
 */
export function codeOfGraphQLError(error: { message?: unknown; extensions?: unknown }): string | undefined {
  const extensions = error.extensions as { code?: unknown } | undefined;
  if (typeof extensions?.code === 'string' && CODE_SHAPE.test(extensions.code)) return extensions.code;
  if (typeof error.message === 'string') return CODE_IN_MESSAGE.exec(error.message)?.[1];
  return undefined;
}
