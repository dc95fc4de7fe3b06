// 9. Client-side pacing: 200 single installs started at once against a simulator that answers 429
// (Retry-After) above 10 GraphQL requests per second, with the client's default pacing and without.
import { createJwtProvider, createSpacesClient } from '../dist/index.js';
import { DEMO, startSimulator } from '../dist/simulator/index.js';
import { createDemoState } from '../dist/simulator/model/seed.js';

export async function pacing({ smoke }) {
  const installs = smoke ? 15 : 200;
  const simulator = await startSimulator({ rateLimit: 10 });
  try {
    const run = async (rateLimit) => {
      simulator.platform.state = createDemoState();
      const before = simulator.stats.rateLimited;
      const jwt = createJwtProvider({ ...simulator.credentials, authUrl: simulator.authUrl });
      const client = createSpacesClient({
        endpoint: simulator.url,
        getToken: jwt.getToken,
        spaceGuid: DEMO.spaceId,
        ...(rateLimit === false && { rateLimit: false }),
      });
      const started = performance.now();
      const results = await Promise.allSettled(
        Array.from({ length: installs }, (_, i) =>
          client.installIntegrationPack({
            integrationPackId: DEMO.packs.invoiceSync,
            integrationPackOverrideName: `tenant-${i}`,
          }),
        ),
      );
      return {
        seconds: (performance.now() - started) / 1000,
        answers429: simulator.stats.rateLimited - before,
        failed: results.filter((r) => r.status === 'rejected').length,
        instances: simulator.platform.state.instances.length,
      };
    };
    const paced = await run(undefined);
    const unpaced = await run(false);
    return {
      installs,
      paced,
      unpaced,
      rateLimit429s: { paced: paced.answers429, unpaced: unpaced.answers429 },
      target: { paced429s: 0 },
    };
  } finally {
    await simulator.close();
  }
}
