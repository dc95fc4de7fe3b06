// `fleet watch`: every account's ended executions, tagged with their account; --on-error gets the
// ERROR one on stdin. In-process against a two-account simulator; the history is moved by hand.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startSimulator, type RunningSimulator } from '../../src/simulator/index.js';
import { DEMO } from '../../src/simulator/model/seed.js';
import { cleanEnv, runCli, startCli } from './support/inProcess.js';

const dir = mkdtempSync(join(tmpdir(), 'fleet-watch-'));
let simulator: RunningSimulator;
beforeAll(async () => {
  simulator = await startSimulator({ accounts: 2 });
});
afterAll(async () => {
  await simulator.close();
  rmSync(dir, { recursive: true, force: true });
});

const TOKENS = { T1: 'token-fleet-001', T2: 'token-fleet-002' };
const env = (extra: Record<string, string> = {}) =>
  cleanEnv({ BOOMI_ENDPOINT: simulator.url, BOOMI_AUTH_URL: simulator.authUrl, ...TOKENS, ...extra });
const copyStdinTo = (file: string) =>
  `${JSON.stringify(process.execPath)} -e "let s='';process.stdin.on('data',(d)=>s+=d).on('end',()=>{require('fs').writeFileSync(process.argv[1],s);console.log('hook-done')})" ${JSON.stringify(file)}`;

/** Installs and attaches Invoice Sync in one account; returns its first process. */
async function deployIn(accountId: string): Promise<string> {
  const as = env({
    BOOMI_ACCOUNT_ID: accountId,
    BOOMI_USERNAME: 'ops@partner.example',
    BOOMI_API_TOKEN: `token-${accountId}`,
    BOOMI_SPACE_GUID: DEMO.spaceId,
  });
  const installed = await runCli(['install', DEMO.packs.invoiceSync, '--name', 'EU invoices', '--json'], { env: as });
  const instanceId = (JSON.parse(installed.stdout) as { instance: { id: string } }).instance.id;
  await runCli(['attach', instanceId, '--env', DEMO.environments.prod], { env: as });
  const processes = await runCli(['processes', instanceId, '--json'], { env: as });
  return (JSON.parse(processes.stdout) as Array<{ id: string }>)[0]!.id;
}

describe('boomi-spaces fleet watch', () => {
  it('prints the ended executions of every account with the account, runs --on-error for ERROR; status marks it', async () => {
    writeFileSync(join(dir, 'plan.yaml'), `space: ${DEMO.spaceId}\ninstances: []\n`);
    writeFileSync(
      join(dir, 'fleet.yaml'),
      [
        'plan: plan.yaml',
        'defaults: { credentials: { username: ops@partner.example } }',
        'accounts:',
        `  - { id: fleet-001, name: ACME, spaceGuid: ${DEMO.spaceId}, credentials: { apiToken: { fromEnv: T1 } } }`,
        `  - { id: fleet-002, spaceGuid: ${DEMO.spaceId}, credentials: { apiToken: { fromEnv: T2 } } }`,
        '',
      ].join('\n'),
    );
    const processId = await deployIn('fleet-002');
    const executions = simulator.accounts.get('fleet-002')!.platform.state.executions;
    const failing = {
      executionId: 'execution-fleet-2026.12.01',
      processId,
      processName: 'Invoice export',
      atomId: 'atom-1',
      atomName: 'Production atom',
      executionType: 'exec_sched',
      // Running (it starts "in the future") until the test moves its start back.
      startedAt: Date.now() + 3_600_000,
      outcome: 'ERROR' as const,
      message: 'the required field "host" is not set',
    };
    executions.push(failing);
    const file = join(dir, 'error.json');
    const watch = startCli(
      [
        'fleet',
        'watch',
        join(dir, 'fleet.yaml'),
        '--json',
        '--poll',
        '1',
        '--verbose',
        '--on-error',
        copyStdinTo(file),
      ],
      { env: env() },
    );
    await watch.stderr.until(/← HTTP 200 listExecutions/);
    failing.startedAt = Date.now() - 30_000;
    await watch.stderr.until(/hook-done/);
    watch.signals.emit('SIGINT');
    expect(await watch.exited).toBe(0);

    const printed = watch.stdout.text
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { executionId: string; status: string; accountId: string });
    expect(printed.map((e) => `${e.accountId} ${e.executionId} ${e.status}`)).toEqual([
      'fleet-002 execution-fleet-2026.12.01 ERROR',
    ]);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({
      accountId: 'fleet-002',
      executionId: 'execution-fleet-2026.12.01',
      message: failing.message,
    });
    for (const text of [watch.stdout.text, watch.stderr.text, readFileSync(file, 'utf8')])
      expect(text).not.toMatch(/token-fleet|eyJ[\w-]+\.[\w-]+\./);

    // fleet status marks the account's last ERROR execution, with its message.
    const status = await runCli(['fleet', 'status', join(dir, 'fleet.yaml')], { env: env() });
    expect(status.code).toBe(0);
    expect(status.stdout).toContain('fleet-002: drift no, 1 instance\n');
    expect(status.stdout).toMatch(/^ {2}! Invoice export: ERROR at \S+: the required field "host" is not set$/m);
    const json = await runCli(['fleet', 'status', join(dir, 'fleet.yaml'), '--json'], { env: env() });
    const accounts = (
      JSON.parse(json.stdout) as {
        accounts: Array<{ id: string; instances: Array<{ processes: Array<{ last?: { status: string } }> }> }>;
      }
    ).accounts;
    expect(accounts.map((a) => [a.id, a.instances.flatMap((i) => i.processes.map((p) => p.last?.status))])).toEqual([
      ['fleet-001', []],
      ['fleet-002', ['ERROR']],
    ]);
  });

  it('names each account it could not watch (a wrong token) and exits 1, never "trying again"', async () => {
    writeFileSync(join(dir, 'plan.yaml'), `space: ${DEMO.spaceId}\ninstances: []\n`);
    writeFileSync(
      join(dir, 'wrong-token.yaml'),
      `plan: plan.yaml\naccounts:\n  - { id: fleet-002, spaceGuid: ${DEMO.spaceId}, credentials: { username: u, apiToken: { fromEnv: T2 } } }\n`,
    );
    const watch = startCli(['fleet', 'watch', join(dir, 'wrong-token.yaml'), '--poll', '1'], {
      env: env({ T2: 'wrong' }),
    });
    expect(await watch.exited).toBe(1);
    expect(watch.stdout.text).toMatch(/fleet-002: not watched: .*JWT endpoint: the credentials were refused/);
    expect(watch.stdout.text + watch.stderr.text).not.toContain('trying again');
  });

  it('refuses an --only account the file does not have, before sending anything', async () => {
    const result = await runCli(['fleet', 'watch', join(dir, 'fleet.yaml'), '--only', 'fleet-009'], { env: env() });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('fleet-009');
  });
});
