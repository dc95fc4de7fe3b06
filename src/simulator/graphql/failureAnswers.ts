import { GraphQLError, Kind, parse, type ExecutionResult } from 'graphql';

/** A GraphQL-over-HTTP request body. */
export interface GraphQLRequestBody {
  query: string;
  variables?: Record<string, unknown> | null;
  operationName?: string | null;
}

/** An answer as the platform sends it: an HTTP status and a GraphQL body. */
export interface PlatformAnswer {
  status: number;
  body: ExecutionResult;
}

/**
 * The documented failure answers (401 "Downstream Execution Error: Unauthorized", 500 "…: Server
 * Error"), with the `path` of the operation's first root field and `"data": null` as Boomi sends them.
 */
export function failureAnswer(
  status: number,
  message: string,
  code: string | undefined,
  request: GraphQLRequestBody,
): PlatformAnswer {
  const field = firstRootField(request);
  const path = field === undefined ? undefined : [field];
  const error = new GraphQLError(message, { path, ...(code !== undefined && { extensions: { code } }) });
  return { status, body: { errors: [error], data: null } };
}

/** The message of a 429, as Boomi words it. */
export const RATE_LIMITED_MESSAGE = 'Too Many Requests: let requests clear before resubmitting';

/** The answer to a call without a valid JWT. */
export function unauthorizedAnswer(request: GraphQLRequestBody): PlatformAnswer {
  return failureAnswer(401, 'Downstream Execution Error: Unauthorized', 'UNAUTHORIZED', request);
}

function firstRootField({ query, operationName }: GraphQLRequestBody): string | undefined {
  try {
    const operation = parse(query).definitions.find(
      (d) => d.kind === Kind.OPERATION_DEFINITION && (!operationName || d.name?.value === operationName),
    );
    if (operation?.kind !== Kind.OPERATION_DEFINITION) return undefined;
    const field = operation.selectionSet.selections.find((s) => s.kind === Kind.FIELD);
    return field?.kind === Kind.FIELD ? (field.alias ?? field.name).value : undefined;
  } catch {
    return undefined;
  }
}
