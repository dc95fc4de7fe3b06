import { createSpacesClient, type SpacesClient } from '../client/createSpacesClient.js';
import type { TransportLogger } from '../transport/events.js';
import type { Connection } from './config.js';

/**
 * An SDK client for the CLI's connection. With an API token the client gets and refreshes JWTs
 * itself, so its JWT endpoint calls share the client's retry policy and budget. The CLI sends through
 * Node's fetch, not the SDK's undici path: loading the undici package costs a short-lived command
 * about 80 ms more than Node's built-in fetch, and pacing (10 requests a second) bounds the
 * throughput of its bulk work far below either.
 */
export function connect(connection: Connection, logger?: TransportLogger): SpacesClient {
  const { credentials } = connection;
  const auth =
    credentials.kind === 'jwt'
      ? { token: credentials.jwt }
      : {
          jwt: {
            accountId: credentials.accountId,
            username: credentials.username,
            apiToken: credentials.apiToken,
            authUrl: connection.authUrl,
          },
        };
  return createSpacesClient({
    endpoint: connection.endpoint,
    ...auth,
    spaceGuid: connection.spaceGuid,
    rateLimit: connection.pace > 0 ? { requestsPerSecond: connection.pace } : false,
    ...(connection.maxResponseBytes !== undefined && { maxResponseBytes: connection.maxResponseBytes }),
    fetch: (input, init) => globalThis.fetch(input, init),
    ...(logger && { logger }),
  });
}
