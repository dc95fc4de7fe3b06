import { redactDeep, redactShapes } from '../security/SecretRedactor.js';
import { printable } from '../text/printable.js';
import { BRAND, brandOf } from './brand.js';
import type { SpacesErrorCode } from './codes.js';

/** Text made inert where the error is made: credentials of a known shape blanked, control characters escaped. */
const inert = (text: string) => printable(redactShapes(text));

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
  /** True when the server may have executed the request despite the failure. */
  mayHaveExecuted?: boolean;
  cause?: unknown;
}

/**
 * Every failure of the SDK. It holds only plain data: never the request, its headers or the token.
 * Every string it carries (message, server errors and their extensions, partial data, snippets) has
 * credentials blanked out, those of a known shape even when the SDK never saw them. The message, code,
 * operation name, body snippet, server errors (their extensions at any depth) and cause also have
 * their control characters escaped (`\x1b`, `\u202e`, `\n`) here, where the error is made, so logging
 * `error.message` or the whole error sends no command to a terminal. The partial `data` is the API's
 * data, left as a successful call would return it.
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
  /** The brand `instanceof` checks (./brand.ts); each exported subclass declares its own. */
  static readonly [BRAND]: string = 'SpacesError';
  /** A documented Boomi code, a code the server sent, or one of ours (`ClientErrorCode`). */
  declare readonly code: SpacesErrorCode;
  declare readonly status: number | undefined;
  declare readonly graphQLErrors: readonly SpacesGraphQLError[];
  declare readonly data: unknown;
  declare readonly operationName: string | undefined;
  declare readonly bodySnippet: string | undefined;
  /**
   * True when the request may have been executed despite the failure (a lost answer, a 5xx): a
   * mutation that fails so must be reconciled, never re-sent blindly.
   */
  declare readonly mayHaveExecuted: boolean;

  constructor(message: string, details: SpacesErrorDetails) {
    super(inert(message), details.cause === undefined ? undefined : { cause: plainCause(details.cause) });
    this.code = printable(details.code);
    this.status = details.status;
    this.graphQLErrors = redactDeep(details.graphQLErrors ?? [], inert) as SpacesGraphQLError[];
    this.data = redactDeep(details.data, redactShapes);
    this.operationName = details.operationName === undefined ? undefined : printable(details.operationName);
    this.bodySnippet = details.bodySnippet === undefined ? undefined : inert(details.bodySnippet);
    this.mayHaveExecuted = details.mayHaveExecuted ?? false;
  }

  /**
   * `instanceof SpacesError` (and `instanceof` each exported subclass, which inherit this) holds for
   * an error of any copy of the SDK (boomi-spaces and @boomi-spaces/sdk, their ESM and CommonJS
   * builds): it checks the class's registered brand, not the copy. A subclass without a brand of its
   * own checks its prototype as usual.
   */
  static override [Symbol.hasInstance](value: unknown): boolean {
    // A class on the chain with this class's brand (or, for a subclass without one, this class).
    const brand = brandOf(this);
    for (let proto = value; proto != null && (proto = Object.getPrototypeOf(proto));)
      if (brandOf((proto as { constructor?: unknown }).constructor) === brand) return true;
    return false;
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
      mayHaveExecuted: this.mayHaveExecuted,
    };
  }
}

/** A cause as it may be shown: our errors as they are (already redacted), any other reduced to its redacted message. */
function plainCause(cause: unknown): unknown {
  if (cause instanceof SpacesError) return cause;
  const text = cause instanceof Error ? `${cause.name}: ${cause.message}` : String(cause);
  return new Error(inert(text));
}

/**
 * Input refused before anything was sent: fix the call, do not retry it.
 *
 * @example
 * ```ts
 * try {
 *   createSpacesClient({ token: jwt, retry: { maxAttempts: 0 } });
 * } catch (error) {
 *   if (error instanceof SpacesInputError) console.error(error.field); // 'retry.maxAttempts'
 * }
 * ```
 */
export class SpacesInputError extends SpacesError {
  override name = 'SpacesInputError';
  static override readonly [BRAND]: string = 'SpacesInputError';
  /** The input field at fault, as a dotted path (for example `integrationPackOverrideName`). */
  declare readonly field: string | undefined;

  constructor(message: string, details: Omit<SpacesErrorDetails, 'code'> & { code?: SpacesErrorCode; field?: string }) {
    super(message, { ...details, code: details.code ?? 'INVALID_INPUT' });
    this.field = details.field === undefined ? undefined : printable(details.field);
  }
}

/** A SpacesInputError on `field` whose message starts with its name: `invalid('token', 'must be …')`. */
export const invalid = (field: string, text: string): SpacesInputError =>
  new SpacesInputError(`\`${field}\` ${text}`, { field });

// The failures the retry policy repeats (docs/reliability.md) may pass by themselves, after the
// client's own retries gave up. Bad input, refused credentials, an unknown id or a missing
// SPACE_GUID fail the same way every time.
const TRANSIENT_CODES = new Set(['NETWORK_ERROR', 'TIMEOUT', 'RATE_LIMITED', 'GENERIC_SYSTEM_ERROR']);

/**
 * True for a failure that may pass if the same call is made later (no answer, a timeout, HTTP 429 or
 * 5xx, GENERIC_SYSTEM_ERROR, a JWT endpoint that did not answer); false for input, refused
 * credentials and id errors, and for anything that is not a SpacesError.
 *
 * @example
 * ```ts
 * if (!isTransient(error)) throw error; // else try again at the next poll
 * ```
 */
export function isTransient(error: unknown): boolean {
  if (!(error instanceof SpacesError) || error instanceof SpacesInputError) return false;
  const { status } = error;
  // No token, and no status: nothing refused the credentials (the JWT endpoint never answered).
  const noToken = error.code === 'AUTH_ERROR' && status === undefined;
  return TRANSIENT_CODES.has(error.code) || noToken || (status !== undefined && (status === 429 || status >= 500));
}

/** What a reconciled mutation was about: enough to find its effect in a listing later. */
export type OutcomeKey =
  | { operation: 'install'; integrationPackId: string; integrationPackOverrideName: string | null }
  | { operation: 'uninstall'; instanceId: string }
  | { operation: 'attach'; integrationPackInstanceId: string; environmentIds: string[] }
  | { operation: 'detach'; attachmentId: string }
  | { operation: 'execute'; processId: string; atomId: string }
  | { operation: 'createSpace'; name: string; accountGroupId: string }
  | { operation: 'deleteSpace'; spaceId: string };

/**
 * A mutation failed ambiguously (the answer was lost, or a 5xx) and the listing that should have
 * told whether it took effect failed too. It may or may not have happened: look again before
 * repeating it. `key` says what to look for; `cause` is the original failure.
 *
 * @example
 * ```ts
 * } catch (error) {
 *   if (error instanceof OutcomeUnknownError && error.key.operation === 'install') {
 *     console.error(`Check whether ${error.key.integrationPackId} was installed before retrying`);
 *   }
 * }
 * ```
 */
export class OutcomeUnknownError extends SpacesError {
  override name = 'OutcomeUnknownError';
  static override readonly [BRAND]: string = 'OutcomeUnknownError';
  declare readonly key: OutcomeKey;

  constructor(message: string, key: OutcomeKey, details: { cause: unknown; operationName?: string }) {
    super(message, {
      code: 'OUTCOME_UNKNOWN',
      mayHaveExecuted: true,
      cause: details.cause,
      operationName: details.operationName,
    });
    this.key = key;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), key: this.key };
  }
}

/** The schema snapshot the SDK was generated from, as SchemaDriftError reports it. */
export interface SnapshotIdentity {
  sha256: string;
  date: string;
  source: string;
}

/** What a {@link SchemaDriftError} is built from. */
export interface SchemaDriftDetails extends SpacesErrorDetails {
  operationName: string;
  snapshot: SnapshotIdentity;
  /** The server's message. */
  reason: string;
  /** The schema element it names (`Query.Space`, `Space.colour`, `Query.spaces(limit:)`), when it names one. */
  field?: string;
  /** The other name Boomi publishes for that root field (src/schema/dialects.ts), as a coordinate. */
  alternative?: string;
}

/**
 * What to do about a drift: see what the platform accepts, then work with its schema. The field and
 * its other published name are in the message already; the page (its first section, "When the
 * schema changes", linked from the README) says what each step does.
 */
const SCHEMA_DRIFT_NEXT_STEPS =
  'Next: run `boomi-spaces contract check`, then `boomi-spaces schema pull` and send your own operations ' +
  'through `client.execute` (docs/schema-and-contract.md).';

/**
 * The server rejected one of our operations as invalid for its schema (an unknown field, argument or
 * type): the platform's schema has moved away from the snapshot this SDK was generated from. The
 * message names the operation, the field, the other name Boomi publishes for it when there is one,
 * and the next steps.
 *
 * @example
 * ```ts
 * try {
 *   await client.getSpace(spaceId);
 * } catch (error) {
 *   // The platform refused the document: `field` names what, `alternative` Boomi's other name for it.
 *   if (error instanceof SchemaDriftError) console.error(error.field, error.alternative ?? '');
 * }
 * ```
 */
export class SchemaDriftError extends SpacesError {
  override name = 'SchemaDriftError';
  static override readonly [BRAND]: string = 'SchemaDriftError';
  declare readonly snapshot: SnapshotIdentity;
  /** The schema element the server refused, as a coordinate (`Query.Space`), when its message names one. */
  declare readonly field: string | undefined;
  /** The other published name of that root field (`Query.space`), when Boomi publishes two. */
  declare readonly alternative: string | undefined;

  constructor(details: SchemaDriftDetails) {
    const { field, alternative, reason, snapshot } = details;
    const what =
      field === undefined
        ? ''
        : ` The field: ${field}${alternative === undefined ? '' : `; Boomi also publishes it as ${alternative}`}.`;
    super(
      `${details.operationName} was rejected as invalid by the server's schema (${reason}).${what} This SDK was generated ` +
        `from schema snapshot sha256 ${snapshot.sha256.slice(0, 12)}… of ${snapshot.date}. ${SCHEMA_DRIFT_NEXT_STEPS}`,
      { ...details, code: 'SCHEMA_DRIFT' },
    );
    this.snapshot = snapshot;
    this.field = field === undefined ? undefined : printable(field);
    this.alternative = alternative === undefined ? undefined : printable(alternative);
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), field: this.field, alternative: this.alternative, snapshot: this.snapshot };
  }
}
