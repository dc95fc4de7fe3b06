import { DIALECTS, isDialect, type Dialect } from '../../schema/dialects.js';
import {
  failureAnswer,
  RATE_LIMITED_MESSAGE,
  type GraphQLRequestBody,
  type PlatformAnswer,
  unauthorizedAnswer,
} from '../graphql/failureAnswers.js';
import { answerFromResult, createGraphQLOverHttp, type HttpAnswer } from '../graphql/graphqlOverHttp.js';
import { isPublicRequest } from '../graphql/publicFields.js';
import { PlatformError } from '../model/PlatformError.js';
import { createDemoState, DEMO } from '../model/seed.js';
import type { SimState } from '../model/state.js';
import { SpacesPlatform } from '../model/SpacesPlatform.js';
import { FaultPlan, RateLimiter, type FaultOutcome, type SimulatorFaults } from './faults.js';
import {
  answerJwtRequest,
  callerOf,
  textAnswer,
  type AuthRules,
  type PlatformAccount,
  type SimulatorCredentials,
} from './platformAuth.js';
import { SimulatorJwt } from './SimulatorJwt.js';

/** One HTTP request as the handler reads it: what a Web `Request` or node's `IncomingMessage` gives. */
export interface PlatformRequest {
  method: string;
  /** Absolute, or a path such as `/graphql`. */
  url: string;
  headers: { get(name: string): string | null };
  body: string;
}

/** The handler's reply: an answer to send, or `'drop'` (the call ran; close the connection unanswered). */
export type PlatformReply = HttpAnswer | 'drop';

/** Answers one operation instead of the model (the msw kit's `on()`); may throw a {@link PlatformError}. */
export type PlatformOverride = (variables: never) => unknown;

/**
 * Options of the fake platform, shared by `startSimulator` and `createSpacesMock` (each documents
 * its own defaults where they differ: the mock's `strictAuth` is false).
 */
export interface PlatformOptions {
  /** Who may get a JWT. Default: the demo user (`demo-account`, `demo@example.com`, `demo-token`). */
  credentials?: SimulatorCredentials;
  /** The data to start from. Default: the demo data. */
  state?: SimState;
  /** Only JWTs issued here and `tokens` are accepted (true, the default), or any bearer token (false). */
  strictAuth?: boolean;
  /** Bearer tokens accepted besides the JWTs issued here. */
  tokens?: string[];
  /** Lifetime of issued JWTs, in seconds. Default 300, as Boomi's. */
  jwtTtlSeconds?: number;
  /** At most this many GraphQL requests per second (per account); more get HTTP 429 with Retry-After. */
  rateLimit?: number;
  /** Delay before every answer, in milliseconds. */
  latencyMs?: number;
  /** Fault switches; change them later with `faults.set()`, or queue faults with `faults.queue()`. */
  faults?: SimulatorFaults;
  /** The clock, in epoch milliseconds (tests move it to expire JWTs and open rate-limit windows). */
  now?: () => number;
  /** The root field names served: `help` (the default: `Space`) or `reference` (`space`). */
  dialect?: Dialect;
  /** Called with the operation name (`anonymous` when none) of every GraphQL request received. */
  onRequest?: (operationName: string) => void;
}

/** What the platform has seen. */
export interface SimulatorStats {
  graphql: number;
  auth: number;
  unauthorized: number;
  /** 429 answers, from the rate limit or a fault. */
  rateLimited: number;
  /** GraphQL requests by operation name (`anonymous` when none). */
  operations: Record<string, number>;
}

/** The fake platform as one request handler, behind the simulator's server and the msw kit. */
export interface PlatformHandler {
  /** Routes by path: `/graphql`, `/auth/jwt/generate/{accountId}`, anything else 404. */
  handle(request: PlatformRequest): Promise<PlatformReply>;
  /** The GraphQL endpoint, whatever the request's path. */
  graphql(request: PlatformRequest): Promise<PlatformReply>;
  /** The JWT endpoint for one account, whatever the request's path. */
  jwt(request: PlatformRequest, accountId: string): Promise<HttpAnswer>;
  /** The accounts by id, in the order given; the first answers calls that name none. */
  readonly accounts: ReadonlyMap<string, PlatformAccount>;
  readonly faults: FaultPlan;
  readonly stats: SimulatorStats;
  /** Per-operation answers, by operation name, used instead of the model. */
  readonly overrides: Map<string, PlatformOverride>;
  readonly dialect: Dialect;
}

const GRAPHQL_PATH = '/graphql';
const AUTH_PATH = '/auth/jwt/generate/';

/**
 * The fake Boomi Spaces platform as a function from a request to a reply: the JWT endpoint, the one
 * auth check, the rate limit, the one fault model, and every answer executed against the schema
 * snapshot and the in-memory model. The simulator's HTTP server and the msw kit only adapt to it.
 *
 * @example
 * ```ts
 * const platform = createPlatformHandler({ strictAuth: false });
 * const reply = await platform.handle({
 *   method: 'POST',
 *   url: '/graphql',
 *   headers: new Headers({ authorization: 'Bearer any', 'content-type': 'application/json' }),
 *   body: JSON.stringify({ query: '{ spaces { id } }' }),
 * });
 * ```
 */
export function createPlatformHandler(options: PlatformOptions = {}): PlatformHandler {
  const now = options.now ?? Date.now;
  const dialect = options.dialect ?? 'help';
  if (!isDialect(dialect)) throw new RangeError(`dialect must be one of ${DIALECTS.join(', ')}`);
  const credentials = options.credentials ?? {
    accountId: DEMO.accountId,
    username: DEMO.username,
    apiToken: DEMO.apiToken,
  };
  const jwt = new SimulatorJwt(options.jwtTtlSeconds ?? 300, now);
  // Keyed by account id, so serving more accounts is more entries (issue 23's fleet).
  const accounts = new Map<string, PlatformAccount>([
    [credentials.accountId, newAccount(credentials, options.state ?? createDemoState(), options.rateLimit, now)],
  ]);
  const rules: AuthRules = { jwt, strict: options.strictAuth ?? true, tokens: new Set(options.tokens ?? []) };
  const faults = new FaultPlan(options.faults);
  const stats: SimulatorStats = { graphql: 0, auth: 0, unauthorized: 0, rateLimited: 0, operations: {} };
  const overrides = new Map<string, PlatformOverride>();
  const executors = new Map<SpacesPlatform, ReturnType<typeof createGraphQLOverHttp>>();
  const executorOf = (platform: SpacesPlatform) => {
    let executor = executors.get(platform);
    if (!executor) executors.set(platform, (executor = createGraphQLOverHttp(platform, dialect)));
    return executor;
  };

  const counted = (answer: HttpAnswer): HttpAnswer => {
    if (answer.status === 429) stats.rateLimited += 1;
    if (answer.status === 401) stats.unauthorized += 1;
    return answer;
  };

  async function graphql(request: PlatformRequest): Promise<PlatformReply> {
    stats.graphql += 1;
    const body = parseBody(request.body);
    const operation = body.operationName ?? 'anonymous';
    stats.operations[operation] = (stats.operations[operation] ?? 0) + 1;
    options.onRequest?.(operation);
    const { account, authenticated } = await callerOf(request.headers.get('authorization'), rules, accounts);
    const admission = account.limiter?.admit();
    if (admission && !admission.admitted) {
      const { retryAfterSeconds } = admission;
      return counted(failed({ kind: 'fail', status: 429, message: RATE_LIMITED_MESSAGE, retryAfterSeconds }, body));
    }
    // The public catalog needs no token; a request that selects anything else does.
    if (!authenticated && !isPublicRequest(body)) {
      return counted(json(unauthorizedAnswer(body)));
    }
    const fault = faults.outcome(operation);
    if (fault.kind === 'fail') return counted(failed(fault, body));
    const override = overrides.get(operation);
    const answer = override
      ? await answerOverride(request, body, override)
      : await executorOf(account.platform)(request);
    return fault.kind === 'drop-after-execute' ? 'drop' : answer;
  }

  async function answerOverride(
    request: PlatformRequest,
    body: GraphQLRequestBody,
    override: PlatformOverride,
  ): Promise<HttpAnswer> {
    try {
      const result = (await override(body.variables as never)) as Record<string, unknown>;
      return await answerFromResult(request, result, dialect);
    } catch (error) {
      if (!(error instanceof PlatformError)) throw error;
      return json(failureAnswer(200, error.message, error.code, body));
    }
  }

  const jwtAnswer = (request: PlatformRequest, accountId: string) => {
    stats.auth += 1;
    return answerJwtRequest(request, accountId, jwt, accounts);
  };

  const delay = async () => {
    if (options.latencyMs) await new Promise((resolve) => setTimeout(resolve, options.latencyMs));
  };

  return {
    async handle(request) {
      await delay();
      const path = new URL(request.url, 'http://platform').pathname;
      if (path === GRAPHQL_PATH) return graphql(request);
      if (path.startsWith(AUTH_PATH) && path.length > AUTH_PATH.length) {
        return jwtAnswer(request, decodeURIComponent(path.slice(AUTH_PATH.length)));
      }
      return textAnswer(404, 'Not Found');
    },
    async graphql(request) {
      await delay();
      return graphql(request);
    },
    async jwt(request, accountId) {
      await delay();
      return jwtAnswer(request, accountId);
    },
    accounts,
    faults,
    stats,
    overrides,
    dialect,
  };
}

function newAccount(
  credentials: SimulatorCredentials,
  state: SimState,
  rateLimit: number | undefined,
  now: () => number,
): PlatformAccount {
  const limiter = rateLimit ? new RateLimiter(rateLimit, now) : undefined;
  return { credentials, platform: new SpacesPlatform(state), ...(limiter && { limiter }) };
}

/** The answer of a failure fault or a refused admission, with its Retry-After (429 and 5xx only). */
function failed(fault: Extract<FaultOutcome, { kind: 'fail' }>, body: GraphQLRequestBody): HttpAnswer {
  const { status, message, code, retryAfterSeconds } = fault;
  const retryAfter = retryAfterSeconds !== undefined && (status === 429 || status >= 500);
  return json(
    failureAnswer(status, message, code, body),
    retryAfter ? { 'retry-after': String(retryAfterSeconds) } : {},
  );
}

function json(answer: PlatformAnswer, headers: Record<string, string> = {}): HttpAnswer {
  return {
    status: answer.status,
    headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
    body: JSON.stringify(answer.body),
  };
}

/** The parts of a GraphQL request body the handler itself reads (the operation, the variables). */
function parseBody(text: string): GraphQLRequestBody {
  try {
    const parsed = JSON.parse(text) as Partial<GraphQLRequestBody>;
    return {
      query: typeof parsed.query === 'string' ? parsed.query : '',
      variables: parsed.variables ?? null,
      operationName: typeof parsed.operationName === 'string' ? parsed.operationName : null,
    };
  } catch {
    return { query: '' };
  }
}
