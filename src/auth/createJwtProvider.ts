import { withDefaults } from '../client/optionDefaults.js';
import { SpacesError, SpacesInputError } from '../errors/SpacesError.js';
import { RetryBudget } from '../retry/budget.js';
import { DEFAULT_RETRY, type RetryOptions } from '../retry/policy.js';
import { retryLoop } from '../retry/retryLoop.js';
import { waitFor } from '../retry/waitFor.js';
import { SecretRedactor } from '../security/SecretRedactor.js';
import { classifyAttempt, type Outcome } from '../transport/classify.js';
import { checkServiceUrl, REGIONS, type Region } from '../transport/endpoints.js';
import type { TransportLogger } from '../transport/events.js';
import { chooseSender } from '../transport/http/chooseSender.js';
import type { HttpSender, UndiciDispatcher } from '../transport/http/types.js';
import { requestJwt, settleJwt, type JwtAnswer } from './jwtEndpoint.js';

/** The JWT endpoint used when neither `authUrl` nor `region` is given. */
export const DEFAULT_AUTH_URL = REGIONS.us.authUrl;

/** Options of {@link createJwtProvider}. */
export interface JwtProviderOptions {
  /** The Boomi account id, e.g. `acme-ABC123`. */
  accountId: string;
  /** The user's e-mail address. */
  username: string;
  /** The user's API token (sent as the password of `BOOMI_TOKEN.<username>`). */
  apiToken: string;
  /** The JWT endpoint without the account id. Wins over `region`. */
  authUrl?: string | undefined;
  /** Picks `authUrl` for a region: `us` (api.boomi.com) or `gb` (api.platform.gb.boomi.com). */
  region?: Region | undefined;
  /** A one-time password, sent as `X-Boomi-OTP`. */
  otp?: string | undefined;
  /** A fetch implementation: JWT requests go through it (as a client's `fetch` option). */
  fetch?: typeof globalThis.fetch | undefined;
  /**
   * An undici Dispatcher (a `ProxyAgent` behind a corporate proxy, a `MockAgent` in tests): JWT
   * requests go through it, as the client's GraphQL requests do. Ignored when `fetch` is given.
   */
  dispatcher?: UndiciDispatcher | undefined;
  /** Refresh when this little of the JWT's life is left. Default 60 000 ms. */
  refreshMarginMs?: number | undefined;
  /** Timeout of one call to the JWT endpoint. Default 30 000 ms. */
  timeoutMs?: number | undefined;
  /**
   * How failures that authenticated nothing (no connection, a timeout, 5xx, 429) are retried: the
   * same policy as GraphQL queries ({@link RetryOptions}); a client made with `jwt` credentials
   * shares its own policy and budget with its provider.
   */
  retry?: RetryOptions | undefined;
  /** Receives each call to the JWT endpoint, credentials redacted. */
  logger?: TransportLogger | undefined;
  /** The clock in epoch milliseconds. */
  now?: (() => number) | undefined;
}

/** What {@link JwtProvider.getToken} takes: all optional. */
export interface TokenRequestOptions {
  /** Fetch a new JWT whatever the clock says (the server refused `rejectedToken`). */
  forceRefresh?: boolean | undefined;
  rejectedToken?: string | undefined;
  /** Stops this caller's wait (the refresh goes on for other callers). */
  signal?: AbortSignal | undefined;
  /** Epoch ms after which this caller stops waiting, with a `TIMEOUT` error. */
  deadline?: number | undefined;
}

/** Gets, caches and refreshes Boomi JWTs. Pass `getToken` to `createSpacesClient`. */
export interface JwtProvider {
  /**
   * A JWT with more than the refresh margin left; concurrent callers share one refresh, and each
   * stops waiting at its own signal or deadline. With `forceRefresh` (after the server refused the
   * JWT) a new one is fetched whatever the clock says.
   */
  getToken: (options?: TokenRequestOptions) => Promise<string>;
  /** Where JWTs come from (no secret). */
  readonly authUrl: string;
}

/** Boomi's JWTs live five minutes; used when a JWT carries no readable `exp`. */
const DEFAULT_LIFETIME_MS = 5 * 60_000;

/**
 * A JWT provider for Boomi's `GET {authUrl}/{accountId}` with `BOOMI_TOKEN.<username>` Basic auth.
 *
 * @example
 * ```ts
 * const apiToken = process.env.BOOMI_API_TOKEN!;
 * const jwt = createJwtProvider({ accountId: 'acme-ABC123', username: 'me@acme.com', apiToken });
 * const client = createSpacesClient({ getToken: jwt.getToken, spaceGuid });
 * ```
 */
export function createJwtProvider(options: JwtProviderOptions): JwtProvider {
  const policy = withDefaults(DEFAULT_RETRY, options.retry);
  return jwtProviderWithBudget(options, new RetryBudget(policy));
}

/**
 * The provider a client makes for itself: it spends the client's retry budget, and its credentials
 * (the API token, the Basic value, each JWT) join the client's redactor, so a server echoing them in
 * a GraphQL answer shows them blanked in the client's errors too.
 */
export function jwtProviderWithBudget(
  options: JwtProviderOptions,
  budget: RetryBudget,
  redactor = new SecretRedactor(),
  sender?: HttpSender,
): JwtProvider {
  const accountId = required(options.accountId, 'accountId');
  const username = required(options.username, 'username');
  const apiToken = required(options.apiToken, 'apiToken');
  const authUrl = checkServiceUrl(
    options.authUrl ?? REGIONS[options.region ?? 'us']?.authUrl ?? DEFAULT_AUTH_URL,
    'authUrl',
  );
  const policy = withDefaults(DEFAULT_RETRY, options.retry);
  const now = options.now ?? Date.now;
  const margin = options.refreshMarginMs ?? 60_000;
  const basic = base64OfText(`BOOMI_TOKEN.${username}:${apiToken}`);
  // Pinned, not added: JWTs rotate through the redactor's recent secrets, and must never push these out.
  redactor.pin(apiToken);
  redactor.pin(basic);
  const endpoint = {
    url: `${authUrl.replace(/\/+$/, '')}/${encodeURIComponent(accountId)}`,
    basic,
    otp: options.otp,
    // The client's own sender when a client made this provider; else one over the same options.
    sender:
      sender ??
      chooseSender({
        ...(options.fetch && { fetch: options.fetch }),
        ...(options.dispatcher !== undefined && { dispatcher: options.dispatcher }),
      }),
    timeoutMs: options.timeoutMs ?? 30_000,
    redactor,
    logger: options.logger,
  };

  let cached: { token: string; refreshAt: number } | undefined;
  /** The refresh under way, its stop switch and how many callers still wait for it. */
  let pending: { promise: Promise<string>; stop: AbortController; waiters: number } | undefined;

  async function refresh(stop: AbortSignal): Promise<string> {
    const outcome = await retryLoop<Outcome<JwtAnswer>>({
      attempt: (attempt) => requestJwt(endpoint, attempt, stop),
      // A GET that authenticates nothing until it answers: as repeatable as a query.
      classify: (attempted) => classifyAttempt(attempted, true),
      policy,
      budget,
      signal: stop,
      abortError: () =>
        new SpacesError('JWT endpoint: nobody waits for the token any more', { code: 'ABORTED', operationName: 'jwt' }),
      onRetry: ({ attempt, delayMs, reason }) =>
        options.logger?.({ type: 'retry', operationName: 'jwt', attempt, delayMs, reason }),
    });
    const token = settleJwt(outcome);
    redactor.add(token);
    const receivedAt = now();
    const expiresAt = expiryOf(token) ?? receivedAt + DEFAULT_LIFETIME_MS;
    // A JWT shorter-lived than twice the margin is refreshed half-way, not on every call.
    const lifetime = Math.max(0, expiresAt - receivedAt);
    cached = { token, refreshAt: expiresAt - Math.min(margin, lifetime / 2) };
    return token;
  }

  function start(): NonNullable<typeof pending> {
    const stop = new AbortController();
    const current = { promise: refresh(stop.signal), stop, waiters: 0 };
    // Every waiter sees a failure through its own wait; a refresh nobody waits for any more ends quietly.
    void current.promise
      .finally(() => {
        if (pending === current) pending = undefined;
      })
      .catch(() => undefined);
    return current;
  }

  const provider: JwtProvider = {
    authUrl,
    getToken: async (request) => {
      // Many calls can be refused with the same JWT; only the first refusal of it forces a refresh.
      const refused =
        request?.forceRefresh && (request.rejectedToken === undefined || request.rejectedToken === cached?.token);
      if (refused && pending === undefined) cached = undefined;
      if (cached && now() < cached.refreshAt) return cached.token;
      const current = (pending ??= start());
      current.waiters += 1;
      try {
        return await waitFor(current.promise, { signal: request?.signal, deadline: request?.deadline }, (reason) =>
          reason === 'aborted'
            ? new SpacesError('the call was aborted while waiting for a token', { code: 'ABORTED' })
            : new SpacesError('no token before the call’s deadline', { code: 'TIMEOUT' }),
        );
      } finally {
        current.waiters -= 1;
        // The last caller gave up: stop the refresh (its waits and its request under way).
        if (current.waiters === 0 && pending === current) {
          current.stop.abort();
          pending = undefined;
        }
      }
    },
  };
  const summary = { authUrl, accountId, username };
  Object.defineProperty(provider, Symbol.for('nodejs.util.inspect.custom'), {
    value: () => `JwtProvider { authUrl: '${authUrl}', accountId: '${accountId}', username: '${username}' }`,
  });
  Object.defineProperty(provider, 'toJSON', { value: () => summary });
  return provider;
}

function required(value: unknown, field: string): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new SpacesInputError(`\`${field}\` is required for the JWT provider`, { field });
  }
  return value.trim();
}

/** The `exp` claim in epoch ms, read without verifying (the platform verifies). */
function expiryOf(token: string): number | undefined {
  try {
    const payload = JSON.parse(textOfBase64Url(token.split('.')[1] ?? '')) as {
      exp?: unknown;
    };
    return typeof payload.exp === 'number' && Number.isFinite(payload.exp) ? payload.exp * 1000 : undefined;
  } catch {
    return undefined;
  }
}

// Portable base64 (btoa, atob, TextEncoder exist in Node, browsers and workers alike; Buffer does not).

/** The base64 of a text's UTF-8 bytes. */
function base64OfText(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** The text of base64url (or base64) UTF-8; throws on characters outside the alphabet. */
function textOfBase64Url(encoded: string): string {
  const base64 = encoded.replace(/-/g, '+').replace(/_/g, '/');
  const binary = atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4));
  return new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
}
