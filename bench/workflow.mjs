// 2. Install workflow: 50 MULTI installs against the simulator with 50 ms latency, the naive way
// (a sequential loop of one raw fetch per install) and with the SDK's batched installMany.
import { createJwtProvider, createSpacesClient, InstallIpackDocument } from '../dist/index.js';
import { createDemoState, DEMO, startSimulator } from '../dist/simulator/index.js';
import { print } from 'graphql';
import { interleave } from './lib/stats.mjs';

const INSTALL = print(InstallIpackDocument);

export async function workflow({ smoke }) {
  const installs = smoke ? 5 : 50;
  const latencyMs = smoke ? 5 : 50;
  const simulator = await startSimulator({ latencyMs });
  const { accountId, username, apiToken } = simulator.credentials;
  const basic = Buffer.from(`BOOMI_TOKEN.${username}:${apiToken}`).toString('base64');
  const names = (round) => Array.from({ length: installs }, (_, i) => `tenant-${round}-${i}`);
  let round = 0;
  try {
    const contenders = {
      // What people write today: get a JWT, then one POST per install, one after the other.
      'naive fetch loop': async (tenants) => {
        const jwt = await (
          await fetch(`${simulator.authUrl}/${accountId}`, { headers: { authorization: `Basic ${basic}` } })
        ).text();
        for (const name of tenants) {
          const response = await fetch(simulator.url, {
            method: 'POST',
            headers: {
              authorization: `Bearer ${jwt}`,
              'content-type': 'application/json',
              accept: 'application/json',
              space_guid: DEMO.spaceId,
            },
            body: JSON.stringify({
              query: INSTALL,
              variables: { input: { integrationPackId: DEMO.packs.invoiceSync, integrationPackOverrideName: name } },
            }),
          });
          const body = await response.json();
          if (!body.data?.integrationPackInstanceInstall) throw new Error(JSON.stringify(body.errors));
        }
      },
      'boomi-spaces installMany': async (tenants) => {
        const jwt = createJwtProvider({ accountId, username, apiToken, authUrl: simulator.authUrl });
        const client = createSpacesClient({ endpoint: simulator.url, getToken: jwt.getToken, spaceGuid: DEMO.spaceId });
        const results = await client.installMany(
          tenants.map((name) => ({ integrationPackId: DEMO.packs.invoiceSync, integrationPackOverrideName: name })),
        );
        if (!results.every((r) => r.ok)) throw new Error('an install failed');
      },
    };
    const results = await interleave(
      Object.keys(contenders),
      smoke ? { rounds: 1, warmup: 0 } : { rounds: 5, warmup: 1 },
      async (name) => {
        simulator.platform.state = createDemoState();
        const started = performance.now();
        await contenders[name](names(++round));
        const elapsed = performance.now() - started;
        if (simulator.platform.state.instances.length !== installs)
          throw new Error(`${name}: ${simulator.platform.state.instances.length} instances`);
        return elapsed;
      },
    );
    const workflowSpeedup = results['naive fetch loop'].median / results['boomi-spaces installMany'].median;
    return { results, workflowSpeedup, target: 10, installs, latencyMs };
  } finally {
    await simulator.close();
  }
}
