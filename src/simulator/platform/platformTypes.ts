import type { Dialect } from '../../schema/dialects.js';
import type { HttpAnswer } from '../graphql/graphqlOverHttp.js';
import type { SimState } from '../model/state.js';
import type { FaultPlan, SimulatorFaults } from './faults.js';
import type { AccountStats, PlatformAccount, SimulatorCredentials } from './platformAuth.js';

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
  credentials?: SimulatorCredentials | undefined;
  /** The data to start from. Default: the demo data. */
  state?: SimState | undefined;
  /**
   * Serve a fleet of this many accounts (1 to 1000) instead of one: ids `fleet-001`, `fleet-002`…,
   * each with its own copy of the demo data (or of `state`, the same Space id), its own rate limit
   * (`rateLimit`, default 10 a second) and its own fault plan (the `faults` switches, drawn per
   * account: `accounts.get(id).faults` changes one account's); the API token of `<id>` is
   * `token-<id>`, for any username. `credentials` is then not used.
   */
  accounts?: number | undefined;
  /** Only JWTs issued here and `tokens` are accepted (true, the default), or any bearer token (false). */
  strictAuth?: boolean | undefined;
  /** Bearer tokens accepted besides the JWTs issued here. */
  tokens?: string[] | undefined;
  /** Lifetime of issued JWTs, in seconds. Default 300, as Boomi's. */
  jwtTtlSeconds?: number | undefined;
  /**
   * At most this many GraphQL requests per second (per account); more get HTTP 429 with Retry-After.
   * Default: no limit for the single account, 10 for each account of a fleet.
   */
  rateLimit?: number | undefined;
  /** Delay before every answer, in milliseconds. */
  latencyMs?: number | undefined;
  /** Fault switches; change them later with `faults.set()`, or queue faults with `faults.queue()`. */
  faults?: SimulatorFaults | undefined;
  /**
   * The clock, in epoch milliseconds (tests move it to expire JWTs, open rate-limit windows and
   * move runs through their phases). A clock that stands still holds every run in its first phase:
   * a `runProcess(…, { wait: true })` then waits until its own timeout.
   */
  now?: (() => number) | undefined;
  /** The root field names served: `help` (the default: `Space`) or `reference` (`space`). */
  dialect?: Dialect | undefined;
  /** Called with the operation name (`anonymous` when none) of every GraphQL request received. */
  onRequest?: ((operationName: string) => void) | undefined;
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
  /** Faults for every account's calls (queued ones first); each account also has its own plan. */
  readonly faults: FaultPlan;
  readonly stats: SimulatorStats;
  /** A copy of each account's counts, by account id. */
  readonly accountStats: () => Record<string, AccountStats>;
  /** Per-operation answers, by operation name, used instead of the model. */
  readonly overrides: Map<string, PlatformOverride>;
  readonly dialect: Dialect;
}
