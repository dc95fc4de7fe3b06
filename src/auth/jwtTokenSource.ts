import type { RetryBudget } from '../retry/budget.js';
import type { RetryOptions } from '../retry/policy.js';
import type { SecretRedactor } from '../security/SecretRedactor.js';
import type { TokenSource } from '../transport/authorize.js';
import type { TransportLogger } from '../transport/events.js';
import type { HttpSender } from '../transport/http/types.js';
import { jwtProviderWithBudget, type JwtProviderOptions } from './createJwtProvider.js';

/** The user a core's JWTs are fetched for: as the client option `jwt`. */
export type JwtSourceCredentials = Pick<JwtProviderOptions, 'accountId' | 'username' | 'apiToken' | 'authUrl' | 'otp'>;

/** What a core lends its JWT provider, so JWT calls share its retry budget, redactor and sender. */
interface CoreTokenDeps {
  /** The JWT endpoint of the core's region, used when the credentials give no `authUrl`. */
  authUrl: string;
  retry: Required<RetryOptions>;
  budget: RetryBudget;
  redactor: SecretRedactor;
  sender: HttpSender;
  logger?: TransportLogger;
}

const BRAND = Symbol('boomi-spaces.jwtTokenSource');

/** JWT credentials ready for a core's `jwt` option; made by {@link jwtTokenSource}. */
export interface JwtTokenSource {
  readonly [BRAND]: true;
}

/** Makes the JWT provider of one source's credentials with what the core lends. */
export type Binder = (deps: CoreTokenDeps) => TokenSource;

// Where a source keeps what makes its provider: a registered key, so a core of any copy of the SDK
// (boomi-spaces or @boomi-spaces/sdk, ESM or CommonJS) takes a source another copy made. Not
// enumerable and out of the public type: no spread, JSON or dump shows it, and the credentials stay
// in the binder's closure. The version names what a binder is given (CoreTokenDeps, the sender's
// HttpReply): change either and bump it, so copies that disagree refuse each other's sources with
// the usual error instead of failing inside a call.
const BINDER = Symbol.for('boomi-spaces.jwtTokenSource.binder.v1');

/**
 * Credentials for a core that fetches and refreshes its own JWTs from Boomi's JWT endpoint (as a
 * client's `jwt` option does). A separate export, so an app that gives a core `token` or `getToken`
 * bundles no JWT provider. Checked when the core is made, not here. For servers: never ship an API
 * token to a browser. A source is as sensitive as its API token: hand it only to a core.
 *
 * @example
 * ```ts
 * import { createSpacesCore, jwtTokenSource, listSpaces } from 'boomi-spaces/functions';
 *
 * const core = createSpacesCore({
 *   jwt: jwtTokenSource({ accountId: 'acme-ABC123', username: 'me@acme.com', apiToken: process.env.BOOMI_API_TOKEN! }),
 * });
 * console.log(await listSpaces(core));
 * ```
 */
export function jwtTokenSource(credentials: JwtSourceCredentials): JwtTokenSource {
  const source: JwtTokenSource = { [BRAND]: true };
  const binder: Binder = ({ authUrl, retry, budget, redactor, sender, logger }) =>
    jwtProviderWithBudget(
      { ...credentials, authUrl: credentials.authUrl ?? authUrl, retry, ...(logger && { logger }) },
      budget,
      redactor,
      sender,
    ).getToken;
  Object.defineProperty(source, BINDER, { value: binder });
  // Nothing to show but that it is one.
  Object.defineProperty(source, 'toJSON', { value: () => ({ jwt: '[redacted]' }) });
  Object.defineProperty(source, Symbol.for('nodejs.util.inspect.custom'), { value: () => 'JwtTokenSource {}' });
  return source;
}

/** The provider factory of `jwt`, or undefined when it was not made by {@link jwtTokenSource}. */
export function tokenSourceBinder(jwt: unknown): Binder | undefined {
  if (typeof jwt !== 'object' || jwt === null || !Object.hasOwn(jwt, BINDER)) return undefined;
  const binder = (jwt as Record<symbol, unknown>)[BINDER];
  return typeof binder === 'function' ? (binder as Binder) : undefined;
}
