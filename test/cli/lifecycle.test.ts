import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { DEMO } from '../../src/simulator/model/seed.js';
import type { RunningSimulator } from '../../src/simulator/server/startSimulator.js';
import { runCli } from '../support/cli.js';
import { demoEnv, useSimulator } from '../support/simulator.js';

const SECRET = 'sftp-Pa55-word-7731';
const work = mkdtempSync(join(tmpdir(), 'boomi-spaces-lifecycle-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const currentSimulator = useSimulator();
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
  }, 30_000);

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
      '~ Invoice Sync "US invoices" / Production / SFTP.host: (after install) → "us.example"',
    );
    const applied = await cli('apply', plan, '--yes', '--json');
    expect(applied.code).toBe(0);
    expect(JSON.parse(applied.stdout)).toMatchObject({ failed: 0 });
    for (const out of [planned.stdout, applied.stdout, applied.stderr]) expect(out).not.toContain(SECRET);
    expect((await cli('plan', plan, '--detailed-exitcode')).code).toBe(0);
    const rotate = await cli('plan', plan, '--rotate-secrets');
    expect(rotate.stdout).toContain('SFTP.password: (secret) → (secret)');
  }, 30_000);

  /** A plan with the one Invoice Sync instance "EU invoices" attached to Production, then `entry` (its other keys). */
  const euInvoicesPlan = (entry: string) =>
    `space: ${DEMO.spaceId}\ninstances:\n  - pack: Invoice Sync\n    name: EU invoices\n    environments: [Production]\n` +
    entry;

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
