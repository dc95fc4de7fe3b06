import { DIALECTS, isDialect } from '../../schema/dialects.js';
import { createDemoState, DEMO } from '../model/seed.js';
import type { SimState } from '../model/state.js';
import { SpacesPlatform } from '../model/SpacesPlatform.js';
import { FaultPlan, RateLimiter } from './faults.js';
import { FLEET_RATE_LIMIT, MAX_FLEET_ACCOUNTS } from './fleetLimits.js';
import { createGraphQLEndpoint } from './graphqlEndpoint.js';
import {
  answerJwtRequest,
  newAccountStats,
  textAnswer,
  type AccountStats,
  type PlatformAccount,
  type SimulatorCredentials,
} from './platformAuth.js';
import type {
  PlatformHandler,
  PlatformOptions,
  PlatformOverride,
  PlatformRequest,
  SimulatorStats,
} from './platformTypes.js';
import { SimulatorJwt } from './SimulatorJwt.js';

export type * from './platformTypes.js';

const GRAPHQL_PATH = '/graphql';
const AUTH_PATH = '/auth/jwt/generate/';

/**
 * The fake Boomi Spaces platform as a function from a request to a reply: the JWT endpoint, the one
 * auth check, the rate limit, the one fault model, and every answer executed against the schema
 * snapshot and the in-memory model. The simulator's HTTP server and the msw kit only adapt to it.
 *
 * @example
 * ```ts
 * import { createPlatformHandler } from 'boomi-spaces/simulator';
 * const platform = createPlatformHandler({ strictAuth: false });
 * const reply = await platform.handle({
 *   method: 'POST',
 *   url: '/graphql',
 *   headers: new Headers({ authorization: 'Bearer any', 'content-type': 'application/json' }),
 *   body: JSON.stringify({ query: '{ spaces { id } }' }),
 * });
 * // reply: { status: 200, headers: {...}, body: '{"data":{"spaces":[...]}}' }, or 'drop'
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
  // One account: its fault plan is the shared one, as before fleets. A fleet: the shared plan starts
  // empty (queue faults for any account there) and each account draws from its own.
  const faults = new FaultPlan(options.accounts === undefined ? options.faults : {});
  // Keyed by account id: each account has its own data and rate limit; a JWT says whose call it is.
  const accounts = new Map<string, PlatformAccount>(
    options.accounts === undefined
      ? [
          [
            credentials.accountId,
            newAccount(credentials, options.state ?? createDemoState(), options.rateLimit, options.now, faults),
          ],
        ]
      : fleet(options).map((account) => [account.credentials.accountId, account]),
  );
  const stats: SimulatorStats = { graphql: 0, auth: 0, unauthorized: 0, rateLimited: 0, operations: {} };
  const overrides = new Map<string, PlatformOverride>();
  const rules = { jwt, strict: options.strictAuth ?? true, tokens: new Set(options.tokens ?? []) };
  const { onRequest } = options;
  const graphql = createGraphQLEndpoint({ accounts, rules, faults, stats, overrides, dialect, onRequest });
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
    accountStats: () => Object.fromEntries([...accounts].map(([id, account]) => [id, structuredClone(account.stats)])),
    overrides,
    dialect,
  };
}

function newAccount(
  credentials: SimulatorCredentials,
  state: SimState,
  rateLimit: number | undefined,
  clock: (() => number) | undefined,
  faults: FaultPlan,
): PlatformAccount {
  const limiter = rateLimit ? new RateLimiter(rateLimit, clock ?? Date.now) : undefined;
  const stats: AccountStats = newAccountStats();
  // Without a clock of the caller's, the platform's own reads Date.now() at each look, so a fake
  // clock installed later (jest.useFakeTimers()) still moves runs on.
  const platform = new SpacesPlatform(state, clock);
  return { credentials, platform, faults, stats, ...(limiter && { limiter }) };
}

/**
 * `count` accounts `fleet-001`…, each with a copy of the data, token `token-<id>` for any username,
 * its own rate limit and its own fault plan (the `faults` switches, seeded `seed + index` so each
 * account's draws repeat whatever the interleaving).
 */
function fleet({ accounts: count = 0, state, rateLimit, faults, now }: PlatformOptions) {
  if (!Number.isInteger(count) || count < 1 || count > MAX_FLEET_ACCOUNTS)
    throw new RangeError(`accounts must be 1 to ${MAX_FLEET_ACCOUNTS}`);
  const seed = faults?.seed ?? 1;
  return Array.from({ length: count }, (_, i): PlatformAccount => {
    const accountId = fleetAccountId(i + 1);
    const data = { ...(state ? structuredClone(state) : createDemoState()), accountId };
    const credentials = { accountId, username: DEMO.username, apiToken: `token-${accountId}` };
    const own = new FaultPlan({ ...faults, seed: seed + i });
    return { ...newAccount(credentials, data, rateLimit ?? FLEET_RATE_LIMIT, now, own), anyUsername: true };
  });
}

/** The id of a fleet's `n`th account (from 1): `fleet-001`. */
function fleetAccountId(n: number): string {
  return `fleet-${String(n).padStart(3, '0')}`;
}
