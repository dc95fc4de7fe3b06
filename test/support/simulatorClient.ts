import { createJwtProvider, createSpacesClient, type SpacesClientOptions } from '../../src/index.js';
import { DEMO } from '../../src/simulator/model/seed.js';
import type { RunningSimulator } from '../../src/simulator/server/startSimulator.js';

/** An SDK client of a running simulator, authenticated as its demo user. */
export function simulatorClient(simulator: RunningSimulator, options: Partial<SpacesClientOptions> = {}) {
  const jwt = createJwtProvider({ ...simulator.credentials, authUrl: simulator.authUrl });
  // Pacing is not what these tests are about (test/retry/pacer.test.ts is): off unless asked for.
  return createSpacesClient({
    endpoint: simulator.url,
    getToken: jwt.getToken,
    spaceGuid: DEMO.spaceId,
    rateLimit: false,
    ...options,
  });
}

/** A JWT from the simulator, fetched by hand. */
export async function fetchJwt(
  simulator: RunningSimulator,
  apiToken = simulator.credentials.apiToken,
): Promise<Response> {
  const basic = Buffer.from(`BOOMI_TOKEN.${simulator.credentials.username}:${apiToken}`).toString('base64');
  return fetch(`${simulator.authUrl}/${simulator.credentials.accountId}`, {
    headers: { authorization: `Basic ${basic}` },
  });
}

/** A raw GraphQL POST to the simulator. */
export async function postGraphQL(
  simulator: RunningSimulator,
  body: { query: string; variables?: unknown; operationName?: string },
  headers: Record<string, string> = {},
): Promise<Response> {
  return fetch(simulator.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
    body: JSON.stringify(body),
  });
}
