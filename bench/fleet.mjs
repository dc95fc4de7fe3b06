// 10. A fleet at scale (issue 23): one plan (3 instances, their attachments, settings and a schedule)
// applied to 200 simulated accounts, each with its own rate limit (10 requests/s) and its own fault
// plan: 10% of answers lost after the mutation ran, 5% 503, 5% 429. Applies twice (the second run
// finishes what the first left), then counts what each account holds: no instance or attachment
// may be duplicated. The bound on the first run's wall time: 1.5 × (busiest account's requests ÷
// 10 per s) × ⌈accounts ÷ concurrency⌉, i.e. the waves of accounts each paced by its rate limit.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { applyFleet, loadFleetFile } from '../dist/plan/index.js';
import { DEMO, startSimulator } from '../dist/simulator/index.js';

const PLAN = `space: ${DEMO.spaceId}
instances:
  - pack: Order Intake
    environments: [Production]
  - pack: Invoice Sync
    name: \${account.id} EU invoices
    environments: [Production, Test]
    extensions:
      Production:
        connections:
          SFTP: { host: 'sftp.\${account.id}.example', user: invoices }
        processProperties:
          Invoice settings: { Batch size: "50" }
    schedules:
      Invoice export: ["*/15 8-18 * * 1-5"]
  - pack: Invoice Sync
    name: \${account.id} US invoices
    environments: [Test]
`;
const INSTANCES = 3;
const ATTACHMENTS = 4;
const RATE_PER_ACCOUNT = 10;

const id = (n) => `fleet-${String(n).padStart(3, '0')}`;
const tokenVariable = (n) => `BENCH_FLEET_TOKEN_${String(n).padStart(3, '0')}`;
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** Duplicates in one account: instances per (pack, name) and attachments per (instance, environment) above one. */
function duplicatesOf(state) {
  const count = (keys) => keys.length - new Set(keys).size;
  return {
    instances: count(state.instances.map((i) => `${i.integrationPackId}|${i.integrationPackOverrideName ?? ''}`)),
    attachments: count(state.attachments.map((a) => `${a.integrationPackInstanceId}|${a.environmentId}`)),
  };
}

export async function fleet({ smoke, accounts = smoke ? 3 : 200, concurrency = smoke ? 3 : 8, seed = 23 } = {}) {
  const simulator = await startSimulator({
    accounts,
    faults: { dropAfterExecuteRate: 0.1, unavailableRate: 0.05, rateLimitedRate: 0.05, seed },
  });
  const work = mkdtempSync(join(tmpdir(), 'boomi-spaces-fleet-'));
  const variables = [];
  try {
    writeFileSync(join(work, 'plan.yaml'), PLAN);
    const entries = Array.from(
      { length: accounts },
      (_, i) =>
        `  - id: ${id(i + 1)}\n    spaceGuid: ${DEMO.spaceId}\n    credentials: { apiToken: { fromEnv: ${tokenVariable(i + 1)} } }\n`,
    );
    writeFileSync(
      join(work, 'fleet.yaml'),
      `plan: ./plan.yaml\nconcurrency: ${concurrency}\ndefaults:\n  credentials: { username: bench@partner.example }\naccounts:\n${entries.join('')}`,
    );
    for (let n = 1; n <= accounts; n++) {
      process.env[tokenVariable(n)] = `token-${id(n)}`;
      variables.push(tokenVariable(n));
    }
    const file = await loadFleetFile(join(work, 'fleet.yaml'));
    const options = { endpoint: simulator.url, authUrl: simulator.authUrl, journalDir: join(work, 'journal') };
    const runs = [];
    for (let run = 1; run <= 2; run++) {
      const started = performance.now();
      const result = await applyFleet(file, options);
      const seconds = (performance.now() - started) / 1000;
      const codes = {};
      for (const a of result.accounts)
        if (a.outcome !== 'converged') codes[a.error?.code ?? a.outcome] = (codes[a.error?.code ?? a.outcome] ?? 0) + 1;
      const failures = result.accounts
        .filter((a) => a.outcome !== 'converged')
        .slice(0, 5)
        .map((a) => ({ id: a.id, outcome: a.outcome, ...a.error }));
      const converged = result.accounts.filter((a) => a.outcome === 'converged').length;
      runs.push({ run, seconds, converged, codes, failures });
      if (run === 1) runs[0].stats = simulator.accountStats();
    }
    const firstStats = Object.values(runs[0].stats);
    delete runs[0].stats;
    const requests = firstStats.map((s) => s.requests);
    const allStats = Object.values(simulator.accountStats());
    let duplicateInstances = 0;
    let duplicateAttachments = 0;
    let wrongCounts = 0;
    for (let n = 1; n <= accounts; n++) {
      const { state } = simulator.accounts.get(id(n)).platform;
      const d = duplicatesOf(state);
      duplicateInstances += d.instances;
      duplicateAttachments += d.attachments;
      if (state.instances.length !== INSTANCES || state.attachments.length !== ATTACHMENTS) wrongCounts++;
    }
    const busiest = Math.max(...requests);
    const boundSeconds = 1.5 * (busiest / RATE_PER_ACCOUNT) * Math.ceil(accounts / concurrency);
    return {
      accounts,
      concurrency,
      runs,
      requestsPerAccount: { min: Math.min(...requests), median: median(requests), max: busiest },
      requestsPerAccountBothRuns: {
        min: Math.min(...allStats.map((s) => s.requests)),
        median: median(allStats.map((s) => s.requests)),
        max: Math.max(...allStats.map((s) => s.requests)),
      },
      rateLimitedFirstRun: firstStats.reduce((sum, s) => sum + s.rateLimited, 0),
      authFirstRun: firstStats.reduce((sum, s) => sum + s.auth, 0),
      duplicateInstances,
      duplicateAttachments,
      accountsWithWrongCounts: wrongCounts,
      boundSeconds,
      boundMet: runs[0].seconds <= boundSeconds,
    };
  } finally {
    for (const v of variables) delete process.env[v];
    rmSync(work, { recursive: true, force: true });
    await simulator.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify(await fleet({ smoke: process.argv.includes('--smoke') }), null, 2));
}
