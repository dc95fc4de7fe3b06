import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { DEMO } from '../../src/simulator/model/seed.js';
import type { RunningSimulator } from '../../src/simulator/server/startSimulator.js';
import { runCli } from './support/inProcess.js';
import { demoEnv, fastClock, useSimulator } from '../support/simulator.js';

// Every test spawns CLI processes one after another: a loaded machine must not fail them.

const SECRET = 'sftp-Pa55-word-7731';
const work = mkdtempSync(join(tmpdir(), 'boomi-spaces-lifecycle-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
// Runs finish before `run --wait` first looks at them: the test waits on no run's phases.
const currentSimulator = useSimulator({ now: fastClock(10) });
let simulator: RunningSimulator;
let env: NodeJS.ProcessEnv;
beforeAll(() => {
  simulator = currentSimulator();
  env = demoEnv(simulator, { BOOMI_SPACE_GUID: DEMO.spaceId, ACME_SFTP_PASSWORD: SECRET });
});
const cli = (...args: string[]) => runCli(args, { env });
const json = async <T>(...args: string[]): Promise<T> => {
  const run = await cli(...args, '--json');
  expect(run.stderr).not.toContain('error');
  return JSON.parse(run.stdout) as T;
};

let instanceId: string;
beforeEach(async () => {
  const installed = await json<{ instance: { id: string } }>(
    'install',
    DEMO.packs.invoiceSync,
    '--name',
    'EU invoices',
  );
  instanceId = installed.instance.id;
  await cli('attach', instanceId, '--env', DEMO.environments.prod);
});

describe('processes, extensions, configure, schedule', () => {
  it('processes --json keeps Boomi’s names: id, name, schedules with their fields and maxRetry', async () => {
    await cli('schedule', instanceId, '--process', 'Invoice export', '--cron', '0 6 * * 1-5', '--max-retry', '3');
    const processes = await json<Array<Record<string, unknown>>>('processes', instanceId);
    expect(processes[0]).toMatchObject({
      name: 'Invoice export',
      processSchedules: {
        schedule: [{ minutes: '0', hours: '6', daysOfWeek: '2-6', daysOfMonth: '*', months: '*', years: '*' }],
        retry: { maxRetry: 3 },
      },
    });
    const table = await cli('processes', instanceId);
    expect(table.stdout).toContain('0 6 * * 1-5');
    expect((await cli('schedule', instanceId, '--process', 'Invoice export', '--clear')).stdout).toContain(
      'has no schedules now',
    );
  });

  it('configure sets fields by name (a secret only from an environment variable); extensions --json shows them', async () => {
    const run = await cli(
      'configure',
      instanceId,
      '--env',
      'Production',
      '--set',
      'SFTP.host=sftp.acme.example',
      '--set',
      'Invoice settings.Batch size=50',
      '--set-secret',
      'SFTP.password=ACME_SFTP_PASSWORD',
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/SFTP\.password\s*│ \(not set\)\s*│ \(secret\)/);
    const extensions = await json<{ extensions: { connections: Array<{ name: string; field: unknown[] }> } }>(
      'extensions',
      instanceId,
      '--env',
      'Production',
    );
    expect(extensions.extensions.connections[0]!.field).toEqual(
      expect.arrayContaining([
        {
          id: 'host',
          value: 'sftp.acme.example',
          useDefault: false,
          usesEncryption: false,
          encryptedValueSet: false,
          componentOverride: false,
        },
        { id: 'password', useDefault: false, usesEncryption: true, encryptedValueSet: true, componentOverride: false },
      ]),
    );
    const again = await cli(
      'configure',
      instanceId,
      '--env',
      'Production',
      '--set',
      'SFTP.host=sftp.acme.example',
      '--json',
    );
    expect(JSON.parse(again.stdout)).toMatchObject({ changes: [] });
    const verbose = await cli(
      'configure',
      instanceId,
      '--env',
      'Production',
      '--set-secret',
      'SFTP.password=ACME_SFTP_PASSWORD',
      '--verbose',
    );
    expect(verbose.stderr).toContain('[verbose] → POST');
    const outputs = [run.stdout, run.stderr, again.stdout, JSON.stringify(extensions), verbose.stdout, verbose.stderr];
    for (const out of outputs) expect(out).not.toContain(SECRET);
  });

  it('refuses a secret variable that is not set, an unknown setting and a stray --cron with --clear (exit 2)', async () => {
    const missing = await cli('configure', instanceId, '--env', 'Production', '--set-secret', 'SFTP.password=NOPE');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('the environment variable NOPE is not set');
    const unknown = await cli('configure', instanceId, '--env', 'Production', '--set', 'FTP.host=x');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('"SFTP", "Invoice settings"');
    const both = await cli('schedule', instanceId, '--process', 'Invoice export', '--clear', '--cron', '* * * * *');
    expect(both.code).toBe(2);
  });
});

/** Every request the simulator got (GraphQL and JWT), from now on. */
function countRequests(): () => number {
  simulator.stats.graphql = 0;
  simulator.stats.auth = 0;
  return () => simulator.stats.graphql + simulator.stats.auth;
}

describe('secrets by source, local inputs first', () => {
  const USER = 'sftp-user-from-env-4410';

  it('refuses --set for an encrypted field before changing anything, naming --set-secret', async () => {
    simulator.stats.operations = {};
    const run = await cli('configure', instanceId, '--env', 'Production', '--set', 'SFTP.password=literal-pw-9931');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--set SFTP.password: the field is encrypted');
    expect(run.stderr).toContain('--set-secret SFTP.password=VARIABLE');
    expect(simulator.stats.operations.updateExtensions ?? 0).toBe(0);
    expect(run.stdout + run.stderr).not.toContain('literal-pw-9931');
  });

  it('--set-secret for a field that is not encrypted: (secret) in the table and in --json', async () => {
    const secretEnv = { ...env, ACME_SFTP_USER: USER };
    const table = await runCli(
      ['configure', instanceId, '--env', 'Production', '--set-secret', 'SFTP.user=ACME_SFTP_USER'],
      { env: secretEnv },
    );
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/SFTP\.user\s*│ \(not set\)\s*│ \(secret\)/);
    const json = await runCli(
      ['configure', instanceId, '--env', 'Production', '--set-secret', 'SFTP.user=ACME_SFTP_USER', '--json'],
      { env: { ...secretEnv, ACME_SFTP_USER: `${USER}-2` } },
    );
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({
      changes: [{ setting: 'user', from: '(secret)', to: '(secret)', secret: true }],
    });
    for (const out of [table.stdout, table.stderr, json.stdout, json.stderr]) expect(out).not.toContain(USER);
  });

  it('a missing variable (configure, plan, apply), a bad cron line, seconds or maxRetry 6 (schedule), a blank id: 0 requests', async () => {
    const plan = join(work, 'missing-variable.yaml');
    writeFileSync(
      plan,
      `space: ${DEMO.spaceId}\ninstances:\n  - pack: Invoice Sync\n    name: EU invoices\n    environments: [Production]\n` +
        '    extensions: { Production: { connections: { SFTP: { user: { fromEnv: NOT_SET_ANYWHERE } } } } }\n',
    );
    const requests = countRequests();
    const configure = await cli('configure', instanceId, '--env', 'Production', '--set-secret', 'SFTP.user=NOPE');
    expect(configure.code).toBe(2);
    expect(configure.stderr).toContain('the environment variable NOPE is not set');
    const planned = await cli('plan', plan);
    const applied = await cli('apply', plan, '--yes');
    for (const run of [planned, applied]) {
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(
        /missing-variable\.yaml:6: instances\[0\]\.extensions\.Production\.connections\.SFTP\.user: the environment variable NOT_SET_ANYWHERE is not set/,
      );
    }
    const cron = await cli('schedule', instanceId, '--process', 'Invoice export', '--cron', '61 * * * *');
    expect(cron.code).toBe(2);
    expect(cron.stderr).toContain('minutes "61"');
    // Boomi's published rules: no seconds, maxRetry 1 to 5.
    const seconds = await cli('schedule', instanceId, '--process', 'Invoice export', '--cron', '*/30 * * * * *');
    expect(seconds.code).toBe(2);
    expect(seconds.stderr).toContain('at most once a minute (no seconds)');
    const retries = await cli(
      'schedule',
      instanceId,
      '--process',
      'Invoice export',
      '--cron',
      '0 6 * * *',
      '--max-retry',
      '6',
    );
    expect(retries.code).toBe(2);
    expect(retries.stderr).toContain('--max-retry');
    const blank = await cli('configure', ' ', '--env', 'Production', '--set', 'SFTP.host=h');
    expect(blank.code).toBe(2);
    expect(blank.stderr).toContain('<instance> must be a non-empty string');
    expect(requests()).toBe(0);
  });
});

describe('run and executions', () => {
  it('run --wait exits 1 with the message while host is unset, 0 once it is configured; executions lists both', async () => {
    const failed = await cli('run', instanceId, '--process', 'Invoice export', '--wait');
    expect(failed.code).toBe(1);
    expect(failed.stdout).toContain('Invoice export: ERROR');
    expect(failed.stdout).toContain('the required field "host" is not set');
    await cli('configure', instanceId, '--env', 'Production', '--set', 'SFTP.host=sftp.acme.example');
    const done = await cli('run', instanceId, '--process', 'Invoice export', '--env', 'Production', '--wait');
    expect(done.code).toBe(0);
    expect(done.stdout).toContain('Invoice export: COMPLETE');
    const executions = await json<Array<{ status: string }>>('executions', instanceId, '--process', 'Invoice export');
    expect(executions.map((e) => e.status)).toEqual(['ERROR', 'COMPLETE']);
    const onlyErrors = await json<unknown[]>(
      'executions',
      instanceId,
      '--process',
      'Invoice export',
      '--status',
      'ERROR',
    );
    expect(onlyErrors).toHaveLength(1);
  });

  it('run without --wait returns once the run is accepted', async () => {
    const run = await cli('run', instanceId, '--process', 'Invoice export', '--json');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({
      reconciled: false,
      request: { requestId: expect.stringMatching(/^executionrecord-/) },
    });
  });
});

describe('accounts and spaces', () => {
  it('lists accounts and publishes a Space', async () => {
    expect((await json<Array<{ name: string }>>('accounts', '--contains', 'acme')).map((a) => a.name)).toEqual([
      'Acme Europe',
      'Acme Americas',
    ]);
    const created = await json<{ id: string; name: string }>(
      'space',
      'create',
      '--name',
      'Partner space',
      '--account-group',
      DEMO.accountGroupId,
      '--pack',
      DEMO.packs.invoiceSync,
    );
    expect((await json<{ name: string }>('space', 'update', created.id, '--name', 'Renamed')).name).toBe('Renamed');
    expect((await cli('space', 'delete', created.id)).code).toBe(2);
    expect((await cli('space', 'delete', created.id, '--yes')).code).toBe(0);
    expect(simulator.platform.state.spaces.map((s) => s.id)).toEqual([DEMO.spaceId]);
  });
});

describe('plans with extensions and schedules', () => {
  it('applies settings (a secret from the environment) and schedules; a second plan --detailed-exitcode exits 0', async () => {
    const plan = join(work, 'lifecycle.yaml');
    writeFileSync(
      plan,
      [
        `space: ${DEMO.spaceId}`,
        'instances:',
        '  - pack: Invoice Sync',
        '    name: EU invoices',
        '    environments: [Production]',
        '    extensions:',
        '      Production:',
        '        connections:',
        '          SFTP:',
        '            host: sftp.acme.example',
        '            password: { fromEnv: ACME_SFTP_PASSWORD }',
        '        processProperties:',
        '          Invoice settings:',
        '            Batch size: 50',
        '    schedules:',
        '      Invoice export: ["*/15 8-18 * * 1-5"]',
        '  - pack: Invoice Sync',
        '    name: US invoices',
        '    environments: [Production]',
        '    extensions: { Production: { connections: { SFTP: { host: us.example } } } }',
      ].join('\n'),
    );
    const planned = await cli('plan', plan);
    expect(planned.stdout).toContain('~ Invoice Sync "EU invoices" / Production / SFTP.host: "" → "sftp.acme.example"');
    expect(planned.stdout).toContain('~ Invoice Sync "EU invoices" / Production / SFTP.password: (not set) → (secret)');
    expect(planned.stdout).toContain(
      '~ Invoice Sync "US invoices" / Production / SFTP.host: (after install) → (hidden until installed)',
    );
    const applied = await cli('apply', plan, '--yes', '--json');
    expect(applied.code).toBe(0);
    expect(JSON.parse(applied.stdout)).toMatchObject({ failed: 0 });
    for (const out of [planned.stdout, applied.stdout, applied.stderr]) expect(out).not.toContain(SECRET);
    expect((await cli('plan', plan, '--detailed-exitcode')).code).toBe(0);
    const rotate = await cli('plan', plan, '--rotate-secrets');
    expect(rotate.stdout).toContain('SFTP.password: (secret) → (secret)');
  });

  /** A plan with the one Invoice Sync instance "EU invoices" attached to Production, then `entry` (its other keys). */
  const euInvoicesPlan = (entry: string) =>
    `space: ${DEMO.spaceId}\ninstances:\n  - pack: Invoice Sync\n    name: EU invoices\n    environments: [Production]\n` +
    entry;

  it('a fromEnv value is (secret) in plan and apply, whatever the field; applying again changes nothing', async () => {
    const USER = 'plan-user-from-env-6620';
    const plan = join(work, 'from-env.yaml');
    writeFileSync(
      plan,
      `space: ${DEMO.spaceId}\ninstances:\n  - pack: Invoice Sync\n    name: US invoices\n    environments: [Production]\n` +
        '    extensions: { Production: { connections: { SFTP: { host: us.example, user: { fromEnv: ACME_SFTP_USER } } } } }\n',
    );
    const withUser = { env: { ...env, ACME_SFTP_USER: USER } };
    const planned = await runCli(['plan', plan], withUser);
    expect(planned.stdout).toContain('/ SFTP.user: (after install) → (secret)');
    const applied = await runCli(['apply', plan, '--yes'], withUser);
    const json = await runCli(['apply', plan, '--yes', '--json'], withUser);
    expect(applied.code).toBe(0);
    expect(applied.stdout).toContain(
      'ok     ~ Invoice Sync "US invoices" / Production / SFTP.user: (not set) → (secret)',
    );
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({ changes: [] });
    for (const out of [planned.stdout, planned.stderr, applied.stdout, applied.stderr, json.stdout, json.stderr])
      expect(out).not.toContain(USER);
    expect((await runCli(['plan', plan, '--detailed-exitcode'], withUser)).code).toBe(0);
  });

  it('a plain value for an encrypted field of an instance to install: hidden in plan, stops the settings at apply', async () => {
    const LITERAL = 'literal-pw-in-the-file-3317';
    const plan = join(work, 'literal.yaml');
    writeFileSync(
      plan,
      [
        `space: ${DEMO.spaceId}`,
        'instances:',
        '  - pack: Invoice Sync',
        '    name: EU invoices',
        '    extensions: { Production: { connections: { SFTP: { host: eu.example } } } }',
        '    environments: [Production]',
        '  - pack: Invoice Sync',
        '    name: US invoices',
        '    environments: [Production]',
        '    extensions:',
        '      Production:',
        '        connections:',
        '          SFTP:',
        '            host: us.example',
        `            password: ${LITERAL}`,
        '    schedules:',
        '      Invoice export: ["0 6 * * *"]',
      ].join('\n'),
    );
    const planned = await cli('plan', plan);
    const plannedJson = await cli('plan', plan, '--json');
    expect(planned.code).toBe(0);
    expect(planned.stdout).toContain(
      '~ Invoice Sync "US invoices" / Production / SFTP.password: (after install) → (hidden until installed)',
    );
    expect(JSON.parse(plannedJson.stdout)).toMatchObject({
      changes: expect.arrayContaining([
        expect.objectContaining({ setting: 'password', from: '(after install)', to: '(hidden until installed)' }),
      ]),
    });
    simulator.stats.operations = {};
    const applied = await cli('apply', plan, '--yes');
    expect(applied.code).toBe(1);
    // Installed, attached and scheduled; no setting of the run sent, each reported with where it stopped.
    expect(simulator.stats.operations.updateExtensions ?? 0).toBe(0);
    const stoppedAt = `${plan}:15: instances[1].extensions.Production.connections.SFTP.password`;
    expect(applied.stdout).toContain(
      `FAILED ~ Invoice Sync "US invoices" / Production / SFTP.password: (not sent) → (hidden): INVALID_PLAN: ${stoppedAt}: the field is encrypted`,
    );
    expect(applied.stdout).toContain(
      `FAILED ~ Invoice Sync "EU invoices" / Production / SFTP.host: "" → "eu.example": INVALID_PLAN: not sent: the settings of this run stopped at ${stoppedAt}`,
    );
    expect(applied.stdout).toContain(
      'Applied 3 of 6 changes: 1 installed, 1 attached, 0 detached, 0 uninstalled, 0 settings configured, 1 process scheduled.',
    );
    expect(applied.stdout).toContain('Fix the plan and run apply again');
    for (const out of [planned.stdout, planned.stderr, plannedJson.stdout, applied.stdout, applied.stderr])
      expect(out).not.toContain(LITERAL);
  });

  it('refuses a plain value for an encrypted field, and an environment the entry does not attach to', async () => {
    const plan = join(work, 'bad.yaml');
    writeFileSync(
      plan,
      euInvoicesPlan('    extensions: { Production: { connections: { SFTP: { password: in-the-file } } } }\n'),
    );
    const plain = await cli('plan', plan);
    expect(plain.code).toBe(2);
    expect(plain.stderr).toContain('the field is encrypted; give it as { fromEnv: VARIABLE }');
    writeFileSync(
      plan,
      euInvoicesPlan(
        '    extensions: { Test: { connections: { SFTP: { host: h } } } }\n    schedules: { Invoice export: ["61 * * * *"] }\n',
      ),
    );
    const wrong = await cli('plan', plan);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/bad\.yaml:\d+: instances\[0\]\.schedules\.Invoice export\[0\]: .*minutes "61"/);
    writeFileSync(plan, readFileSync(plan, 'utf8').replace('"61 * * * *"', '"0 6 * * *"'));
    const unattached = await cli('plan', plan);
    expect(unattached.code).toBe(2);
    expect(unattached.stderr).toMatch(
      /instances\[0\]\.extensions\.Test: "Test" is not one of the entry's environments/,
    );
  });
});
