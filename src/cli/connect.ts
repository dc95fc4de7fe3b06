import { createSpacesClient, type SpacesClient } from '../client/createSpacesClient.js';
import type { TransportLogger } from '../transport/events.js';
import { userAgent } from '../transport/userAgent.js';
import type { Connection, PublicConnection } from './config.js';

/**
 * An SDK client for the CLI's connection. With an API token the client gets and refreshes JWTs
 * itself, so its JWT endpoint calls share the client's retry policy and budget. The CLI sends through
 * Node's fetch, not the SDK's undici path: loading the undici package costs a short-lived command
 * about 80 ms more than Node's built-in fetch, and pacing (10 requests a second) bounds the
 * throughput of its bulk work far below either. A connection without credentials makes a client
 * for the public catalog only.
 */
export function connect(connection: Connection | PublicConnection, logger?: TransportLogger): SpacesClient {
  return createSpacesClient({
    ...('credentials' in connection && authOf(connection)),
    ...clientOptionsOf(connection),
    ...(logger && { logger }),
  });
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
