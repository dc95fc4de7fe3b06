import { Client } from '@urql/core';
import { createSpacesApi, type SpacesApi } from '../api/createSpacesApi.js';
import { jwtProviderWithBudget } from '../auth/createJwtProvider.js';
import { RetryBudget } from '../retry/budget.js';
import { RequestPacer } from '../retry/pacer.js';
import { SecretRedactor } from '../security/SecretRedactor.js';
import { createTransport } from '../transport/createTransport.js';
import { chooseSender } from '../transport/http/chooseSender.js';
import { createExecutor, type Execute } from '../executor/createExecutor.js';
import { createOperationSender } from '../executor/dialectStep.js';
import { transportExchange } from '../executor/transportExchange.js';
import { resolveOptions, type ResolvedOptions, type SpacesClientOptions } from './options.js';

/** A client of the Boomi Spaces API. */
export interface SpacesClient extends SpacesApi {
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
  [Symbol.asyncDispose](): Promise<void>;
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
  const resolved = resolveOptions(options);
  if (resolved.deprecated) warnDeprecated(resolved.deprecated, resolved.logger);
  const redactor = new SecretRedactor();
  // One budget for the client's GraphQL requests and its JWT endpoint calls alike.
  const budget = new RetryBudget(resolved.retry);
  // One sender per client, chosen once: GraphQL and JWT requests alike go through it (its dispatcher).
  const sender = chooseSender(resolved.http);
  const getToken =
    resolved.getToken ??
    jwtProviderWithBudget(
      { ...resolved.jwt!, retry: resolved.retry, ...(resolved.logger && { logger: resolved.logger }) },
      budget,
      redactor,
      sender,
    ).getToken;
  const transport = createTransport({
    sender,
    getToken,
    attemptTimeoutMs: resolved.attemptTimeoutMs,
    redactor,
    retry: resolved.retry,
    budget,
    ...(resolved.rateLimit && { pacer: new RequestPacer(resolved.rateLimit) }),
    ...resolved.limits,
    ...(resolved.logger && { logger: resolved.logger }),
  });
  // One sender for `execute` and urql alike, so both share what the dialect step learnt.
  const send = createOperationSender(transport, resolved.endpoint, resolved.headers);
  const urql = new Client({
    url: resolved.endpoint,
    exchanges: [transportExchange(send)],
    // The platform wants POST, and a listing must never come from a stale cache.
    preferGetMethod: false,
    requestPolicy: 'network-only',
    fetchOptions: { headers: resolved.headers },
  });
  const execute = createExecutor(send, redactor);
  // The public catalog goes without credentials: no JWT is fetched for it, no Authorization header sent.
  const executePublic = createExecutor(send, redactor, { withoutCredentials: true });
  const client: SpacesClient = {
    ...createSpacesApi(execute, {
      maxSends: resolved.retry.maxAttempts,
      // Never less patient than an ordinary query.
      reconcileAttempts: Math.max(resolved.retry.maxAttempts, resolved.retry.reconcileAttempts),
      redactor,
      executePublic,
    }),
    execute,
    urql,
    endpoint: resolved.endpoint,
    close: () => transport.close(),
    [Symbol.asyncDispose]: () => transport.close(),
  };
  // The urql client holds no secret, but its dumps are long; show what identifies the client.
  const summary = () => `SpacesClient { endpoint: '${resolved.endpoint}' }`;
  Object.defineProperty(client, inspectSymbol, { value: summary, enumerable: false });
  Object.defineProperty(client, 'toJSON', { value: () => ({ endpoint: resolved.endpoint }), enumerable: false });
  return client;
}

let warnedWithoutLogger = false;

/** Once per client through its logger; without one, once per process as a Node warning. */
function warnDeprecated(message: string, logger: ResolvedOptions['logger']): void {
  if (logger) return logger({ type: 'deprecation', message });
  if (warnedWithoutLogger || typeof process === 'undefined' || typeof process.emitWarning !== 'function') return;
  warnedWithoutLogger = true;
  process.emitWarning(message, { type: 'DeprecationWarning', code: 'BOOMI_SPACES_TIMEOUT_MS' });
}
