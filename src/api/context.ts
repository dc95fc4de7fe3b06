import { SpacesInputError } from '../errors/SpacesError.js';
import type { CallOptions } from '../client/callOptions.js';
import type { Execute } from '../executor/createExecutor.js';
import type { OperationSender } from '../executor/dialectStep.js';
import type { SecretRedactor } from '../security/SecretRedactor.js';
import type { InstallResult } from './types.js';

/**
 * A connection to the Spaces API without methods: its transport (auth, retries, pacing, timeouts)
 * and executor. Pass it first to the functions of `boomi-spaces/functions`; a `SpacesClient` is one too.
 *
 * @example
 * ```ts
 * import { createSpacesCore, getSpace } from 'boomi-spaces/functions';
 *
 * const core = createSpacesCore({ token: jwt, spaceGuid: spaceId });
 * const space = await getSpace(core, spaceId);
 * await core.close();
 * ```
 */
export interface SpacesCore {
  /** Runs any typed document with the core's auth, timeouts and errors. */
  execute: Execute;
  /** The endpoint the core talks to. */
  readonly endpoint: string;
  /** Releases the core's connections (its undici Agent in Node), after the calls under way end. */
  close(): Promise<void>;
}

/** What the SDK's functions share per core: the executors, the reconciliation policy, in-flight installs. */
export interface ApiContext {
  execute: Execute;
  /** What `execute` sends through, for the catalog's executor, which sends no credentials. */
  send: OperationSender;
  /** Sends of one mutation at most, each re-send after a listing proved it absent. */
  maxSends: number;
  /** Attempts of a reconciliation listing. */
  reconcileAttempts: number;
  /** Secrets of the customer's settings join it the moment the SDK sees them. */
  redactor: SecretRedactor;
  /** Installs under way by natural key: a second identical call waits for the first's instance. */
  installsInFlight: Map<string, Promise<InstallResult>>;
  /** The method groups made for this core, each made on first use (the table too). */
  groups?: Record<string, unknown>;
}

// Registered, so a core made by one copy of the SDK (ESM or CommonJS) serves the functions of another.
// The version names the context's shape (ApiContext): change it and bump it, so copies that disagree
// refuse each other's cores with the usual error instead of failing inside a call.
const CONTEXT = Symbol.for('boomi-spaces.core.v1');

/** Hides the context in `core` (defineProperty makes it not enumerable: no JSON or plain dump shows it). */
export function attachContext<T extends object>(core: T, context: ApiContext): T {
  Object.defineProperty(core, CONTEXT, { value: context });
  return core;
}

/** The context of a core or client; a typed error for anything else. */
export function contextOf(core: SpacesCore): ApiContext {
  const context = (core as { [CONTEXT]?: ApiContext } | null | undefined)?.[CONTEXT];
  if (context === undefined)
    throw new SpacesInputError('pass a core made by `createSpacesCore` (or a client of `createSpacesClient`)', {
      field: 'core',
    });
  return context;
}

/** Options for the listings that decide an ambiguous mutation's fate: queries, safe to repeat, worth patience. */
export const patientOf =
  (context: ApiContext) =>
  (options?: CallOptions): CallOptions => ({ ...options, maxAttempts: context.reconcileAttempts });

/** A group of methods made once per core (the lifecycle groups keep their helpers in closures). */
export function groupOf<T>(context: ApiContext, name: string, make: () => T): T {
  return ((context.groups ??= {})[name] ??= make()) as T;
}
