import { attachContext, type SpacesCore } from '../api/context.js';
import { RetryBudget } from '../retry/budget.js';
import { RequestPacer } from '../retry/pacer.js';
import { SecretRedactor } from '../security/SecretRedactor.js';
import { createTransport } from '../transport/createTransport.js';
import { chooseSender } from '../transport/http/chooseSender.js';
import { createExecutor } from '../executor/createExecutor.js';
import { createOperationSender, type OperationSender, type PrintDocument } from '../executor/dialectStep.js';
import { printDocument } from '../executor/printDocument.js';
import { resolveOptions, type ResolvedOptions, type SpacesCoreOptions } from './options.js';

export type { SpacesCoreOptions };

/** A core and what a client adds its urql client over. */
export interface BuiltCore {
  core: SpacesCore;
  send: OperationSender;
  resolved: ResolvedOptions;
}

/**
 * The transport and executors of a client or a core, with the context its functions share. `print`
 * makes the text sent for a document: a client passes urql's (its urql client carries it anyway).
 */
export function buildCore(options: SpacesCoreOptions, print: PrintDocument): BuiltCore {
  const resolved = resolveOptions(options);
  const { endpoint, retry, logger } = resolved;
  const redactor = new SecretRedactor();
  // One budget for the GraphQL requests and the JWT endpoint calls alike.
  const budget = new RetryBudget(retry);
  // One sender, chosen once: GraphQL and JWT requests alike go through it (its dispatcher).
  const sender = chooseSender(resolved);
  const transport = createTransport({
    ...resolved,
    sender,
    getToken:
      resolved.getToken ?? resolved.bindJwt!({ authUrl: resolved.authUrl, retry, budget, redactor, sender, logger }),
    redactor,
    budget,
    pacer: resolved.rateLimit ? new RequestPacer(resolved.rateLimit) : undefined,
  });
  // One sender for `execute` and a client's urql alike, so both share what the dialect step learnt.
  const send = createOperationSender(transport, endpoint, resolved.headers, print);
  const execute = createExecutor(send, redactor);
  const close = () => transport.close();
  const core: SpacesCore = {
    execute,
    endpoint,
    close,
    // Only where the runtime has the symbol: a browser without it gets no `undefined` key.
    ...(typeof Symbol.asyncDispose === 'symbol' && { [Symbol.asyncDispose]: close }),
  };
  // No custom dump: JSON shows the endpoint alone (the functions drop out), and what a dump shows,
  // the hidden context included, holds no credential (closures and the redactor's private fields).
  attachContext(core, {
    execute,
    send,
    maxSends: retry.maxAttempts,
    // Never less patient than an ordinary query.
    reconcileAttempts: Math.max(retry.maxAttempts, retry.reconcileAttempts),
    redactor,
    installsInFlight: new Map(),
  });
  return { core, send, resolved };
}

/**
 * Creates a core: the transport and executor of a client, without methods, for the functions of
 * `boomi-spaces/functions` (a browser bundle then holds only the functions it calls).
 *
 * @example
 * ```ts
 * import { createSpacesCore, getSpace, installIntegrationPack } from 'boomi-spaces/functions';
 *
 * const core = createSpacesCore({ token: jwt, spaceGuid: spaceId });
 * const space = await getSpace(core, spaceId);
 * await installIntegrationPack(core, { integrationPackId: space.sharedIpacks[0]!.id, spaceId });
 * await core.close();
 * ```
 */
export function createSpacesCore(options: SpacesCoreOptions = {}): SpacesCore {
  return buildCore(options, printDocument).core;
}
