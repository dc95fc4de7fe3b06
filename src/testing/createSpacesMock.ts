import { http, HttpResponse, type RequestHandler } from 'msw';
import { DEFAULT_AUTH_URL } from '../auth/createJwtProvider.js';
import { DEFAULT_ENDPOINT, REGIONS, type Region } from '../client/options.js';
import type { OperationName, OperationTypes } from '../generated/operations.js';
import { DIALECTS, isDialect, type Dialect } from '../schema/dialects.js';
import {
  failureAnswer,
  rateLimitedAnswer,
  unauthorizedAnswer,
  type GraphQLRequestBody,
  type PlatformAnswer,
} from '../simulator/graphql/failureAnswers.js';
import { answerFromResult, createGraphQLOverHttp, type HttpAnswer } from '../simulator/graphql/graphqlOverHttp.js';
import { isPublicRequest } from '../simulator/graphql/publicFields.js';
import { PlatformError } from '../simulator/model/PlatformError.js';
import { createDemoState, DEMO } from '../simulator/model/seed.js';
import type {
  SimAccount,
  SimAttachment,
  SimExecution,
  SimSchedules,
  SimEnvironment,
  SimInstance,
  SimPack,
  SimSpace,
  SimState,
} from '../simulator/model/state.js';
import { SpacesPlatform } from '../simulator/model/SpacesPlatform.js';
import { SimulatorJwt } from '../simulator/server/SimulatorJwt.js';

/** Data to start from; each list given replaces the demo's. */
export interface SpacesFixtures {
  accountId?: string;
  packs?: SimPack[];
  spaces?: SimSpace[];
  instances?: SimInstance[];
  environments?: SimEnvironment[];
  attachments?: SimAttachment[];
  /** Schedules by `<atomId>:<processId>`. */
  schedules?: Record<string, SimSchedules>;
  executions?: SimExecution[];
  /** Accounts that have access to the Spaces (`spaceAccounts`). */
  accounts?: SimAccount[];
}

/** Options of {@link createSpacesMock}. */
export interface SpacesMockOptions {
  /** The GraphQL endpoint to answer. Wins over `region`. Default: the platform's. */
  endpoint?: string;
  /** The JWT endpoint to answer, without the account id. Wins over `region`. Default: `https://api.boomi.com/auth/jwt/generate`. */
  authUrl?: string;
  /** Answers a region's endpoints, as the client's `region` option picks them: `us` or `gb`. */
  region?: Region;
  /** Who may get a JWT. Default: the demo user (`demo-account`, `demo@example.com`, `demo-token`). */
  credentials?: { accountId: string; username: string; apiToken: string };
  /**
   * Only the JWTs the mock issues and these `tokens` are accepted; anything else is answered 401.
   * Default false: any non-empty bearer token is accepted (a client made with `token: 'test-token'`
   * just works), and the JWT flow works as well.
   */
  strictAuth?: boolean;
  /** Bearer tokens accepted besides the JWTs the mock issues, with `strictAuth`. */
  tokens?: string[];
  /** The data to start from (and to return to on `reset()`). Default: the demo data. */
  fixtures?: SpacesFixtures;
  /** Lifetime of issued JWTs, in seconds. Default 300. */
  jwtTtlSeconds?: number;
  /**
   * The root field names served: `help` (the default: `Space`, as the help pages) or `reference`
   * (`space`, as Boomi's generated reference); the other name is refused by validation.
   */
  dialect?: Dialect;
}

/** A failure to answer with instead of executing. */
export interface MockFault {
  /** HTTP status. Default 200. */
  status?: number;
  /** Sent as `extensions.code`. */
  code?: string;
  /** The GraphQL error message. Default "Simulated failure". */
  message?: string;
  /** Sent as `Retry-After` with a 429 or 5xx, so the client's retry waits this long. Default 0: no real wait. */
  retryAfterSeconds?: number;
}

/** A typed answer for one operation: given its variables, its result (or a thrown `PlatformError`). */
export type OperationOverride<K extends OperationName> = (
  variables: OperationTypes[K]['variables'],
) => OperationTypes[K]['result'] | Promise<OperationTypes[K]['result']>;

/** A fake Boomi Spaces platform for msw. */
export interface SpacesMock {
  /** Pass to msw's `setupServer(...mock.handlers)` (or `server.use`). */
  handlers: RequestHandler[];
  /** The live state: installs appear in later listings. */
  readonly state: SimState;
  /** Operation names in the order they arrived. */
  readonly requests: readonly string[];
  /** Back to the fixtures; clears faults, overrides and recorded requests. */
  reset(): void;
  /** Answers an operation with your own typed result (checked against the schema) until `reset()`. */
  on<K extends OperationName>(operation: K, override: OperationOverride<K>): void;
  /** The next call of `operation` (`'*'`: of any operation) fails with this status and Boomi error. */
  failNext(operation: OperationName | '*', fault?: MockFault): void;
  /** The next call of `operation` is executed, then its answer is lost (a network error). */
  dropNext(operation: OperationName | '*'): void;
  /** The next call of `operation` answers 429 with `Retry-After` (default 0 s: the retry does not wait). */
  rateLimitNext(operation: OperationName | '*', retryAfterSeconds?: number): void;
}

type Fault = { kind: 'fail'; fault: MockFault } | { kind: 'drop' } | { kind: 'rate-limit'; retryAfterSeconds: number };

/**
 * A stateful fake of the Boomi Spaces platform as msw handlers: the same schema and model as the
 * simulator, the install rules and error codes, and the JWT endpoint.
 *
 * @example
 * ```ts
 * import { setupServer } from 'msw/node';
 * import { createSpacesMock } from 'boomi-spaces/testing';
 *
 * const mock = createSpacesMock(); // any bearer token works; `strictAuth: true` for the real rules
 * const server = setupServer(...mock.handlers);
 * beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
 * beforeEach(() => mock.reset());
 * afterAll(() => server.close());
 * ```
 */
export function createSpacesMock(options: SpacesMockOptions = {}): SpacesMock {
  const preset = options.region ? REGIONS[options.region] : undefined;
  if (options.region !== undefined && !preset)
    throw new RangeError(`region must be one of ${Object.keys(REGIONS).join(', ')}`);
  const dialect = options.dialect ?? 'help';
  if (!isDialect(dialect)) throw new RangeError(`dialect must be one of ${DIALECTS.join(', ')}`);
  const endpoint = options.endpoint ?? preset?.endpoint ?? DEFAULT_ENDPOINT;
  const authUrl = (options.authUrl ?? preset?.authUrl ?? DEFAULT_AUTH_URL).replace(/\/+$/, '');
  const credentials = options.credentials ?? {
    accountId: DEMO.accountId,
    username: DEMO.username,
    apiToken: DEMO.apiToken,
  };
  const fixtures = () => ({ ...createDemoState(), ...structuredClone(options.fixtures ?? {}) });
  const platform = new SpacesPlatform(fixtures());
  const jwt = new SimulatorJwt(options.jwtTtlSeconds ?? 300, () => Date.now());
  const staticTokens = new Set(options.tokens ?? []);
  let faults: Array<{ operation: string; fault: Fault }> = [];
  let overrides = new Map<string, (variables: never) => unknown>();
  const requests: string[] = [];

  const takeFault = (operation: string) => {
    const index = faults.findIndex((f) => f.operation === operation || f.operation === '*');
    return index === -1 ? undefined : faults.splice(index, 1)[0]!.fault;
  };

  const executeGraphQL = createGraphQLOverHttp(platform, dialect);
  const json = (answer: PlatformAnswer, headers: Record<string, string> = {}): HttpAnswer => ({
    status: answer.status,
    headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
    body: JSON.stringify(answer.body),
  });

  /** The platform's answer to one request, or `drop` (executed, then the answer lost). */
  async function answer(request: Request): Promise<HttpAnswer | 'drop'> {
    const text = await request.text();
    const body = parseBody(text);
    const operation = body.operationName ?? 'anonymous';
    requests.push(operation);
    const bearer = /^Bearer\s+(\S+)$/i.exec(request.headers.get('authorization') ?? '')?.[1];
    const accepted = options.strictAuth
      ? staticTokens.has(bearer ?? '') || (await jwt.isValid(bearer ?? ''))
      : Boolean(bearer);
    // The public catalog needs no token; a request that selects anything else does.
    if (!isPublicRequest(body) && (!bearer || !accepted)) return json(unauthorizedAnswer(body));
    const fault = takeFault(operation);
    if (fault?.kind === 'fail') {
      const { status = 200, code, message = 'Simulated failure', retryAfterSeconds = 0 } = fault.fault;
      const headers = status === 429 || status >= 500 ? { 'retry-after': String(retryAfterSeconds) } : undefined;
      return json(failureAnswer(status, message, code, body), headers);
    }
    if (fault?.kind === 'rate-limit') {
      return json(rateLimitedAnswer(body), { 'retry-after': String(fault.retryAfterSeconds) });
    }
    // The same execution path as the simulator's server: graphql-http over the snapshot schema.
    const httpRequest = { method: request.method, url: request.url, headers: request.headers, body: text };
    const override = overrides.get(operation);
    let result: HttpAnswer;
    if (override) {
      try {
        result = await answerFromResult(
          httpRequest,
          (await override(body.variables as never)) as Record<string, unknown>,
          dialect,
        );
      } catch (error) {
        if (!(error instanceof PlatformError)) throw error;
        result = json(failureAnswer(200, error.message, error.code, body));
      }
    } else {
      result = await executeGraphQL(httpRequest);
    }
    return fault?.kind === 'drop' ? 'drop' : result;
  }

  const handlers: RequestHandler[] = [
    http.get(`${authUrl}/:accountId`, ({ request, params }) => {
      const basic = /^Basic\s+(\S+)$/i.exec(request.headers.get('authorization') ?? '')?.[1];
      const [user, ...rest] = basic ? Buffer.from(basic, 'base64').toString('utf8').split(':') : [];
      const valid =
        params.accountId === credentials.accountId &&
        user === `BOOMI_TOKEN.${credentials.username}` &&
        rest.join(':') === credentials.apiToken;
      if (!valid) return new HttpResponse('Unauthorized', { status: 401, headers: { 'content-type': 'text/plain' } });
      return jwt
        .issue(credentials.accountId, credentials.username)
        .then((token) => new HttpResponse(token, { headers: { 'content-type': 'text/plain' } }));
    }),
    http.post(endpoint, async ({ request }) => {
      const result = await answer(request);
      if (result === 'drop') return HttpResponse.error();
      return new HttpResponse(result.body, { status: result.status, headers: result.headers });
    }),
  ];

  return {
    handlers,
    get state() {
      return platform.state;
    },
    requests,
    reset() {
      platform.state = fixtures();
      faults = [];
      overrides = new Map();
      requests.length = 0;
    },
    on(operation, override) {
      overrides.set(operation, override);
    },
    failNext(operation, fault = {}) {
      faults.push({ operation, fault: { kind: 'fail', fault } });
    },
    dropNext(operation) {
      faults.push({ operation, fault: { kind: 'drop' } });
    },
    rateLimitNext(operation, retryAfterSeconds = 0) {
      faults.push({ operation, fault: { kind: 'rate-limit', retryAfterSeconds } });
    },
  };
}

/** The parts of a GraphQL request body the mock itself reads (the operation, the variables). */
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
