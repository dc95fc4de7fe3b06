import { checkServiceUrl, REGIONS, type Region } from '../client/options.js';
import { SpacesError, SpacesInputError } from '../errors/SpacesError.js';
import { SecretRedactor } from '../security/SecretRedactor.js';
import type { TransportLogger } from '../transport/events.js';
import { describeNetworkError, snippetOf } from '../transport/diagnostics.js';
import { parseRetryAfter } from '../transport/retryPolicy.js';

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
  authUrl?: string;
  /** Picks `authUrl` for a region: `us` (api.boomi.com) or `gb` (api.platform.gb.boomi.com). */
  region?: Region;
  /** A one-time password, sent as `X-Boomi-OTP`. */
  otp?: string;
  fetch?: typeof globalThis.fetch;
  /** Refresh when this little of the JWT's life is left. Default 60 000 ms. */
  refreshMarginMs?: number;
  /** Timeout of one call to the JWT endpoint. Default 30 000 ms. */
  timeoutMs?: number;
  /** Attempts per refresh when the endpoint answers 429 or cannot be reached. Default 3. */
  maxAttempts?: number;
  /** A Retry-After longer than this fails the refresh instead of waiting. Default 60 000 ms. */
  maxRetryAfterMs?: number;
  /** Receives each call to the JWT endpoint, credentials redacted. */
  logger?: TransportLogger;
  /** The clock in epoch milliseconds. */
  now?: () => number;
}

/** Gets, caches and refreshes Boomi JWTs. Pass `getToken` to `createSpacesClient`. */
export interface JwtProvider {
  /**
   * A JWT with more than the refresh margin left; concurrent callers share one refresh. With
   * `forceRefresh` (after the server refused the JWT) a new one is fetched whatever the clock says.
   */
  getToken(options?: { forceRefresh?: boolean; rejectedToken?: string }): Promise<string>;
  /** Forgets the cached JWT, so the next `getToken` fetches a new one (after a 401, say). */
  invalidate(): void;
  /** Where JWTs come from (no secret). */
  readonly authUrl: string;
}

/** Boomi's JWTs live five minutes; used when a JWT carries no readable `exp`. */
const DEFAULT_LIFETIME_MS = 5 * 60_000;
const JWT_SHAPE = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;

/**
 * A JWT provider for Boomi's `GET {authUrl}/{accountId}` with `BOOMI_TOKEN.<username>` Basic auth.
 *
 * @example
 * ```ts
 * const jwt = createJwtProvider({ accountId: 'acme-ABC123', username: 'me@acme.com', apiToken: process.env.BOOMI_API_TOKEN! });
 * const client = createSpacesClient({ getToken: jwt.getToken, spaceGuid });
 * ```
 */
export function createJwtProvider(options: JwtProviderOptions): JwtProvider {
  const accountId = required(options.accountId, 'accountId');
  const username = required(options.username, 'username');
  const apiToken = required(options.apiToken, 'apiToken');
  const authUrl = checkServiceUrl(options.authUrl ?? REGIONS[options.region ?? 'us']?.authUrl ?? DEFAULT_AUTH_URL, 'authUrl');
  const fetchImpl = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const now = options.now ?? Date.now;
  const margin = options.refreshMarginMs ?? 60_000;
  const timeoutMs = options.timeoutMs ?? 30_000;
  const basic = Buffer.from(`BOOMI_TOKEN.${username}:${apiToken}`).toString('base64');
  const redactor = new SecretRedactor();
  redactor.add(apiToken);
  redactor.add(basic);
  const url = `${authUrl.replace(/\/+$/, '')}/${encodeURIComponent(accountId)}`;

  let cached: { token: string; refreshAt: number } | undefined;
  let pending: Promise<string> | undefined;

  const fail = (message: string, status?: number, bodySnippet?: string) =>
    new SpacesError(`JWT endpoint: ${message}`, { code: 'AUTH_ERROR', status, bodySnippet, operationName: 'jwt' });

  const maxAttempts = options.maxAttempts ?? 3;
  const maxRetryAfterMs = options.maxRetryAfterMs ?? 60_000;

  // Bounded: a 429 or an unreachable endpoint is tried `maxAttempts` times; anything else fails at once.
  async function fetchToken(): Promise<string> {
    for (let attempt = 1; ; attempt++) {
      const result = await requestOnce(attempt);
      if ('token' in result) return result.token;
      const waitMs = result.retryAfterMs ?? Math.min(8_000, 250 * 2 ** (attempt - 1));
      if (!result.retryable || attempt >= maxAttempts || waitMs > maxRetryAfterMs) throw result.error;
      options.logger?.({ type: 'retry', operationName: 'jwt', attempt, delayMs: waitMs, reason: result.error.message });
      await new Promise((resolve) => setTimeout(resolve, waitMs));
    }
  }

  type Attempt = { token: string } | { error: SpacesError; retryable: boolean; retryAfterMs?: number };

  async function requestOnce(attempt: number): Promise<Attempt> {
    const headers: Record<string, string> = { authorization: `Basic ${basic}`, accept: 'text/plain, application/json' };
    if (options.otp) headers['x-boomi-otp'] = options.otp;
    const started = now();
    options.logger?.({
      type: 'request',
      operationName: 'jwt',
      attempt,
      method: 'GET',
      url,
      headers: { authorization: 'Basic [REDACTED]', ...(options.otp && { 'x-boomi-otp': '[REDACTED]' }) },
    });
    let response: Response;
    let text: string;
    const timeout = new AbortController();
    const timer = setTimeout(() => timeout.abort(), timeoutMs);
    try {
      response = await fetchImpl(url, { headers, redirect: 'manual', signal: timeout.signal });
      text = await response.text();
    } catch (cause) {
      const reason = timeout.signal.aborted ? `no answer within ${timeoutMs} ms` : redactor.redact(describeNetworkError(cause));
      return { error: fail(`no answer (${reason})`), retryable: true };
    } finally {
      clearTimeout(timer);
    }
    const { status } = response;
    options.logger?.({ type: 'response', operationName: 'jwt', attempt, status, durationMs: now() - started });
    const snippet = redactor.redact(snippetOf(text));
    if ((status >= 300 && status < 400) || response.type === 'opaqueredirect') {
      return { error: fail(`answered with a redirect (HTTP ${status}); credentials never follow one`, status), retryable: false };
    }
    if (status === 401 || status === 403) {
      return { error: fail(`the credentials were refused (HTTP ${status})`, status, snippet), retryable: false };
    }
    if (status === 429) {
      return { error: fail('rate limited (HTTP 429)', status, snippet), retryable: true, retryAfterMs: parseRetryAfter(response.headers.get('retry-after')) };
    }
    if (!response.ok) return { error: fail(`HTTP ${status}`, status, snippet), retryable: false };
    const token = unquote(text.trim());
    if (!JWT_SHAPE.test(token)) {
      const what = snippet ? `starts with "${snippet.slice(0, 40)}"` : 'empty body';
      return { error: fail(`the answer is not a JWT (${what})`, status, snippet), retryable: false };
    }
    redactor.add(token);
    const receivedAt = now();
    const expiresAt = expiryOf(token) ?? receivedAt + DEFAULT_LIFETIME_MS;
    // A JWT shorter-lived than twice the margin is refreshed half-way, not on every call.
    const lifetime = Math.max(0, expiresAt - receivedAt);
    cached = { token, refreshAt: expiresAt - Math.min(margin, lifetime / 2) };
    return { token };
  }

  const provider: JwtProvider = {
    authUrl,
    async getToken(request) {
      // Many calls can be refused with the same JWT; only the first refusal of it forces a refresh.
      const refused = request?.forceRefresh && (request.rejectedToken === undefined || request.rejectedToken === cached?.token);
      if (refused && pending === undefined) cached = undefined;
      if (cached && now() < cached.refreshAt) return cached.token;
      pending ??= fetchToken().finally(() => {
        pending = undefined;
      });
      return pending;
    },
    invalidate() {
      cached = undefined;
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

function unquote(text: string): string {
  if (!text.startsWith('"')) return text;
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'string' ? value : text;
  } catch {
    return text;
  }
}

/** The `exp` claim in epoch ms, read without verifying (the platform verifies). */
function expiryOf(token: string): number | undefined {
  try {
    const payload = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as { exp?: unknown };
    return typeof payload.exp === 'number' && Number.isFinite(payload.exp) ? payload.exp * 1000 : undefined;
  } catch {
    return undefined;
  }
}
