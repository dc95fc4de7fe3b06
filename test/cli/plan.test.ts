import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DEMO } from '../../src/simulator/model/seed.js';
import type { RunningSimulator } from '../../src/simulator/server/startSimulator.js';
import { runCli } from './support/inProcess.js';
import { demoEnv, useSimulator } from '../support/simulator.js';

// Every test spawns CLI processes one after another: a loaded machine must not fail them.

const work = mkdtempSync(join(tmpdir(), 'boomi-spaces-plan-'));
const EXAMPLE = new URL('../../examples/plan.yaml', import.meta.url);
const currentSimulator = useSimulator();
let simulator: RunningSimulator;
let env: NodeJS.ProcessEnv;
beforeAll(() => {
  simulator = currentSimulator();
  env = demoEnv(simulator);
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

let files = 0;
function planFile(text: string, extension = 'yaml'): string {
  const file = join(work, `plan-${++files}.${extension}`);
  writeFileSync(file, text);
  return file;
}
const cli = (...args: string[]) => runCli(args, { env });
/** A billion laughs in YAML: nine levels of nine aliases each. */
const aliasBomb = () =>
  ['a: &a ["x","x","x","x","x","x","x","x","x"]']
    .concat(
      Array.from(
        { length: 8 },
        (_, i) =>
          `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(9)
            .fill(`*${String.fromCharCode(97 + i)}`)
            .join(',')}]`,
      ),
    )
    .concat(['space: x', 'instances: []'])
    .join('\n');
const mutationsSent = () =>
  ['installIpackBatch', 'attachIpackInstance', 'detachIpackInstance', 'uninstallIpack'].reduce(
    (n, op) => n + (simulator.stats.operations[op] ?? 0),
    0,
  );
const instanceNames = () =>
  simulator.platform.state.instances.map((i) => i.integrationPackOverrideName ?? '(single)').sort();

describe('apply', () => {
  it('provisions an empty account from the README example, then a second run changes nothing', async () => {
    const first = await cli('apply', EXAMPLE.pathname, '--yes');
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('+ install Order Intake (SINGLE)');
    expect(first.stdout).toContain('ok     + attach Invoice Sync "EU invoices" to Test');
    expect(first.stdout).toContain(
      'Applied 6 of 6 changes: 3 installed, 3 attached, 0 detached, 0 uninstalled, 0 settings configured, 0 processes scheduled.',
    );
    expect(instanceNames()).toEqual(['(single)', 'EU invoices', 'US invoices']);
    expect(simulator.platform.state.attachments).toHaveLength(3);
    expect(simulator.stats.operations.installIpackBatch).toBe(1);

    simulator.stats.operations = {};
    const again = await cli('apply', EXAMPLE.pathname, '--yes');
    expect(again).toMatchObject({ code: 0 });
    expect(again.stdout).toContain('No changes: the account matches the plan for space "Demo_Space".');
    expect(mutationsSent()).toBe(0);
  });

  it('prints one JSON document with --json, progress lines on stderr', async () => {
    const run = await cli('apply', EXAMPLE.pathname, '--yes', '--json');
    expect(run.code).toBe(0);
    const document = JSON.parse(run.stdout) as {
      applied: number;
      failed: number;
      results: Array<{ action: string; ok: boolean }>;
    };
    expect(document).toMatchObject({ applied: 6, failed: 0 });
    expect(document.results.map((r) => r.action)).toEqual([
      'install',
      'install',
      'install',
      'attach',
      'attach',
      'attach',
    ]);
    expect(run.stderr.trim().split('\n')).toHaveLength(6);
  });

  it('refuses to apply without --yes when not on a terminal, changing nothing', async () => {
    const before = { graphql: simulator.stats.graphql, auth: simulator.stats.auth };
    const run = await cli('apply', EXAMPLE.pathname);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('confirm with --yes when not running on a terminal');
    // Refused before reading the account: not one request, not even for a JWT.
    expect({ graphql: simulator.stats.graphql, auth: simulator.stats.auth }).toEqual(before);
  });

  it('two applies of the same plan racing: both exit 0, the account holds exactly the plan', async () => {
    const plan = planFile(
      `space: ${DEMO.spaceId}\nspaceGuid: ${DEMO.spaceId}\ninstances:\n  - pack: Order Intake\n    environments: [Production]\n${Array.from({ length: 12 }, (_, i) => `  - pack: Invoice Sync\n    name: tenant-${i}\n    environments: [Test]\n`).join('')}`,
    );
    const [first, second] = await Promise.all([
      cli('apply', plan, '--yes', '--batch-size', '2'),
      cli('apply', plan, '--yes', '--batch-size', '3'),
    ]);
    expect([first.code, second.code, first.stderr + second.stderr]).toEqual([0, 0, '']);
    expect(instanceNames()).toEqual(['(single)', ...Array.from({ length: 12 }, (_, i) => `tenant-${i}`).sort()]);
    expect(simulator.platform.state.attachments).toHaveLength(13);
    expect((await cli('plan', plan, '--detailed-exitcode')).code).toBe(0);
  });

  it('installs in batches of --batch-size', async () => {
    const many = planFile(
      `space: ${DEMO.spaceId}\nspaceGuid: ${DEMO.spaceId}\ninstances:\n${Array.from({ length: 7 }, (_, i) => `  - pack: Invoice Sync\n    name: tenant-${i}\n`).join('')}`,
    );
    const run = await cli('apply', many, '--yes', '--batch-size', '3');
    expect(run.code).toBe(0);
    expect(simulator.stats.operations.installIpackBatch).toBe(3);
    expect(simulator.platform.state.instances).toHaveLength(7);
  });

  it('reports a partial failure per item (exit 1); applying again converges with no duplicate', async () => {
    const plan = planFile(
      `space: ${DEMO.spaceId}\nspaceGuid: ${DEMO.spaceId}\ninstances:\n  - pack: Order Intake\n    environments: [Production]\n  - pack: Invoice Sync\n    name: EU\n  - pack: Invoice Sync\n    name: US\n    environments: [Test]\n`,
    );
    // The reads (the SPACE_GUID's and the plan's Space looked up, the Space, instances, environments)
    // and the first install are answered; every later call is refused with a 429 whose Retry-After
    // (120 s) is beyond what the client waits, so it fails at once.
    simulator.faults.set({ rateLimitedRate: 1, retryAfterSeconds: 120 });
    simulator.faults.queue('answer', 'answer', 'answer', 'answer', 'answer', 'answer');
    const broken = await cli('apply', plan, '--yes', '--batch-size', '1');
    expect(broken.code).toBe(1);
    expect(broken.stdout).toContain('ok     + install Order Intake (SINGLE)');
    expect(broken.stdout).toMatch(/FAILED \+ install Invoice Sync "EU" \(MULTI\): RATE_LIMITED: /);
    expect(broken.stdout).toMatch(/FAILED \+ attach Invoice Sync "US" to Test: SKIPPED: /);
    expect(broken.stdout).toContain('Run apply again to finish the rest');

    simulator.faults.set({ rateLimitedRate: 0 });
    const again = await cli('apply', plan, '--yes');
    expect(again.code).toBe(0);
    expect(instanceNames()).toEqual(['(single)', 'EU', 'US']);
    const attached = simulator.platform.state.attachments.map((a) => a.environmentId).sort();
    expect(attached).toEqual([DEMO.environments.prod, DEMO.environments.test].sort());
    expect((await cli('plan', plan, '--detailed-exitcode')).code).toBe(0);
  });
});

describe('plan', () => {
  it('shows the changes and sends nothing that changes the account', async () => {
    const run = await cli('plan', EXAMPLE.pathname);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      '3 to install, 3 to attach, 0 to detach, 0 to uninstall, 0 settings to configure, 0 processes to schedule.',
    );
    expect(mutationsSent()).toBe(0);
    const json = JSON.parse((await cli('plan', EXAMPLE.pathname, '--json')).stdout) as {
      summary: Record<string, number>;
    };
    expect(json.summary).toEqual({ install: 3, attach: 3, detach: 0, uninstall: 0, configure: 0, schedule: 0 });
  });

  it('--detailed-exitcode: 2 with changes, 0 without, 1 on error', async () => {
    expect((await cli('plan', EXAMPLE.pathname, '--detailed-exitcode')).code).toBe(2);
    await cli('apply', EXAMPLE.pathname, '--yes');
    expect((await cli('plan', EXAMPLE.pathname, '--detailed-exitcode')).code).toBe(0);
    expect((await cli('plan', join(work, 'missing.yaml'), '--detailed-exitcode')).code).toBe(1);
    expect(
      (await runCli(['plan', EXAMPLE.pathname, '--detailed-exitcode'], { env: { ...env, BOOMI_API_TOKEN: 'wrong' } }))
        .code,
    ).toBe(1);
  });

  it('--prune uninstalls the space’s instances the plan does not list and detaches unlisted environments', async () => {
    await cli('apply', EXAMPLE.pathname, '--yes');
    const smaller = planFile(
      `space: ${DEMO.spaceId}\nspaceGuid: ${DEMO.spaceId}\ninstances:\n  - pack: Order Intake\n    environments: [Production]\n  - pack: Invoice Sync\n    name: EU invoices\n    environments: [Test]\n`,
    );
    const withoutPrune = await cli('plan', smaller);
    expect(withoutPrune.stdout).toContain('No changes');
    const plan = await cli('plan', smaller, '--prune');
    expect(plan.stdout).toMatch(/- detach Invoice Sync "EU invoices" \(\S+\) from Production/);
    expect(plan.stdout).toMatch(/- uninstall Invoice Sync "US invoices" \(\S+\)/);
    expect(plan.stdout).toContain(
      '0 to install, 0 to attach, 1 to detach, 1 to uninstall, 0 settings to configure, 0 processes to schedule.',
    );
    const apply = await cli('apply', smaller, '--prune', '--yes');
    expect(apply.code).toBe(0);
    expect(instanceNames()).toEqual(['(single)', 'EU invoices']);
    expect((await cli('plan', smaller, '--prune', '--detailed-exitcode')).code).toBe(0);
  });
});

describe('the plan is checked before anything is sent', () => {
  const head = `space: ${DEMO.spaceId}\nspaceGuid: ${DEMO.spaceId}\ninstances:\n`;
  it.each([
    [
      'a pack the space does not share',
      `${head}  - pack: Legacy Archive\n`,
      /plan-\d+\.yaml:4: instances\[0\]\.pack: no pack in space "Demo_Space" has the id or name "Legacy Archive"; known: "Order Intake"/,
    ],
    [
      'a SINGLE entry with a name',
      `${head}  - pack: Order Intake\n    name: x\n`,
      /plan-\d+\.yaml:5: instances\[0\]\.name: pack "Order Intake" is SINGLE, so the entry takes no name/,
    ],
    [
      'a MULTI entry without a name',
      `${head}  - pack: Invoice Sync\n`,
      /instances\[0\]\.name: pack "Invoice Sync" is MULTI, so the entry needs a name/,
    ],
    [
      'a duplicate (pack, name) pair',
      `${head}  - pack: Invoice Sync\n    name: EU\n  - pack: ${DEMO.packs.invoiceSync}\n    name: EU\n`,
      /plan-\d+\.yaml:6: instances\[1\]: duplicates instances\[0\] \(pack "Invoice Sync", name "EU"\)/,
    ],
    [
      'a space that does not exist',
      `space: 00000000-0000-4000-8000-000000000000\nspaceGuid: ${DEMO.spaceId}\ninstances: []\n`,
      /plan-\d+\.yaml:1: space: no space has the id "00000000-0000-4000-8000-000000000000"/,
    ],
    [
      'a Space name nothing has',
      `space: Nope\nspaceGuid: ${DEMO.spaceId}\ninstances: []\n`,
      /plan-\d+\.yaml:1: space: no Space has the id or name "Nope"; known: "Demo_Space"/,
    ],
    [
      'an unknown environment',
      `${head}  - pack: Order Intake\n    environments: [Staging]\n`,
      /plan-\d+\.yaml:5: instances\[0\]\.environments\[0\]: no environment has the id or name "Staging"; known: "Production"/,
    ],
    [
      'an unknown key',
      `${head}  - pack: Order Intake\n    envs: [Production]\n`,
      /plan-\d+\.yaml:5: instances\[0\]: unknown key "envs"/,
    ],
    [
      'a missing pack',
      `${head}  - name: x\n`,
      /plan-\d+\.yaml:4: instances\[0\]\.pack: expected a pack id or exact pack name/,
    ],
    [
      'a wrong type',
      `space: ${DEMO.spaceId}\ninstances: Order Intake\n`,
      /plan-\d+\.yaml:2: instances: expected a list of instances/,
    ],
    ['broken YAML', `space: [${DEMO.spaceId}\ninstances: []\n`, /plan-\d+\.yaml:2:\d+: not valid YAML or JSON/],
  ])('%s', async (_label, text, message) => {
    const run = await cli('plan', planFile(text));
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).toContain('INVALID_PLAN');
    expect(mutationsSent()).toBe(0);
  });

  it('a pack name that matches several packs is an error listing them', async () => {
    const twin = {
      id: 'ffffffff-0000-4000-8000-00000000000f',
      name: 'Invoice Sync',
      description: 'A second pack of the same name',
      installationType: 'MULTI' as const,
    };
    simulator.platform.state.packs.push(twin);
    simulator.platform.state.spaces[0]!.sharedPackIds.push(twin.id);
    const run = await cli('plan', planFile(`${head}  - pack: Invoice Sync\n    name: EU\n`));
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      `instances[0].pack: "Invoice Sync" names 2 packs in space "Demo_Space"; use an id: ${DEMO.packs.invoiceSync} ("Invoice Sync"), ${twin.id} ("Invoice Sync")`,
    );
  });

  it('reads JSON plans too, and reports every problem at once', async () => {
    const json = planFile(
      JSON.stringify({
        space: DEMO.spaceId,
        spaceGuid: DEMO.spaceId,
        instances: [{ pack: 'Order Intake', name: 'x' }, { pack: 'Invoice Sync' }],
      }),
      'json',
    );
    const run = await cli('plan', json);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('2 problems in the plan');
  });

  it('takes the Space and the SPACE_GUID by name', async () => {
    const run = await runCli(['plan', planFile('space: Demo_Space\ninstances: []\n'), '--json'], {
      env: { ...env, BOOMI_SPACE_GUID: 'Demo_Space' },
    });
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toMatchObject({ space: { id: DEMO.spaceId, name: 'Demo_Space' } });
  });

  it('needs a SPACE_GUID from the file or the environment', async () => {
    const run = await cli('plan', planFile(`space: ${DEMO.spaceId}\ninstances: []\n`));
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('the plan needs a SPACE_GUID');
    expect(
      (
        await runCli(['plan', planFile(`space: ${DEMO.spaceId}\ninstances: []\n`)], {
          env: { ...env, BOOMI_SPACE_GUID: DEMO.spaceId },
        })
      ).code,
    ).toBe(0);
  });

  it.each([
    ['/dev/zero (endless)', () => '/dev/zero', /\/dev\/zero: is not a regular file \(a pipe or a device\)/],
    [
      'a file over 5 MB',
      () => planFile(`${head}${'#'.repeat(5 * 1024 * 1024)}\n`),
      /the plan is 5242\d{3} bytes; at most 5242880 are accepted/,
    ],
    [
      'more than 10 000 entries',
      () => planFile(`${head}${'  - pack: Order Intake\n'.repeat(10_001)}`),
      /instances: expected at most 10000 instances/,
    ],
    [
      'a YAML alias bomb',
      () => planFile(aliasBomb()),
      /plan-\d+\.yaml: not a usable plan: its YAML aliases expand beyond 100 \(an alias bomb\)/,
    ],
    [
      'a 300-character pack',
      () => planFile(`${head}  - pack: ${'p'.repeat(300)}\n`),
      /instances\[0\]\.pack: expected a pack id or exact pack name of at most 256 characters, got 300/,
    ],
  ])('refuses %s as INVALID_PLAN (exit 2)', async (_label, file, message) => {
    const run = await cli('plan', file());
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).toContain('INVALID_PLAN');
  });

  it('refuses a FIFO at once, even with no writer (it would block the open)', async () => {
    const fifo = join(work, 'plan.fifo');
    execFileSync('mkfifo', [fifo]);
    const run = await cli('plan', fifo);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`INVALID_PLAN: ${fifo}: is not a regular file (a pipe or a device); give a plan file`);
  });

  it('refuses a plan nested 100 000 deep in our words, naming the file and line', async () => {
    const deep = planFile(`${head}  - ${'['.repeat(100_000)}${']'.repeat(100_000)}\n`);
    const dashes = planFile(`${head}  - ${'- '.repeat(100_000)}x\n`);
    for (const file of [deep, dashes]) {
      const run = await cli('plan', file);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(`INVALID_PLAN: ${file}:4: nested deeper than 64 levels`);
      expect(run.stderr).not.toContain('call stack');
    }
  });

  it('refuses a __proto__ key under extensions, in YAML as in JSON', async () => {
    const yaml = planFile(
      `${head}  - pack: Invoice Sync\n    name: EU\n    environments: [Production]\n    extensions:\n      __proto__:\n        connections: { SFTP: { host: h } }\n`,
    );
    const json = planFile(
      `{"space": "${DEMO.spaceId}", "spaceGuid": "${DEMO.spaceId}", "instances": [{"pack": "Invoice Sync", "name": "EU",\n` +
        ` "environments": ["Production"], "extensions": {"__proto__": {"connections": {"SFTP": {"host": "h"}}}}}]}\n`,
      'json',
    );
    const fromYaml = await cli('plan', yaml);
    const fromJson = await cli('plan', json);
    expect(fromYaml.stderr).toContain(`INVALID_PLAN: ${yaml}:8: the key "__proto__" is not accepted`);
    expect(fromJson.stderr).toContain(`INVALID_PLAN: ${json}:2: the key "__proto__" is not accepted`);
    for (const run of [fromYaml, fromJson]) expect(run.code).toBe(2);
  });

  it('names the file of an alias bomb once', async () => {
    const file = join(work, 'aliasBomb');
    writeFileSync(file, aliasBomb());
    const run = await cli('plan', file);
    expect(run.stderr.split(file)).toHaveLength(2);
    expect(run.stderr).toContain(`${file}: not a usable plan: its YAML aliases expand beyond 100 (an alias bomb)`);
  });

  it('names a file that cannot be read', async () => {
    const run = await cli('plan', join(work, 'nope.yaml'));
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`INVALID_PLAN: no such file or directory: ${join(work, 'nope.yaml')}; check the path`);
    expect(readFileSync(EXAMPLE, 'utf8')).toContain('space:');
  });
});
