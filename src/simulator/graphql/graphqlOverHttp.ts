import {
  defaultFieldResolver,
  execute,
  getOperationAST,
  GraphQLError,
  type ExecutionResult,
  type GraphQLFieldResolver,
  type GraphQLSchema,
} from 'graphql';
import {
  createHandler,
  type Handler,
  type HandlerOptions,
  type OperationArgs,
  type OperationContext,
  type RequestParams,
} from 'graphql-http';
import { rootFieldIn, type Dialect } from '../../schema/dialects.js';
import type { SpacesPlatform } from '../model/SpacesPlatform.js';
import { documentCache } from './documentCache.js';
import { loadSchema } from './loadSchema.js';
import { rootValue, type SimulatorContext } from './rootValue.js';

/** One GraphQL-over-HTTP request, as the simulator's server or the msw kit received it. */
export interface HttpRequest {
  method: string;
  url: string;
  headers: { get(name: string): string | null };
  body: string;
}

/** The answer to send back. */
export interface HttpAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/**
 * The one execution path of the simulator and the msw testing kit: graphql-http (every MUST of the
 * GraphQL-over-HTTP audit) over the schema snapshot and the platform model, plus Boomi's habit of
 * answering syntax and validation errors with HTTP 400 whatever the Accept header says. The
 * `dialect` says which published names the root fields have (src/schema/dialects.ts).
 */
export function createGraphQLOverHttp(
  platform: SpacesPlatform,
  dialect: Dialect = 'help',
): (request: HttpRequest) => Promise<HttpAnswer> {
  const handler = createHandler<undefined, undefined, SimulatorContext>({
    ...onOurGraphQL(loadSchema(dialect)),
    rootValue: rootValueIn(dialect),
    context: (req) => ({ platform, spaceGuid: (req.headers as HttpRequest['headers']).get('space_guid') }),
  });
  return (request) => answerWith(handler, request);
}

/**
 * The same path for a canned answer: the root fields answer from `result` (by response key, so
 * aliases work), and the rest runs through the schema, so a canned answer cannot take a shape the
 * schema does not allow.
 */
export function answerFromResult(
  request: HttpRequest,
  result: Record<string, unknown>,
  dialect: Dialect = 'help',
): Promise<HttpAnswer> {
  const schema = loadSchema(dialect);
  const roots = new Set([schema.getQueryType(), schema.getMutationType()]);
  const fieldResolver: GraphQLFieldResolver<unknown, unknown> = (source, args, context, info) =>
    roots.has(info.parentType)
      ? (source as Record<string, unknown>)[info.path.key as string]
      : defaultFieldResolver(source, args, context, info);
  const handler = createHandler<undefined, undefined, undefined>({
    ...onOurGraphQL(schema),
    rootValue: result,
    execute: (args) => execute({ ...args, fieldResolver }),
  });
  return answerWith(handler, request);
}

/**
 * What graphql-http would do with its own `graphql`, done with ours. npm gives graphql-http whatever
 * graphql the consumer's root holds (17, say: its peer range allows it) while ours stays nested (16),
 * and its `specifiedRules` meeting our schema belong to another copy ("another module or realm", leaf
 * fields wanting subfields, `ID!` not matching `ID!`). So parsing and validation (cached), the
 * operation lookup and execution run on ours. Left to graphql-http: HTTP, and serializing our errors
 * (JSON.stringify calls their toJSON before its replacer tests `instanceof` its GraphQLError).
 */
function onOurGraphQL<Context extends OperationContext>(
  schema: GraphQLSchema,
): Required<Pick<HandlerOptions<undefined, undefined, Context>, 'onSubscribe' | 'getOperationAST' | 'execute'>> {
  return {
    onSubscribe: (_req, params: RequestParams): OperationArgs<Context> | ExecutionResult => {
      const { query, operationName, variables } = params;
      // Request errors go back as a result without data (`data: undefined` is not serialized): our
      // GraphQLError[] would not pass graphql-http's `instanceof` its own GraphQLError.
      let document;
      try {
        document = documentCache.parse(query);
      } catch (error) {
        if (error instanceof GraphQLError) return { data: undefined, errors: [error] };
        throw error;
      }
      const errors = documentCache.validate(schema, document);
      if (errors.length > 0) return { data: undefined, errors };
      return { schema, document, operationName, variableValues: variables };
    },
    getOperationAST,
    execute,
  };
}

/** The root resolvers under the dialect's field names. */
function rootValueIn(dialect: Dialect): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(rootValue).map(([field, resolve]) => [rootFieldIn(dialect, field), resolve]),
  );
}

async function answerWith(handler: Handler<undefined, undefined>, request: HttpRequest): Promise<HttpAnswer> {
  const [body, init] = await handler({ ...request, raw: undefined, context: undefined });
  const headers = Object.fromEntries(Object.entries(init.headers ?? {}).map(([name, value]) => [name, String(value)]));
  const status = init.status === 200 && isRequestError(body) ? 400 : init.status;
  return { status, headers, body: body ?? '' };
}

/** A GraphQL answer with errors and no `data` key: the request never executed. */
function isRequestError(body: string | null | undefined): boolean {
  // graphql-js puts `errors` before `data` and graphql-http serializes without spaces: an answer that
  // does not start with its errors has none, and is not read again.
  if (!body?.startsWith('{"errors":')) return false;
  try {
    const parsed = JSON.parse(body) as { data?: unknown; errors?: unknown };
    return !('data' in parsed) && Array.isArray(parsed.errors);
  } catch {
    return false;
  }
}
