// 9. Client-side pacing: 200 single installs started at once against a simulator that answers 429
// (Retry-After) above 10 GraphQL requests per second, with the client's default pacing and without;
// then against one limiting to 5 per second, below the default 10: the rate must adapt.
import { createJwtProvider, createSpacesClient } from '../dist/index.js';
import { DEMO, startSimulator } from '../dist/simulator/index.js';
import { createDemoState } from '../dist/simulator/model/seed.js';

async function installAll(simulator, installs, rateLimit) {
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
}

async function withSimulator(rateLimit, run) {
  const simulator = await startSimulator({ rateLimit });
  try {
    return await run(simulator);
  } finally {
    await simulator.close();
  }
}

export async function pacing({ smoke }) {
  const installs = smoke ? 15 : 200;
  const atTen = () =>
    withSimulator(10, async (simulator) => ({
      paced: await installAll(simulator, installs, undefined),
      unpaced: await installAll(simulator, installs, false),
    }));
  const atFive = () => withSimulator(5, (simulator) => installAll(simulator, installs, undefined));
  // The smoke run's two simulators side by side: its timings are not judged, its 429 counts are,
  // and each simulator limits only its own clients.
  const [{ paced, unpaced }, adaptive] = smoke
    ? await Promise.all([atTen(), atFive()])
    : [await atTen(), await atFive()];
  return {
    installs,
    paced,
    unpaced,
    adaptive,
    rateLimit429s: { paced: paced.answers429, unpaced: unpaced.answers429 },
    adaptivePacing: { answers429: adaptive.answers429, failed: adaptive.failed },
    target: { paced429s: 0, adaptive429sAtMost: 20, adaptiveFailed: 0 },
  };
}
