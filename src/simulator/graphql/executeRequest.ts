import {
  defaultFieldResolver,
  graphql,
  GraphQLError,
  Kind,
  parse,
  type ExecutionResult,
  type GraphQLFieldResolver,
} from 'graphql';
import type { SpacesPlatform } from '../model/SpacesPlatform.js';
import { loadSchema } from './loadSchema.js';
import { rootValue } from './rootValue.js';

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

/** Executes one request against the schema snapshot and the platform model. */
export async function executeRequest(
  platform: SpacesPlatform,
  request: GraphQLRequestBody,
  spaceGuid: string | null | undefined,
): Promise<PlatformAnswer> {
  const body = await graphql({
    schema: loadSchema(),
    source: request.query,
    variableValues: request.variables ?? undefined,
    operationName: request.operationName ?? undefined,
    rootValue,
    contextValue: { platform, spaceGuid },
  });
  // Syntax and validation failures never execute: Boomi answers them with HTTP 400.
  const status = body.data === undefined && body.errors?.length ? 400 : 200;
  return { status, body };
}

/**
 * Executes a request whose root fields answer from `result` (by response key, so aliases work): a
 * canned answer still goes through the schema, so it cannot take a shape the schema does not allow.
 */
export async function executeWithResult(
  request: GraphQLRequestBody,
  result: Record<string, unknown>,
): Promise<PlatformAnswer> {
  const schema = loadSchema();
  const roots = new Set([schema.getQueryType(), schema.getMutationType()]);
  const fieldResolver: GraphQLFieldResolver<unknown, unknown> = (source, args, context, info) =>
    roots.has(info.parentType)
      ? (source as Record<string, unknown>)[info.path.key as string]
      : defaultFieldResolver(source, args, context, info);
  const body = await graphql({
    schema,
    source: request.query,
    variableValues: request.variables ?? undefined,
    operationName: request.operationName ?? undefined,
    rootValue: result,
    fieldResolver,
  });
  return { status: body.data === undefined && body.errors?.length ? 400 : 200, body };
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
