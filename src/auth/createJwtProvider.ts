import { checkServiceUrl } from '../client/options.js';
import { SpacesError, SpacesInputError } from '../errors/SpacesError.js';
import { SecretRedactor } from '../security/SecretRedactor.js';

/** Boomi's regions and their hosts. */
export const REGIONS = {
  us: { endpoint: 'https://api.boomi.com/graphql', authUrl: 'https://api.boomi.com/auth/jwt/generate' },
  gb: { endpoint: 'https://api.platform.gb.boomi.com/graphql', authUrl: 'https://api.platform.gb.boomi.com/auth/jwt/generate' },
} as const;

/** A Boomi region preset. */
export type Region = keyof typeof REGIONS;

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
  /** The clock in epoch milliseconds. */
  now?: () => number;
}

/** Gets, caches and refreshes Boomi JWTs. Pass `getToken` to `createSpacesClient`. */
export interface JwtProvider {
  /** A JWT with more than the refresh margin left; concurrent callers share one refresh. */
  getToken(): Promise<string>;
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

  async function fetchToken(): Promise<string> {
    const headers: Record<string, string> = { authorization: `Basic ${basic}`, accept: 'text/plain, application/json' };
    if (options.otp) headers['x-boomi-otp'] = options.otp;
    let response: Response;
    let text: string;
    try {
      response = await fetchImpl(url, { headers, redirect: 'manual', signal: AbortSignal.timeout(timeoutMs) });
      text = await response.text();
    } catch (cause) {
      throw fail(`no answer (${redactor.redact(cause instanceof Error ? cause.message : String(cause))})`);
    }
    const { status } = response;
    const snippet = redactor.redact(text.replace(/\s+/g, ' ').trim().slice(0, 160));
    if ((status >= 300 && status < 400) || response.type === 'opaqueredirect') {
      throw fail(`answered with a redirect (HTTP ${status}); credentials never follow one`, status);
    }
    if (status === 401 || status === 403) throw fail(`the credentials were refused (HTTP ${status})`, status, snippet);
    if (!response.ok) throw fail(`HTTP ${status}`, status, snippet);
    const token = unquote(text.trim());
    if (!JWT_SHAPE.test(token)) {
      throw fail(`the answer is not a JWT (${snippet ? `starts with "${snippet.slice(0, 40)}"` : 'empty body'})`, status, snippet);
    }
    redactor.add(token);
    const receivedAt = now();
    const expiresAt = expiryOf(token) ?? receivedAt + DEFAULT_LIFETIME_MS;
    // A JWT shorter-lived than twice the margin is refreshed half-way, not on every call.
    const lifetime = Math.max(0, expiresAt - receivedAt);
    cached = { token, refreshAt: expiresAt - Math.min(margin, lifetime / 2) };
    return token;
  }

  const provider: JwtProvider = {
    authUrl,
    async getToken() {
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
