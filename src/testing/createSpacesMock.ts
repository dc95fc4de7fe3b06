import { withDefaults } from '../client/optionDefaults.js';
import { http, HttpResponse, type RequestHandler } from 'msw';
import { DEFAULT_ENDPOINT, REGIONS, type Region } from '../client/options.js';
import type { OperationName, OperationTypes } from '../generated/operations.js';
import { registerUnpacedEndpoint } from '../retry/unpacedEndpoints.js';
import { createDemoState } from '../simulator/model/seed.js';
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
import {
  createPlatformHandler,
  type PlatformOptions,
  type PlatformReply,
  type PlatformRequest,
} from '../simulator/platform/createPlatformHandler.js';
import type { FaultPlan } from '../simulator/platform/faults.js';
import { newAccountStats, type AccountStats, type PlatformAccount } from '../simulator/platform/platformAuth.js';

/** Data to start from; each list given replaces the demo's. */
export interface SpacesFixtures {
  accountId?: string | undefined;
  packs?: SimPack[] | undefined;
  spaces?: SimSpace[] | undefined;
  instances?: SimInstance[] | undefined;
  environments?: SimEnvironment[] | undefined;
  attachments?: SimAttachment[] | undefined;
  /** Schedules by `<atomId>:<processId>`. */
  schedules?: Record<string, SimSchedules> | undefined;
  executions?: SimExecution[] | undefined;
  /** Accounts that have access to the Spaces (`spaceAccounts`). */
  accounts?: SimAccount[] | undefined;
}

/**
 * Options of {@link createSpacesMock}: which endpoints to answer, and the fake platform's options
 * (shared with the simulator's `startSimulator`: `rateLimit`, `latencyMs`, `faults`, `now`, `state`
 * work here too). Here `strictAuth` defaults to false, and `fixtures` (partial) is the mock's way to
 * give `state`; given both, `state` wins.
 */
export interface SpacesMockOptions extends Omit<PlatformOptions, 'onRequest'> {
  /** The GraphQL endpoint to answer. Wins over `region`. Default: the platform's. */
  endpoint?: string | undefined;
  /** The JWT endpoint to answer, without the account id. Wins over `region`. Default: `https://api.boomi.com/auth/jwt/generate`. */
  authUrl?: string | undefined;
  /** Answers a region's endpoints, as the client's `region` option picks them: `us` or `gb`. */
  region?: Region | undefined;
  /**
   * Only the JWTs the mock issues and these `tokens` are accepted; anything else is answered 401.
   * Default false: any non-empty bearer token is accepted (a client made with `token: 'test-token'`
   * just works), and the JWT flow works as well.
   */
  strictAuth?: boolean | undefined;
  /** The data to start from (and to return to on `reset()`). Default: the demo data. */
  fixtures?: SpacesFixtures | undefined;
}

/** A failure to answer with instead of executing. */
export interface MockFault {
  /** HTTP status. Default 200. */
  status?: number | undefined;
  /** Sent as `extensions.code`. */
  code?: string | undefined;
  /** The GraphQL error message. Default "Simulated failure". */
  message?: string | undefined;
  /** Sent as `Retry-After` with a 429 or 5xx, so the client's retry waits this long. Default 0: no real wait. */
  retryAfterSeconds?: number | undefined;
}

/** A typed answer for one operation: given its variables, its result (or a thrown `PlatformError`). */
export type OperationOverride<K extends OperationName> = (
  variables: OperationTypes[K]['variables'],
) => OperationTypes[K]['result'] | Promise<OperationTypes[K]['result']>;

/** A fake Boomi Spaces platform for msw. */
export interface SpacesMock {
  /** Pass to msw's `setupServer(...mock.handlers)` (or `server.use`). */
  handlers: RequestHandler[];
  /** The live state (of the first account, with `accounts`): installs appear in later listings. */
  readonly state: SimState;
  /**
   * Every account by id: one, or with `accounts: N` the fleet `fleet-001`… (reach one with the JWT
   * flow: `accountId`, any username, `apiToken: 'token-<id>'`; a static bearer token runs as the first).
   */
  readonly accounts: ReadonlyMap<string, PlatformAccount>;
  /** A copy of each account's counts by id: requests, JWTs, 429s, mutations executed. */
  accountStats(): Record<string, AccountStats>;
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
  /**
   * The fault model itself, the simulator's: rates drawn from a seed (`faults.set({ dropAfterExecuteRate:
   * 0.3 })`) and queues. A call takes the faults queued for its operation first, then those for `'*'`.
   */
  readonly faults: FaultPlan;
}

/**
 * A stateful fake of the Boomi Spaces platform as msw handlers: the same schema and model as the
 * simulator, the install rules and error codes, and the JWT endpoint. Clients made after it for its
 * endpoint are not paced unless their `rateLimit` option is given (or the mock's own `rateLimit`
 * is), so tests run at full speed.
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
  const endpoint = options.endpoint ?? preset?.endpoint ?? DEFAULT_ENDPOINT;
  const authUrl = (options.authUrl ?? preset?.authUrl ?? REGIONS.us.authUrl).replace(/\/+$/, '');
  const initialState = (): SimState =>
    options.state ? structuredClone(options.state) : withDefaults(createDemoState(), structuredClone(options.fixtures));
  const requests: string[] = [];
  const platform = createPlatformHandler({
    ...options,
    strictAuth: options.strictAuth ?? false,
    state: initialState(),
    onRequest: (operation) => requests.push(operation),
  });
  const account = platform.accounts.values().next().value!;
  // Clients made afterwards for this endpoint go unpaced unless their `rateLimit` says otherwise; a
  // mock given a server-side `rateLimit` has a limiter to respect, as the platform does.
  if (options.rateLimit === undefined) registerUnpacedEndpoint(endpoint);
  const queue = (operation: OperationName | '*', fault: Parameters<FaultPlan['queue']>[0]) =>
    operation === '*' ? platform.faults.queue(fault) : platform.faults.queueFor(operation, fault);

  const handlers: RequestHandler[] = [
    http.all(`${authUrl}/:accountId`, async ({ request, params }) =>
      toResponse(await platform.jwt(await fromRequest(request), String(params.accountId))),
    ),
    http.all(endpoint, async ({ request }) => toResponse(await platform.graphql(await fromRequest(request)))),
  ];

  return {
    handlers,
    get state() {
      return account.platform.state;
    },
    requests,
    faults: platform.faults,
    accounts: platform.accounts,
    accountStats: platform.accountStats,
    reset() {
      const none = { unavailableRate: 0, dropAfterExecuteRate: 0, rateLimitedRate: 0, retryAfterSeconds: 1, seed: 1 };
      platform.faults.clearQueued();
      platform.faults.set(options.accounts === undefined ? withDefaults(none, options.faults) : none);
      [...platform.accounts.values()].forEach((each, i) => {
        each.platform.state =
          options.accounts === undefined
            ? initialState()
            : { ...initialState(), accountId: each.credentials.accountId };
        Object.assign(each.stats, newAccountStats());
        if (each.faults === platform.faults) return;
        each.faults.clearQueued();
        each.faults.set({ ...withDefaults(none, options.faults), seed: (options.faults?.seed ?? 1) + i });
      });
      platform.overrides.clear();
      requests.length = 0;
    },
    on(operation, override) {
      platform.overrides.set(operation, override);
    },
    failNext(operation, fault = {}) {
      queue(operation, { kind: 'fail', ...fault, retryAfterSeconds: fault.retryAfterSeconds ?? 0 });
    },
    dropNext(operation) {
      queue(operation, 'drop-after-execute');
    },
    rateLimitNext(operation, retryAfterSeconds = 0) {
      queue(operation, { kind: 'rate-limited', retryAfterSeconds });
    },
  };
}

/** msw's Web `Request` as the platform handler reads it. */
async function fromRequest(request: Request): Promise<PlatformRequest> {
  return { method: request.method, url: request.url, headers: request.headers, body: await request.text() };
}

/** The handler's reply as msw's answer: a dropped answer is a network error. */
function toResponse(reply: PlatformReply): Response {
  if (reply === 'drop') return HttpResponse.error();
  return new HttpResponse(reply.body, { status: reply.status, headers: reply.headers });
}
