import type { CombinedError } from '@urql/core';
import { codeOfGraphQLError } from './codes.js';
import { SCHEMA_SNAPSHOT } from '../generated/snapshot.js';
import { SchemaDriftError, SpacesError, type SpacesGraphQLError } from './SpacesError.js';
import { TransportError } from './TransportError.js';

// graphql-js's validation messages for a document that no longer fits the schema.
const DRIFT = /^(Cannot query field|Unknown argument|Unknown type|Field ".+" argument ".+" of type ".+" is required|Variable "\$.+" of type ".+" used in position expecting|Unknown enum value|Field ".+" of required type ".+" was not provided|Field ".+" is not defined by type)/;

interface ErrorContext {
  operationName: string;
  data: unknown;
  redact: (text: string) => string;
}

/** Turns urql's CombinedError into our SpacesError, keeping only plain, redacted data. */
export function toSpacesError(error: CombinedError, { operationName, data, redact }: ErrorContext): SpacesError {
  const network = error.networkError;
  if (network instanceof TransportError) {
    return new SpacesError(`${operationName}: ${redact(network.message)}`, {
      code: network.code,
      status: network.details.status,
      bodySnippet: network.details.bodySnippet,
      operationName,
      mayHaveExecuted: network.details.execution === 'maybe',
    });
  }
  if (network) {
    return new SpacesError(`${operationName}: network error: ${redact(network.message)}`, {
      code: 'NETWORK_ERROR',
      operationName,
      mayHaveExecuted: true,
    });
  }

  const status = typeof error.response?.status === 'number' ? (error.response.status as number) : undefined;
  const graphQLErrors = error.graphQLErrors.map((e) => plainGraphQLError(e, redact));
  const code =
    graphQLErrors.map(codeOfGraphQLError).find((c) => c !== undefined) ??
    (status === 401 ? 'UNAUTHORIZED' : status === 429 ? 'RATE_LIMITED' : status && status >= 500 ? 'HTTP_ERROR' : 'GRAPHQL_ERROR');
  const messages = graphQLErrors.map((e) => e.message).join('; ');
  const drift = graphQLErrors.find((e) => !e.path && DRIFT.test(e.message));
  if (drift && (status === undefined || status === 200 || status === 400)) {
    return new SchemaDriftError({ code: 'SCHEMA_DRIFT', status, graphQLErrors, operationName, snapshot: SCHEMA_SNAPSHOT, reason: drift.message });
  }
  return new SpacesError(`${operationName} failed: ${messages} (${code}${status && status !== 200 ? `, HTTP ${status}` : ''})`, {
    code,
    status,
    graphQLErrors,
    data: data ?? undefined,
    operationName,
    // A 5xx or a generic system error leaves open whether the operation ran; a refusal does not.
    mayHaveExecuted: (status !== undefined && status >= 500) || code === 'GENERIC_SYSTEM_ERROR',
  });
}

type Locations = SpacesGraphQLError['locations'];

// urql rebuilds errors without their `locations`; the error as received sits in `originalError`.
function plainGraphQLError(error: CombinedError['graphQLErrors'][number], redact: (text: string) => string): SpacesGraphQLError {
  const received = (error.originalError ?? error) as { locations?: Locations; path?: SpacesGraphQLError['path'] };
  const locations = (error as { locations?: Locations }).locations ?? received.locations;
  const path = error.path ?? received.path;
  return {
    message: redact(error.message),
    ...(path && { path: [...path] }),
    ...(locations && { locations: locations.map(({ line, column }) => ({ line, column })) }),
    ...(error.extensions && Object.keys(error.extensions).length > 0 && { extensions: { ...error.extensions } }),
  };
}
