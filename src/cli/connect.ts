import { createSpacesClient, type SpacesClient } from '../client/createSpacesClient.js';
import type { TransportLogger } from '../transport/events.js';
import { userAgent } from '../transport/userAgent.js';
import type { Connection, PublicConnection } from './config.js';
import { resolveSpaceId } from './resolve.js';

/**
 * An SDK client for the CLI's connection. With an API token the client gets and refreshes JWTs
 * itself, so its JWT endpoint calls share the client's retry policy and budget. The CLI sends through
 * Node's fetch, not the SDK's undici path: loading the undici package costs a short-lived command
 * about 80 ms more than Node's built-in fetch, and pacing (10 requests a second) bounds the
 * throughput of its bulk work far below either. A connection without credentials makes a client
 * for the public catalog only.
 *
 * Given `space`, the client sends `space.id` as the SPACE_GUID once it is set, and none before: a
 * Space given by name is looked up by this same client (its token, pacing and retry budget) first.
 */
export function connect(
  connection: Connection | PublicConnection,
  logger?: TransportLogger,
  space?: SpaceHeader,
): SpacesClient {
  const client = createSpacesClient({
    ...('credentials' in connection && authOf(connection)),
    ...clientOptionsOf(connection),
    ...(space && { spaceGuid: undefined, fetch: withSpaceHeader(space, () => client.endpoint) }),
    ...(logger && { logger }),
  });
  return client;
}

/**
 * A client working in the Space `nameOrId` names, and that Space's id. The Space is looked up (by
 * the one rule of api/findSpace.ts) by this same client, once, just before its first request: a
 * command's own checks come first, and the lookup shares the client's token, pacing and retries.
 * Every method waits for the lookup; `close`, `endpoint`, `urql` and the symbols are the client's own.
 *
 * @example
 * const { client } = connectInSpace(connection, 'Demo_Space', logger);
 * await client.listIntegrationPackInstances(); // listSpaces first, then this with the Space's id
 */
export function connectInSpace(
  connection: Connection | PublicConnection,
  nameOrId: string,
  logger?: TransportLogger,
): { client: SpacesClient; spaceId: () => Promise<string> } {
  const space: SpaceHeader = {};
  const raw = connect(connection, logger, space);
  let lookup: Promise<string> | undefined;
  const spaceId = () => (lookup ??= resolveSpaceId(nameOrId, () => raw.listSpaces()).then((id) => (space.id = id)));
  const client = new Proxy(raw, {
    get(target, key, receiver) {
      const value: unknown = Reflect.get(target, key, receiver);
      // The one method returning an async generator (the catalog's pages) needs no Space and must stay iterable.
      if (typeof value !== 'function' || typeof key === 'symbol' || key === 'close' || key === 'searchCatalogAll')
        return value;
      return async (...args: unknown[]) => {
        await spaceId();
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  return { client, spaceId };
}

/** The SPACE_GUID a client made by {@link connect} sends from when `id` is set. */
export interface SpaceHeader {
  id?: string;
}

/** Node's fetch, adding the SPACE_GUID to GraphQL requests (not the JWT endpoint's) once it is known. */
function withSpaceHeader(space: SpaceHeader, endpoint: () => string) {
  return (input: Parameters<typeof fetch>[0], init?: RequestInit) => {
    const url = input instanceof Request ? input.url : String(input);
    if (space.id === undefined || url !== endpoint()) return globalThis.fetch(input, init);
    const headers = new Headers(init?.headers);
    headers.set('space_guid', space.id);
    return globalThis.fetch(input, { ...init, headers });
  };
}

function authOf({ credentials, authUrl }: Connection) {
  return credentials.kind === 'jwt'
    ? { token: credentials.jwt }
    : {
        jwt: {
          accountId: credentials.accountId,
          username: credentials.username,
          apiToken: credentials.apiToken,
          authUrl,
        },
      };
}

function clientOptionsOf(connection: PublicConnection) {
  return {
    endpoint: connection.endpoint,
    headers: { 'user-agent': `${userAgent()} cli` },
    spaceGuid: connection.spaceGuid,
    rateLimit: connection.pace > 0 ? { requestsPerSecond: connection.pace } : (false as const),
    ...(connection.maxResponseBytes !== undefined && { maxResponseBytes: connection.maxResponseBytes }),
    fetch: (input: Parameters<typeof fetch>[0], init?: RequestInit) => globalThis.fetch(input, init),
  };
}
