import { SCHEMA_SNAPSHOT } from '../generated/snapshot.js';
import { alternativeFor } from '../schema/dialects.js';
import { redactDeep } from '../security/SecretRedactor.js';
import { printable, shorten } from '../text/printable.js';
import { codeOfGraphQLError } from './codes.js';
import { withSdkNextStep } from './nextSteps.js';
import { SchemaDriftError, SpacesError, type SpacesGraphQLError } from './SpacesError.js';
import { TransportError } from './TransportError.js';

// Validation messages for a document that no longer fits the schema: graphql-js's, and graphql-java's
// ("Validation error (FieldUndefined@[Space]) : Field 'Space' in type 'Query' is undefined").
const DRIFT =
  /^(Cannot query field|Unknown argument|Unknown type|Field ".+" argument ".+" of type ".+" is required|Variable "\$.+" of type ".+" used in position expecting|Unknown enum value|Value ".+" does not exist in ".+" enum|Field ".+" of required type ".+" was not provided|Field ".+" is not defined by type|Validation error \()/;

// The schema element each kind of message names, as a coordinate (`Type.field`, `Type.field(arg:)`, `Type`).
const DRIFTED_ELEMENT: ReadonlyArray<readonly [RegExp, (m: RegExpExecArray) => string]> = [
  [/^Cannot query field "([^"]+)" on type "([^"]+)"/, (m) => `${m[2]}.${m[1]}`],
  [/Field '([^']+)' in type '([^']+)' is undefined/, (m) => `${m[2]}.${m[1]}`],
  [/^Unknown argument "([^"]+)" on field "([^"]+)"/, (m) => `${m[2]}(${m[1]}:)`],
  [/^Unknown type "([^"]+)"/, (m) => m[1]!],
  [/^Field "([^"]+)" argument "([^"]+)" of type "[^"]+" is required/, (m) => `${m[1]}(${m[2]}:)`],
  [/^Value "[^"]+" does not exist in "([^"]+)" enum/, (m) => m[1]!],
  [/^Field "([^"]+)" of required type "[^"]+" was not provided/, (m) => m[1]!],
  [/^Field "([^"]+)" is not defined by type "([^"]+)"/, (m) => `${m[2]}.${m[1]}`],
];

/** Whether a server message is a validation refusal of a document that does not fit the server's schema. */
export function isSchemaRefusal(message: string): boolean {
  return DRIFT.test(message);
}

/** The schema element a validation message names, and the other name Boomi publishes for it (root fields only). */
export function driftedElement(message: string): { field?: string; alternative?: string } {
  for (const [pattern, coordinate] of DRIFTED_ELEMENT) {
    const match = pattern.exec(message.slice(0, 500));
    if (!match) continue;
    const field = shorten(coordinate(match), 120);
    const root = /^(Query|Mutation)\.([_A-Za-z][_0-9A-Za-z]*)$/.exec(field);
    const alternative = root ? alternativeFor(root[2]!) : undefined;
    return { field, ...(alternative !== undefined && { alternative: `${root![1]}.${alternative}` }) };
  }
  return {};
}

interface ErrorContext {
  operationName: string;
  redact: (text: string) => string;
}

/** A failure below GraphQL (or an unexpected one) as a SpacesError named after the operation. */
export function fromTransportFailure(error: unknown, { operationName, redact }: ErrorContext): SpacesError {
  if (error instanceof TransportError) {
    return new SpacesError(`${operationName}: ${redact(error.message)}`, {
      code: error.code,
      status: error.details.status,
      bodySnippet: error.details.bodySnippet === undefined ? undefined : redact(error.details.bodySnippet),
      operationName,
      mayHaveExecuted: error.details.execution === 'maybe',
    });
  }
  const message = error instanceof Error ? error.message : String(error);
  return new SpacesError(`${operationName}: network error: ${redact(message)}`, {
    code: 'NETWORK_ERROR',
    operationName,
    mayHaveExecuted: true,
  });
}

/** The `errors` of a GraphQL answer as a SpacesError (or SchemaDriftError), keeping only plain, redacted data. */
export function fromGraphQLErrors(
  errors: readonly unknown[],
  { operationName, redact, status, data }: ErrorContext & { status: number | undefined; data: unknown },
): SpacesError {
  const graphQLErrors = errors.map((e) => plainGraphQLError(e, redact));
  const code =
    graphQLErrors.map(codeOfGraphQLError).find((c) => c !== undefined) ??
    (status === 401
      ? 'UNAUTHORIZED'
      : status === 429
        ? 'RATE_LIMITED'
        : status && status >= 500
          ? 'HTTP_ERROR'
          : 'GRAPHQL_ERROR');
  const messages = graphQLErrors.map((e) => shorten(printable(e.message), 300)).join('; ');
  const drift = graphQLErrors.find((e) => !e.path && isSchemaRefusal(e.message));
  if (drift && (status === undefined || status === 200 || status === 400)) {
    return new SchemaDriftError({
      code: 'SCHEMA_DRIFT',
      status,
      graphQLErrors,
      operationName,
      snapshot: SCHEMA_SNAPSHOT,
      reason: shorten(drift.message, 300),
      ...driftedElement(drift.message),
    });
  }
  // The code is the error's `code`, not repeated in its message (the CLI prints both side by side).
  const failed = `${operationName} failed: ${messages}${status && status !== 200 ? ` (HTTP ${status})` : ''}`;
  return new SpacesError(withSdkNextStep(code, failed), {
    code,
    status,
    graphQLErrors,
    data: data === null || data === undefined ? undefined : redactDeep(data, redact),
    operationName,
    // A 5xx or a generic system error leaves open whether the operation ran; a refusal does not.
    mayHaveExecuted: (status !== undefined && status >= 500) || code === 'GENERIC_SYSTEM_ERROR',
  });
}

/** One error of the answer as plain data: a string message, a path and locations only when well-formed. */
function plainGraphQLError(error: unknown, redact: (text: string) => string): SpacesGraphQLError {
  const received = (typeof error === 'object' && error !== null ? error : { message: error }) as Record<
    string,
    unknown
  >;
  const { message, path, locations, extensions } = received;
  const isPath = Array.isArray(path) && path.every((p) => typeof p === 'string' || typeof p === 'number');
  const isLocations =
    Array.isArray(locations) &&
    locations.every(
      (l) =>
        typeof (l as { line?: unknown })?.line === 'number' && typeof (l as { column?: unknown })?.column === 'number',
    );
  const isExtensions =
    typeof extensions === 'object' &&
    extensions !== null &&
    !Array.isArray(extensions) &&
    Object.keys(extensions).length > 0;
  return {
    message: redact(typeof message === 'string' ? message : (JSON.stringify(message) ?? 'no message')),
    ...(isPath && { path: path.map((p) => (typeof p === 'string' ? redact(p) : p)) }),
    ...(isLocations && {
      locations: (locations as Array<{ line: number; column: number }>).map(({ line, column }) => ({ line, column })),
    }),
    ...(isExtensions && { extensions: redactDeep(extensions, redact) as Record<string, unknown> }),
  };
}
