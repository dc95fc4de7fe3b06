import { createSpacesClient, type SpacesClient } from '../client/createSpacesClient.js';
import type { TransportLogger } from '../transport/events.js';
import type { Connection } from './config.js';

/**
 * An SDK client for the CLI's connection. With an API token the client gets and refreshes JWTs
 * itself, so its JWT endpoint calls share the client's retry policy and budget.
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
    ...(logger && { logger }),
  });
}
