// 6. A long job under transient faults: `apply` of a plan with N MULTI instances (each attached to
// an environment) against a simulator that drops 30% of answers after executing, answers 10% with
// 503 and 10% with 429, and issues JWTs that live 20 s. Counts what the first run leaves unresolved,
// whether the second run converges, and that no instance is ever duplicated.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEMO, startSimulator } from '../dist/simulator/index.js';

const CLI = fileURLToPath(new URL('../dist/cli/main.js', import.meta.url));

function apply(file, env) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, 'apply', file, '--yes', '--json'], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.resume();
    child.on('error', reject);
    child.on('close', (code) => {
      let document;
      try {
        document = JSON.parse(stdout);
      } catch {
        document = undefined;
      }
      resolve({ code, document });
    });
  });
}

/** `pace`: the CLI's BOOMI_PACE (requests per second); its default unless given. */
export async function faultyApply({
  smoke,
  instances = smoke ? 40 : 1000,
  retryAfterSeconds = 1,
  seed = 7,
  pace = undefined,
} = {}) {
  const simulator = await startSimulator({
    jwtTtlSeconds: 20,
    faults: { dropAfterExecuteRate: 0.3, unavailableRate: 0.1, rateLimitedRate: 0.1, retryAfterSeconds, seed },
  });
  const work = mkdtempSync(join(tmpdir(), 'boomi-spaces-faulty-'));
  try {
    const file = join(work, 'plan.yaml');
    const entries = Array.from(
      { length: instances },
      (_, i) => `  - pack: Invoice Sync\n    name: tenant-${i}\n    environments: [Test]\n`,
    );
    writeFileSync(file, `space: ${DEMO.spaceId}\nspaceGuid: ${DEMO.spaceId}\ninstances:\n${entries.join('')}`);
    const env = {
      PATH: process.env.PATH,
      BOOMI_ENDPOINT: simulator.url,
      BOOMI_AUTH_URL: simulator.authUrl,
      BOOMI_ACCOUNT_ID: DEMO.accountId,
      BOOMI_USERNAME: DEMO.username,
      BOOMI_API_TOKEN: DEMO.apiToken,
      ...(pace !== undefined && { BOOMI_PACE: String(pace) }),
    };
    const runs = [];
    for (let run = 1; run <= 3; run++) {
      const started = performance.now();
      const { code, document } = await apply(file, env);
      const changes = document?.results?.length ?? 0;
      const failed = document?.failed ?? (document ? 0 : undefined);
      const codes = {};
      for (const r of document?.results ?? []) if (!r.ok) codes[r.error?.code] = (codes[r.error?.code] ?? 0) + 1;
      runs.push({
        run,
        code,
        changes,
        failed,
        codes,
        seconds: (performance.now() - started) / 1000,
        error: document?.error?.code,
      });
      if (code === 0) break;
    }
    const names = simulator.platform.state.instances.map((i) => i.integrationPackOverrideName);
    const duplicates = names.length - new Set(names).size;
    const first = runs[0];
    const totalChanges = instances * 2;
    return {
      instances,
      runs,
      firstRunUnresolvedShare: first.failed === undefined ? 1 : first.failed / totalChanges,
      runsToConverge: runs.find((r) => r.code === 0)?.run ?? null,
      duplicates,
      instancesAtEnd: names.length,
      target: { firstRunUnresolvedShare: 0.01, runsToConverge: 2 },
    };
  } finally {
    rmSync(work, { recursive: true, force: true });
    await simulator.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify(await faultyApply({ smoke: process.argv.includes('--smoke') }), null, 2));
}
