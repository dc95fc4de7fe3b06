// `fleet plan`, `fleet apply` and `fleet status`: in-process against the simulator, and one real
// `kill -9` of the built CLI mid-apply, then `--resume`.
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startSimulator, type RunningSimulator } from '../../src/simulator/index.js';
import { DEMO } from '../../src/simulator/model/seed.js';
import { CLI } from '../support/cli.js';
import { cleanEnv, runCli } from './support/inProcess.js';

const PLAN = `space: ${DEMO.spaceId}
instances:
  - pack: Order Intake
    environments: [Production]
  - pack: Invoice Sync
    name: \${account.id} invoices
    environments: [Production, Test]
`;
const TOKENS = Object.fromEntries([1, 2, 3, 4].map((n) => [`T${n}`, `token-fleet-00${n}`]));

let simulator: RunningSimulator;
beforeAll(async () => {
  simulator = await startSimulator({ accounts: 4 });
});
afterAll(() => simulator.close());

function fleetDir(ids: number[], spaceGuid: string = DEMO.spaceId): string {
  const dir = mkdtempSync(join(tmpdir(), 'fleet-cli-'));
  writeFileSync(join(dir, 'plan.yaml'), PLAN);
  const accounts = ids.map(
    (n) => `  - { id: fleet-00${n}, spaceGuid: ${spaceGuid}, credentials: { apiToken: { fromEnv: T${n} } } }`,
  );
  writeFileSync(
    join(dir, 'fleet.yaml'),
    `plan: plan.yaml\nconcurrency: 1\ndefaults: { credentials: { username: ops@partner.example } }\naccounts:\n${accounts.join('\n')}\n`,
  );
  return dir;
}
const env = (extra: Record<string, string> = {}) =>
  cleanEnv({ BOOMI_ENDPOINT: simulator.url, BOOMI_AUTH_URL: simulator.authUrl, ...TOKENS, ...extra });
const secretsIn = (text: string) => /token-fleet|wrong-token/.test(text);

describe('boomi-spaces fleet', () => {
  it('an account’s spaceGuid may name its Space: looked up on that account’s client, as --space-guid is', async () => {
    const fleet = join(fleetDir([3], 'Demo_Space'), 'fleet.yaml');
    const run = await runCli(['fleet', 'plan', fleet, '--detailed-exitcode'], { env: env() });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(2);
    expect(run.stdout).toContain('+ install Invoice Sync "fleet-003 invoices" (MULTI)');
    const unknown = await runCli(['fleet', 'plan', join(fleetDir([3], 'Nope'), 'fleet.yaml'), '--json'], {
      env: env(),
    });
    expect(unknown.stdout).toContain('No Space has the id or name \\"Nope\\"');
  });

  it('plan exits 2 before, apply converges, plan exits 0 after; status shows each account', async () => {
    const dir = fleetDir([1, 2]);
    const fleet = join(dir, 'fleet.yaml');
    const cwd = process.cwd();
    const before = await runCli(['fleet', 'plan', fleet, '--detailed-exitcode'], { env: env() });
    expect(before.code).toBe(2);
    expect(before.stdout).toContain('+ install Invoice Sync "fleet-002 invoices" (MULTI)');
    process.chdir(dir);
    try {
      const refused = await runCli(['fleet', 'apply', fleet], { env: env() });
      expect(refused.code).toBe(2);
      expect(refused.stderr).toContain('confirm with --yes');
      const applied = await runCli(['fleet', 'apply', fleet, '--yes', '--json'], { env: env() });
      expect(applied.code).toBe(0);
      const document = JSON.parse(applied.stdout) as { accounts: Array<{ outcome: string }>; runId: string };
      expect(document.accounts.map((a) => a.outcome)).toEqual(['converged', 'converged']);
      expect(applied.stderr).toContain('[2/2] fleet-002 converged');
      const journal = readFileSync(join(dir, '.boomi-fleet', `${document.runId}.jsonl`), 'utf8');
      for (const text of [applied.stdout, applied.stderr, journal]) expect(secretsIn(text)).toBe(false);
    } finally {
      process.chdir(cwd);
    }
    const after = await runCli(['fleet', 'plan', fleet, '--detailed-exitcode'], { env: env() });
    expect(after.code).toBe(0);
    const status = await runCli(['fleet', 'status', fleet, '--only', 'fleet-002'], { env: env() });
    expect(status.code).toBe(0);
    expect(status.stdout).toContain('fleet-002: drift no, 2 instances');
    expect(status.stdout).toMatch(/Invoice Sync "fleet-002 invoices" \(.+\) in Production, Test/);
  });

  it('--concurrency on plan, apply and status: bounded 1 to 64, INVALID_USAGE naming the range', async () => {
    const fleet = join(fleetDir([1, 2, 3]), 'fleet.yaml');
    for (const command of [['plan'], ['apply', '--yes'], ['status']])
      for (const value of ['0', '65', 'x']) {
        const refused = await runCli(['fleet', ...command, fleet, '--concurrency', value, '--json'], { env: env() });
        expect(refused.code).toBe(2);
        expect(JSON.parse(refused.stdout || refused.stderr)).toMatchObject({
          error: { code: 'INVALID_USAGE', message: expect.stringContaining('from 1 to 64') },
        });
      }
    const planned = await runCli(['fleet', 'plan', fleet, '--concurrency', '3'], { env: env() });
    expect(planned.code).toBe(0);
    expect(planned.stdout).toMatch(/3 accounts: \d converged, \d changed, 0 failed/);
  });

  it('apply: one account with a bad token fails (exit 1) while the other converges; no secret in any output', async () => {
    const dir = fleetDir([3, 4]);
    const cwd = process.cwd();
    process.chdir(dir); // the journal goes to ./.boomi-fleet
    const run = await runCli(['fleet', 'apply', join(dir, 'fleet.yaml'), '--yes'], {
      env: env({ T3: 'wrong-token' }),
    }).finally(() => process.chdir(cwd));
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/fleet-003\s*│\s*│\s*failed/);
    expect(run.stdout).toMatch(/fleet-004\s*│\s*│\s*converged/);
    expect(secretsIn(run.stdout + run.stderr)).toBe(false);
    const json = await runCli(['fleet', 'plan', join(dir, 'fleet.yaml'), '--json', '--detailed-exitcode'], {
      env: env({ T3: 'wrong-token' }),
    });
    expect(json.code).toBe(1);
    expect(secretsIn(json.stdout + json.stderr)).toBe(false);
  });

  it('kill -9 of the built CLI during fleet apply, then --resume: every account converges, nothing twice', async () => {
    const own = await startSimulator({ accounts: 3, latencyMs: 20 });
    try {
      const dir = fleetDir([1, 2, 3]);
      const fleet = join(dir, 'fleet.yaml');
      const childEnv = cleanEnv({ BOOMI_ENDPOINT: own.url, BOOMI_AUTH_URL: own.authUrl, ...TOKENS });
      const child = spawn(process.execPath, [CLI, 'fleet', 'apply', fleet, '--yes'], { cwd: dir, env: childEnv });
      // Killed as the first account is reported done: the second is then in flight.
      // Off a TTY the progress is one line per finished account, on stdout.
      await new Promise<void>((resolve) => {
        let stdout = '';
        child.once('exit', () => resolve());
        child.stdout.on('data', (chunk: Buffer) => {
          stdout += chunk.toString();
          if (stdout.includes('[1/3]')) {
            child.kill('SIGKILL');
            resolve();
          }
        });
      });
      await new Promise((resolve) => child.once('exit', resolve));
      const journalDir = join(dir, '.boomi-fleet');
      const [journal] = readdirSync(journalDir);
      const lines = readFileSync(join(journalDir, journal!), 'utf8');
      expect(lines).toContain('"account":"fleet-001","state":"done","outcome":"converged"');
      const resumed = await new Promise<{ code: number | null; stdout: string }>((resolve) => {
        const again = spawn(process.execPath, [CLI, 'fleet', 'apply', fleet, '--yes', '--resume', '--json'], {
          cwd: dir,
          env: childEnv,
        });
        let stdout = '';
        again.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
        again.once('exit', (code) => resolve({ code, stdout }));
      });
      expect(resumed.code).toBe(0);
      const document = JSON.parse(resumed.stdout) as {
        accounts: Array<{ id: string; outcome: string; resumed?: boolean }>;
      };
      expect(document.accounts.map((a) => [a.id, a.outcome, Boolean(a.resumed)])).toEqual([
        ['fleet-001', 'converged', true],
        ['fleet-002', 'converged', false],
        ['fleet-003', 'converged', false],
      ]);
      expect(readdirSync(journalDir)).toHaveLength(1);
      for (const n of [1, 2, 3]) {
        const state = own.accounts.get(`fleet-00${n}`)!.platform.state;
        expect(state.instances.map((i) => i.integrationPackOverrideName).sort()).toEqual([
          `fleet-00${n} invoices`,
          null,
        ]);
        const mine = state.attachments.filter((a) => state.instances.some((i) => i.id === a.integrationPackInstanceId));
        expect(mine).toHaveLength(3);
      }
      // fleet-001 was not contacted again: the resume's part of the journal has no mutation of it.
      const resumedPart = readFileSync(join(journalDir, journal!), 'utf8').split('"resumed":true')[1]!;
      expect(resumedPart).not.toContain('"account":"fleet-001"');
      expect(resumedPart).toContain('"type":"intent","account":"fleet-002"');
      expect(secretsIn(readFileSync(join(journalDir, journal!), 'utf8') + resumed.stdout)).toBe(false);
    } finally {
      await own.close();
    }
  });
});
