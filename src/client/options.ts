import { SpacesInputError } from '../errors/SpacesError.js';

/** The platform's GraphQL endpoint, used when none is given. */
export const DEFAULT_ENDPOINT = 'https://platform.boomi.com/graphql';
/** Per-call timeout used when none is given. */
export const DEFAULT_TIMEOUT_MS = 30_000;

/**
 * Options of {@link createSpacesClient}. Give `token` or `getToken`, not both.
 */
export interface SpacesClientOptions {
  /** The GraphQL endpoint. Default `https://platform.boomi.com/graphql`. `http://` only for loopback hosts. */
  endpoint?: string;
  /** A ready JWT, sent as `Authorization: Bearer …`. It expires after five minutes: prefer `getToken` for long jobs. */
  token?: string;
  /** Called before every request for the current JWT; a JWT provider plugs in here. */
  getToken?: () => string | Promise<string>;
  /** Sent as the `SPACE_GUID` header, which space-scoped operations (instances, environments, attach, detach) need. */
  spaceGuid?: string;
  /** Extra headers for every request. Credentials do not go here. */
  headers?: Record<string, string>;
  /** The fetch implementation. Default: the global `fetch`. */
  fetch?: typeof globalThis.fetch;
  /** Per-request timeout in milliseconds. Default 30 000. */
  timeoutMs?: number;
}

/** Options checked and completed with defaults. */
export interface ResolvedOptions {
  endpoint: string;
  getToken: () => string | Promise<string>;
  headers: Record<string, string>;
  fetch: typeof globalThis.fetch;
  timeoutMs: number;
}

const RESERVED_HEADERS = new Set(['authorization', 'cookie', 'content-type', 'accept']);

/** Checks the options before anything is sent; every mistake is a SpacesInputError naming the option. */
export function resolveOptions(options: SpacesClientOptions): ResolvedOptions {
  const endpoint = checkServiceUrl(options.endpoint ?? DEFAULT_ENDPOINT, 'endpoint');
  const { token, getToken } = options;
  if (token !== undefined && getToken !== undefined) {
    throw new SpacesInputError('Give either `token` or `getToken`, not both', { field: 'token' });
  }
  if (getToken === undefined && (typeof token !== 'string' || token.trim() === '')) {
    throw new SpacesInputError('A `token` (a Boomi JWT) or a `getToken` function is required', { field: 'token' });
  }
  if (getToken !== undefined && typeof getToken !== 'function') {
    throw new SpacesInputError('`getToken` must be a function', { field: 'getToken' });
  }
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) {
    throw new SpacesInputError('`timeoutMs` must be a positive number of milliseconds', { field: 'timeoutMs' });
  }
  const headers: Record<string, string> = { accept: 'application/json', 'content-type': 'application/json' };
  for (const [name, value] of Object.entries(options.headers ?? {})) {
    if (RESERVED_HEADERS.has(name.toLowerCase())) {
      throw new SpacesInputError(`The header "${name}" is set by the client and cannot be overridden`, { field: `headers.${name}` });
    }
    headers[name.toLowerCase()] = value;
  }
  if (options.spaceGuid !== undefined) {
    const spaceGuid = options.spaceGuid.trim();
    if (spaceGuid === '') throw new SpacesInputError('`spaceGuid` must not be empty', { field: 'spaceGuid' });
    headers['space_guid'] = spaceGuid;
  }
  const fixedToken = token;
  return {
    endpoint,
    getToken: getToken ?? (() => fixedToken as string),
    headers,
    // Looked up per call, so fetch mocks installed after the client is made (msw, nock) still apply.
    fetch: options.fetch ?? ((input, init) => globalThis.fetch(input, init)),
    timeoutMs,
  };
}

/**
 * A URL credentials may be sent to: absolute, https (plain http only to loopback hosts) and without
 * user info. Refused with a SpacesInputError naming the option.
 */
export function checkServiceUrl(value: string, field: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new SpacesInputError(`\`${field}\` is not an absolute URL`, { field });
  }
  if (url.username || url.password) {
    throw new SpacesInputError(`\`${field}\` must not carry credentials`, { field });
  }
  if (url.protocol === 'https:') return url.href;
  if (url.protocol === 'http:' && isLoopback(url.hostname)) return url.href;
  throw new SpacesInputError(`\`${field}\` must use https (http is allowed for loopback hosts only): "${url.origin}"`, { field });
}

/** True for hosts that never leave the machine; only those may be reached over plain http. */
export function isLoopback(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname);
}
