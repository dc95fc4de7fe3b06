import { createJwtProvider } from '../auth/createJwtProvider.js';
import { createSpacesClient, type SpacesClient } from '../client/createSpacesClient.js';
import type { TransportLogger } from '../transport/events.js';
import type { Connection } from './config.js';

/** An SDK client for the CLI's connection; with an API token, JWTs are fetched and refreshed as needed. */
export function connect(connection: Connection, logger?: TransportLogger): SpacesClient {
  const { credentials } = connection;
  const getToken =
    credentials.kind === 'jwt'
      ? () => credentials.jwt
      : createJwtProvider({
          accountId: credentials.accountId,
          username: credentials.username,
          apiToken: credentials.apiToken,
          authUrl: connection.authUrl,
          ...(logger && { logger }),
        }).getToken;
  return createSpacesClient({
    endpoint: connection.endpoint,
    getToken,
    spaceGuid: connection.spaceGuid,
    ...(logger && { logger }),
  });
}
