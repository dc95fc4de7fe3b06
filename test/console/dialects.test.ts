import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createJwtProvider } from '../../src/auth/createJwtProvider.js';
import { startConsole, type RunningConsole } from '../../src/console/server.js';
import { createSpacesClient } from '../../src/index.js';
import { DIALECTS } from '../../src/schema/dialects.js';
import { DEMO } from '../../src/simulator/model/seed.js';
import { startSimulator, type RunningSimulator } from '../../src/simulator/server/startSimulator.js';
import { assetsDir, signIn } from '../support/consoleHttp.js';

// The console's path, as its page takes it: the SDK in the page talks to the console's /graphql, which
// relays to the platform unchanged; the page's client learns the platform's dialect like any other.
describe.each(DIALECTS)('the console’s proxy in front of a %s-dialect platform', (dialect) => {
  let simulator: RunningSimulator;
  let console_: RunningConsole;
  let cookie: string;
  beforeAll(async () => {
    simulator = await startSimulator({ port: 0, dialect });
    const jwt = createJwtProvider({ ...simulator.credentials, authUrl: simulator.authUrl });
    console_ = await startConsole({
      port: 0,
      assetsDir,
      upstream: { endpoint: simulator.url, getToken: jwt.getToken, spaceGuid: DEMO.spaceId },
    });
    cookie = await signIn(console_);
  });
  afterAll(async () => {
    await console_.close();
    await simulator.close();
  });

  it('lists the spaces and opens one, the second getSpace without another extra request', async () => {
    const client = createSpacesClient({
      endpoint: `${console_.origin}/graphql`,
      // As in the page: a placeholder the console replaces with the JWT.
      getToken: () => 'attached-by-the-console-server',
      // As the browser does: the console's cookie on every request (the SDK sets no cookie itself).
      fetch: (input, init) => {
        const headers = new Headers(init?.headers);
        headers.set('cookie', cookie);
        return fetch(input, { ...init, headers });
      },
      spaceGuid: DEMO.spaceId,
      rateLimit: false,
    });
    expect((await client.listSpaces()).map((s) => s.id)).toEqual([DEMO.spaceId]);
    expect((await client.getSpace(DEMO.spaceId)).name).toBe('Demo_Space');
    expect((await client.getSpace(DEMO.spaceId)).sharedIpacks.length).toBeGreaterThan(0);
    expect(await client.listIntegrationPackInstances()).toEqual([]);
    expect(simulator.stats.operations).toMatchObject({ listSpaces: 1, getSpace: dialect === 'help' ? 2 : 3 });
    await client.close();
  });
});
