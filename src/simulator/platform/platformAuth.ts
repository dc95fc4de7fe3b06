import type { SpacesPlatform } from '../model/SpacesPlatform.js';
import type { FaultPlan, RateLimiter } from './faults.js';
import type { HttpAnswer } from '../graphql/graphqlOverHttp.js';
import type { SimulatorJwt } from './SimulatorJwt.js';

/** The user the fake platform's JWT endpoint accepts for one account. */
export interface SimulatorCredentials {
  accountId: string;
  username: string;
  apiToken: string;
}

/** One account of the fake platform: who may get its JWTs, its data and its own rate limit. */
export interface PlatformAccount {
  credentials: SimulatorCredentials;
  platform: SpacesPlatform;
  /** At most so many GraphQL calls a second for this account; none when absent. */
  limiter?: RateLimiter;
  /** The API token is accepted for any username (a fleet's accounts), not only `credentials.username`. */
  anyUsername?: boolean;
  /**
   * This account's faults, drawn per request of this account after the shared plan's queued ones.
   * The single account's plan is the handler's `faults` itself.
   */
  faults: FaultPlan;
  /** What this account has seen (counted live; read a copy with `accountStats()`). */
  stats: AccountStats;
}

/** The requests one account received, for tests and benchmarks. */
export interface AccountStats {
  /** GraphQL requests that ran as this account, whatever their answer. */
  requests: number;
  /** Requests to its JWT endpoint, `/auth/jwt/generate/<id>`. */
  auth: number;
  /** Its 429 answers, from its rate limit or a fault. */
  rateLimited: number;
  /** Mutations executed against its data (one whose answer was dropped after executing too). */
  mutations: number;
  /** Those mutations by operation name: a duplicate install shows as a count above the plan's. */
  mutationsByOperation: Record<string, number>;
}

/** Fresh, zeroed counts. */
export function newAccountStats(): AccountStats {
  return { requests: 0, auth: 0, rateLimited: 0, mutations: 0, mutationsByOperation: {} };
}

/** Which bearer tokens the GraphQL endpoint accepts. */
export interface AuthRules {
  jwt: SimulatorJwt;
  /**
   * True: only the JWTs issued here and `tokens`. False: any non-empty bearer token (a JWT issued
   * here still picks its account).
   */
  strict: boolean;
  tokens: ReadonlySet<string>;
}

/** Who sent a GraphQL call: the account it runs against, and whether its token is accepted. */
export interface Caller {
  account: PlatformAccount;
  authenticated: boolean;
}

/**
 * The one auth check of the GraphQL endpoint. A valid JWT runs against the account it was issued
 * for; a static token, a lax check or no token at all against the first account (the public catalog
 * needs no token, and a refused call still counts against that account's rate limit).
 */
export async function callerOf(
  authorization: string | null,
  rules: AuthRules,
  accounts: ReadonlyMap<string, PlatformAccount>,
): Promise<Caller> {
  const fallback = accounts.values().next().value as PlatformAccount;
  const bearer = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
  if (!bearer) return { account: fallback, authenticated: false };
  const claims = await rules.jwt.verify(bearer);
  const issuedFor = claims && accounts.get(claims.accountId);
  if (issuedFor) return { account: issuedFor, authenticated: true };
  return { account: fallback, authenticated: !rules.strict || rules.tokens.has(bearer) };
}

const USER_PREFIX = 'BOOMI_TOKEN.';

/**
 * Boomi's JWT endpoint (`GET /auth/jwt/generate/{accountId}` with Basic `BOOMI_TOKEN.<user>:<API
 * token>`): a JWT as plain text, 401 for anything it does not know, 405 for another method.
 */
export async function answerJwtRequest(
  request: { method: string; headers: { get(name: string): string | null } },
  accountId: string,
  jwt: SimulatorJwt,
  accounts: ReadonlyMap<string, PlatformAccount>,
): Promise<HttpAnswer> {
  if (request.method !== 'GET') return textAnswer(405, 'Method Not Allowed', { allow: 'GET' });
  const basic = /^Basic\s+(\S+)$/i.exec(request.headers.get('authorization') ?? '')?.[1];
  const [user, ...rest] = basic ? Buffer.from(basic, 'base64').toString('utf8').split(':') : [];
  const account = accounts.get(accountId);
  if (account) account.stats.auth += 1;
  const username = user?.startsWith(USER_PREFIX) ? user.slice(USER_PREFIX.length) : undefined;
  const knownUser = username !== undefined && (account?.anyUsername || username === account?.credentials.username);
  if (!account || !knownUser || rest.join(':') !== account.credentials.apiToken) {
    return textAnswer(401, 'Unauthorized');
  }
  return textAnswer(200, await jwt.issue(accountId, username));
}

/** A plain-text answer. */
export function textAnswer(status: number, text: string, headers: Record<string, string> = {}): HttpAnswer {
  return { status, headers: { 'content-type': 'text/plain; charset=utf-8', ...headers }, body: text };
}
