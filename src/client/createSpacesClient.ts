import { Client, stringifyDocument } from '@urql/core';
import { attachContext, contextOf, type SpacesCore } from '../api/context.js';
import { createSpacesApi, type SpacesApi } from '../api/createSpacesApi.js';
import type { Execute } from '../executor/createExecutor.js';
import { jwtTokenSource } from '../auth/jwtTokenSource.js';
import { buildCore } from './createSpacesCore.js';
import { transportExchange } from '../executor/transportExchange.js';
import type { SpacesClientOptions } from './options.js';
import type { TransportLogger } from '../transport/events.js';

/** A client of the Boomi Spaces API. */
export interface SpacesClient extends SpacesApi, SpacesCore, AsyncDisposable {
  /**
   * Runs any typed document (from `boomi-spaces` or your own codegen) with the client's auth,
   * timeouts and errors. The variables argument disappears when the operation takes none.
   */
  execute: Execute;
  /** The underlying urql client, for `urql.query(GetSpaceDocument, { id })`; auth is applied to it too. */
  urql: Client;
  /** The endpoint the client talks to. */
  readonly endpoint: string;
  /**
   * Releases the client's connections (its undici Agent in Node), after the calls under way end.
   * `await using client = createSpacesClient(…)` calls it too.
   */
  close(): Promise<void>;
}

declare global {
  // Empty, it merges with the standard library's AsyncDisposable where the consumer's \`lib\` has one
  // (so \`await using\` works), and leaves the types compiling where it has none (ES2022 with DOM).
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface AsyncDisposable {}
}

const inspectSymbol = Symbol.for('nodejs.util.inspect.custom');

/**
 * Creates a client of the Boomi Spaces GraphQL API.
 *
 * @example
 * ```ts
 * import { createSpacesClient } from 'boomi-spaces';
 *
 * const client = createSpacesClient({ token: process.env.BOOMI_JWT, spaceGuid: spaceId });
 * const space = await client.getSpace(spaceId);
 * const pack = space.sharedIpacks.find((p) => p.installationType === 'MULTI');
 * const instance = await client.installIntegrationPack({
 *   integrationPackId: pack!.id,
 *   integrationPackOverrideName: 'EU orders',
 *   spaceId,
 * });
 * ```
 */
export function createSpacesClient(options: SpacesClientOptions = {}): SpacesClient {
  // The client takes plain `jwt` credentials; the core takes them wrapped (so cores without need no
  // provider). A falsy `jwt` from JavaScript goes on as it was: no credentials, as before.
  const { jwt, ...rest } = options;
  const { core, send, resolved } = buildCore(
    jwt === undefined ? rest : { ...rest, jwt: jwt ? jwtTokenSource(jwt) : jwt },
    stringifyDocument,
  );
  // A 0.1.0 client option; a core (new since) takes the old name too, without the warning.
  if (options.timeoutMs !== undefined) warnDeprecated(resolved.logger);
  const urql = new Client({
    url: resolved.endpoint,
    exchanges: [transportExchange(send)],
    // The platform wants POST, and a listing must never come from a stale cache.
    preferGetMethod: false,
    requestPolicy: 'network-only',
    fetchOptions: { headers: resolved.headers },
  });
  const close = () => core.close();
  const client = {
    ...createSpacesApi(core),
    execute: core.execute,
    urql,
    endpoint: resolved.endpoint,
    close,
    ...(typeof Symbol.asyncDispose === 'symbol' && { [Symbol.asyncDispose]: close }),
  } as SpacesClient;
  // The client is a core too: the functions of `boomi-spaces/functions` take it.
  attachContext(client, contextOf(core));
  // The urql client holds no secret, but its dumps are long; show what identifies the client.
  const summary = () => `SpacesClient { endpoint: '${resolved.endpoint}' }`;
  Object.defineProperty(client, inspectSymbol, { value: summary, enumerable: false });
  Object.defineProperty(client, 'toJSON', { value: () => ({ endpoint: resolved.endpoint }), enumerable: false });
  return client;
}

let warnedWithoutLogger = false;

/** Once per client through its logger; without one, once per process as a Node warning. */
function warnDeprecated(logger: TransportLogger | undefined): void {
  const message =
    'the client option `timeoutMs` is now `attemptTimeoutMs` (it bounds one attempt; the call option `timeoutMs` bounds a whole call)';
  if (logger) return logger({ type: 'deprecation', message });
  if (warnedWithoutLogger || typeof process === 'undefined' || typeof process.emitWarning !== 'function') return;
  warnedWithoutLogger = true;
  process.emitWarning(message, { type: 'DeprecationWarning', code: 'BOOMI_SPACES_TIMEOUT_MS' });
}
