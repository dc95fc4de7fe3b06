import { withDefaults } from './optionDefaults.js';
import { invalid, SpacesInputError } from '../errors/SpacesError.js';
import type { TransportLogger } from '../transport/events.js';
import { DEFAULT_RATE_LIMIT, type RateLimitOptions } from '../retry/pacer.js';
import { DEFAULT_RETRY, type RetryOptions } from '../retry/policy.js';
import { isUnpacedEndpoint } from '../retry/unpacedEndpoints.js';
import type { TokenSource } from '../transport/authorize.js';
import { tokenSourceBinder, type Binder, type JwtTokenSource } from '../auth/jwtTokenSource.js';
import type { SenderOptions } from '../transport/http/chooseSender.js';
import { checkServiceUrl, REGIONS, type Region } from '../transport/endpoints.js';
import type { UndiciDispatcher } from '../transport/http/types.js';
import { userAgent } from '../transport/userAgent.js';

export { REGIONS, type Region, type UndiciDispatcher };

/** The platform's GraphQL endpoint, used when none is given. */
export const DEFAULT_ENDPOINT = 'https://platform.boomi.com/graphql';
/** Timeout of one HTTP attempt (the client's `attemptTimeoutMs`) used when none is given. */
export const DEFAULT_TIMEOUT_MS = 30_000;

/** The bounds of what a client sends and reads, each a client option of the same name. */
export const DEFAULT_LIMITS = {
  /** Longest request body sent; a larger one is refused before sending. 1 MiB. */
  maxRequestBytes: 1024 * 1024,
  /** Longest answer body read; reading stops there. 8 MiB: about 31 000 instances in one listing. */
  maxResponseBytes: 8 * 1024 * 1024,
  /** Deepest nesting of objects and arrays accepted in an answer. */
  maxResponseDepth: 64,
} as const;

/**
 * The highest each limit may be raised to. An answer is held as one string and parsed at once, so
 * 256 MiB (about a million instances) keeps well clear of V8's longest string; deeper nesting than
 * 1000 is no answer of this API.
 */
export const MAX_LIMITS = {
  maxRequestBytes: 64 * 1024 * 1024,
  maxResponseBytes: 256 * 1024 * 1024,
  maxResponseDepth: 1000,
} as const;

/** The user a JWT provider authenticates (see `createJwtProvider`). */
export interface JwtCredentials {
  accountId: string;
  username: string;
  apiToken: string;
  /** The JWT endpoint without the account id; wins over `region`. */
  authUrl?: string | undefined;
  /** A one-time password, sent as `X-Boomi-OTP`. */
  otp?: string | undefined;
}

/**
 * Options of {@link createSpacesClient}. Give one of `token`, `getToken` or `jwt`; a client without
 * any serves the public catalog (`searchCatalog`) only.
 */
export interface SpacesClientOptions {
  /** The GraphQL endpoint; wins over `region`. Default `https://platform.boomi.com/graphql`. `http://` only for loopback hosts. */
  endpoint?: string | undefined;
  /** Presets `endpoint` and the JWT endpoint for a region: `us` (api.boomi.com) or `gb` (api.platform.gb.boomi.com). */
  region?: Region | undefined;
  /** A ready JWT, sent as `Authorization: Bearer …`. It expires after five minutes: prefer `jwt` for long jobs. */
  token?: string | undefined;
  /**
   * Called before every request for the current JWT; `forceRefresh` is set after the server
   * refused the last one. A `JwtProvider`'s `getToken` fits.
   */
  getToken?: TokenSource | undefined;
  /** Let the client get and refresh JWTs itself, from Boomi's JWT endpoint with an API token. */
  jwt?: JwtCredentials | undefined;
  /** Sent as the `SPACE_GUID` header, which space-scoped operations (instances, environments, attach, detach) need. */
  spaceGuid?: string | undefined;
  /** Extra headers for every request. Credentials do not go here. */
  headers?: Record<string, string> | undefined;
  /**
   * The fetch implementation; given, the client always sends through it. Default: in Node, undici's
   * `request()` on a keep-alive Agent of the client's own (several times faster than fetch), or the
   * global fetch when something replaced it (msw, nock); elsewhere the global `fetch`.
   */
  fetch?: typeof globalThis.fetch | undefined;
  /**
   * An undici Dispatcher to send through in Node (a `ProxyAgent` for a corporate proxy, a `MockAgent`
   * in tests, an Agent of your own); `close()` leaves it open. Ignored when `fetch` is given.
   */
  dispatcher?: UndiciDispatcher | undefined;
  /** Connections per origin of the client's own undici Agent (Node). Default 32. */
  connections?: number | undefined;
  /**
   * Timeout of one HTTP attempt (the token's wait included) in milliseconds. Default 30 000. A whole
   * call's deadline is the call option `timeoutMs`.
   *
   * @example
   * ```ts
   * const client = createSpacesClient({ jwt, attemptTimeoutMs: 10_000 });
   * ```
   */
  attemptTimeoutMs?: number | undefined;
  /**
   * @deprecated Renamed `attemptTimeoutMs` (it bounds one attempt; the call option `timeoutMs` bounds
   * a whole call). Still accepted, with a one-time warning from a client; `attemptTimeoutMs` wins when both are set.
   */
  timeoutMs?: number | undefined;
  /** How failed requests are retried; see {@link RetryOptions} for the defaults. */
  retry?: RetryOptions | undefined;
  /** Receives each attempt, retry and token refresh, with credentials redacted (the CLI's `--verbose`). */
  logger?: TransportLogger | undefined;
  /** Longest request body sent, in bytes; a larger one is refused before sending. Default 1 MiB, at most 64 MiB. */
  maxRequestBytes?: number | undefined;
  /**
   * Longest answer body read, in bytes: reading stops there with `RESPONSE_TOO_LARGE` (not retried).
   * Default 8 MiB, which holds a listing of about 31 000 instances; raise it for larger accounts
   * (`64 * 1024 * 1024` lists about 250 000). A whole number from 1 to 256 MiB. The CLI's
   * `--max-response-mb` sets it.
   *
   * @example
   * ```ts
   * const client = createSpacesClient({ jwt, spaceGuid, maxResponseBytes: 64 * 1024 * 1024 });
   * ```
   */
  maxResponseBytes?: number | undefined;
  /** Deepest nesting of objects and arrays in an answer (`INVALID_RESPONSE` beyond). Default 64, at most 1000. */
  maxResponseDepth?: number | undefined;
  /**
   * Client-side pacing shared by all of the client's requests: `{ requestsPerSecond }`, never more
   * than that many in any second (default 10, Boomi's published limit being about 10 per second per
   * account), or `false` for none. After a 429 or 503 with Retry-After every request of the client waits.
   * The rate adapts to the server's limiter: a 429 halves it (at least 1 per second), requests let
   * through raise it again by 0.5 per second at a time, up to `requestsPerSecond`.
   * A client sending to an endpoint the testing kit's `createSpacesMock` answers (a mock made before
   * the client) is not paced unless `rateLimit` is given: there is no server limiter to protect.
   */
  rateLimit?: RateLimitOptions | false | undefined;
}

/**
 * Options checked and completed with defaults. The sender's and the transport's settings carry
 * their option names, so they pass on to them as they are.
 */
export interface ResolvedOptions extends SenderOptions {
  endpoint: string;
  /** Makes the JWT provider of `jwt` credentials, once the core has what it lends. */
  bindJwt?: Binder;
  /** The JWT endpoint of the region, for `jwt` credentials that give none. */
  authUrl: string;
  getToken?: TokenSource;
  headers: Record<string, string>;
  attemptTimeoutMs: number;
  retry: Required<RetryOptions>;
  maxRequestBytes: number;
  maxResponseBytes: number;
  maxResponseDepth: number;
  rateLimit: Required<RateLimitOptions> | false;
  logger: TransportLogger | undefined;
}

/**
 * The token source of a client or core made without credentials: every call but the public
 * catalog's fails with AUTH_ERROR before anything is sent, saying what to set. (The CLI never gets
 * here: its commands that need credentials refuse to start without them, naming its variables.)
 */
const withoutCredentials: TokenSource = () => {
  throw new SpacesInputError(
    'this client was made without credentials: give it `token`, `getToken` or `jwt`; only searchCatalog works without',
    { field: 'token' },
  );
};

/** Connections per origin of the client's own undici Agent. */
const DEFAULT_CONNECTIONS = 32;

const RESERVED_HEADERS = new Set(['authorization', 'cookie', 'content-type', 'accept']);

/**
 * Options of {@link createSpacesCore}: those of `createSpacesClient`, except that `jwt` credentials
 * come wrapped by `jwtTokenSource(...)`, so an app without them bundles no JWT provider.
 */
export type SpacesCoreOptions = Omit<SpacesClientOptions, 'jwt'> & {
  /** Let the core get and refresh JWTs itself: `jwtTokenSource({ accountId, username, apiToken })`. */
  jwt?: JwtTokenSource | undefined;
};

/** Checks the options before anything is sent; every mistake is a SpacesInputError naming the option. */
export function resolveOptions(options: SpacesCoreOptions): ResolvedOptions {
  const { region, token, getToken, jwt } = options;
  // Own keys only: `'toString' in REGIONS` is true.
  if (region !== undefined && !Object.hasOwn(REGIONS, region))
    throw invalid('region', `must be one of ${Object.keys(REGIONS).join(', ')}`);
  const preset = region ? REGIONS[region] : undefined;
  const endpoint = checkServiceUrl(options.endpoint ?? preset?.endpoint ?? DEFAULT_ENDPOINT, 'endpoint');
  const given = (['token', 'getToken', 'jwt'] as const).filter((key) => options[key] !== undefined);
  if (given.length > 1) {
    throw new SpacesInputError(`Give one of \`token\`, \`getToken\` or \`jwt\`, not ${given.join(' and ')}`, {
      field: given[0],
    });
  }
  if (token !== undefined && (typeof token !== 'string' || token.trim() === ''))
    throw invalid('token', 'must be a Boomi JWT (a non-empty string)');
  if (getToken !== undefined && typeof getToken !== 'function') throw invalid('getToken', 'must be a function');
  const attemptTimeoutMs = options.attemptTimeoutMs ?? options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  if (!Number.isFinite(attemptTimeoutMs) || attemptTimeoutMs <= 0) {
    const field = options.attemptTimeoutMs === undefined ? 'timeoutMs' : 'attemptTimeoutMs';
    throw invalid(field, 'must be a positive number of milliseconds');
  }
  const retry = withDefaults(DEFAULT_RETRY, options.retry);
  for (const key of ['maxAttempts', 'reconcileAttempts'] as const) checkWhole(`retry.${key}`, retry[key]);
  for (const key of Object.keys(DEFAULT_RETRY) as Array<keyof RetryOptions>)
    if (!(retry[key] >= 0)) throw invalid(`retry.${key}`, 'must be ≥ 0');
  const limits: Record<keyof typeof DEFAULT_LIMITS, number> = { ...DEFAULT_LIMITS };
  for (const key of Object.keys(limits) as Array<keyof typeof limits>) {
    const value = options[key];
    if (value !== undefined) limits[key] = value;
    checkWhole(key, limits[key], MAX_LIMITS[key]);
  }
  // The User-Agent names the SDK and its version; `headers` may extend it (the CLI adds ` cli`).
  const headers: Record<string, string> = {
    accept: 'application/json',
    'content-type': 'application/json',
    'user-agent': userAgent(),
  };
  for (const [name, value] of Object.entries(options.headers ?? {})) {
    const lower = name.toLowerCase();
    if (RESERVED_HEADERS.has(lower)) throw invalid(`headers.${name}`, 'is set by the client and cannot be overridden');
    headers[lower] = value;
  }
  if (options.spaceGuid !== undefined) {
    const spaceGuid = options.spaceGuid.trim();
    if (spaceGuid === '') throw invalid('spaceGuid', 'must not be empty');
    headers['space_guid'] = spaceGuid;
  }
  const bindJwt = tokenSourceBinder(jwt);
  if (jwt && bindJwt === undefined)
    throw invalid(
      'jwt',
      "of a core takes `jwtTokenSource({ accountId, username, apiToken })` from 'boomi-spaces/functions'",
    );
  const connections = options.connections ?? DEFAULT_CONNECTIONS;
  checkWhole('connections', connections);
  return {
    endpoint,
    bindJwt,
    authUrl: preset?.authUrl ?? REGIONS.us.authUrl,
    getToken: getToken ?? (token !== undefined ? () => token : bindJwt ? undefined : withoutCredentials),
    headers,
    // How GraphQL requests reach the network (see `transport/http/chooseSender.ts`).
    fetch: options.fetch,
    dispatcher: options.dispatcher,
    connections,
    attemptTimeoutMs,
    retry,
    ...limits,
    // In-process fakes have no limiter to protect: pacing there only slows tests down.
    rateLimit:
      options.rateLimit === undefined && isUnpacedEndpoint(endpoint) ? false : resolveRateLimit(options.rateLimit),
    logger: options.logger,
  };
}

/** The SpacesInputError on `field` unless `value` is a whole number from 1 to `max`. */
function checkWhole(field: string, value: unknown, max = Infinity, orElse = ''): void {
  if (!(Number.isInteger(value) && (value as number) >= 1 && (value as number) <= max))
    throw invalid(field, `must be a whole number ${max < Infinity ? `from 1 to ${max}` : '≥ 1'}${orElse}`);
}

function resolveRateLimit(option: RateLimitOptions | false | undefined): Required<RateLimitOptions> | false {
  if (option === false) return false;
  const rate = withDefaults(DEFAULT_RATE_LIMIT, option);
  checkWhole('rateLimit.requestsPerSecond', rate.requestsPerSecond, Infinity, ' (or `rateLimit: false`)');
  return rate;
}
