import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { beforeAll, describe, expect, it } from '@jest/globals';
import { DEMO } from '../../src/simulator/model/seed.js';
import type { RunningSimulator } from '../../src/simulator/server/startSimulator.js';
import { cleanEnv, runCli } from './support/inProcess.js';
import { demoEnv, useSimulator } from '../support/simulator.js';

const currentSimulator = useSimulator();
let simulator: RunningSimulator;
let env: NodeJS.ProcessEnv;
beforeAll(() => {
  simulator = currentSimulator();
  env = demoEnv(simulator, { BOOMI_SPACE_GUID: DEMO.spaceId });
});

const cli = (...args: string[]) => runCli(args, { env });
const cliJson = async (...args: string[]) => {
  const run = await runCli([...args, '--json'], { env });
  return { ...run, document: run.stdout ? (JSON.parse(run.stdout) as unknown) : undefined };
};

describe('help and version', () => {
  it('prints the version', async () => {
    const run = await cli('--version');
    expect(run).toMatchObject({ code: 0, stdout: '0.1.0\n' });
  });

  it.each([
    [[]],
    [['spaces']],
    [['space']],
    [['install']],
    [['instances']],
    [['uninstall']],
    [['environments']],
    [['attach']],
    [['detach']],
    [['simulator']],
    [['demo']],
  ])('--help works for %j', async (command) => {
    const run = await runCli([...command, '--help'], { env: cleanEnv() });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Usage: boomi-spaces');
  });

  it('lists every command and the environment variables in the top-level help', async () => {
    const { stdout } = await cli('--help');
    for (const word of [
      'spaces',
      'space',
      'install',
      'instances',
      'uninstall',
      'environments',
      'attach',
      'detach',
      'simulator',
      'demo',
    ]) {
      expect(stdout).toMatch(new RegExp(`\\n\\s+${word}\\b`));
    }
    for (const variable of [
      'BOOMI_ENDPOINT',
      'BOOMI_AUTH_URL',
      'BOOMI_ACCOUNT_ID',
      'BOOMI_USERNAME',
      'BOOMI_API_TOKEN',
      'BOOMI_SPACE_GUID',
    ]) {
      expect(stdout).toContain(variable);
    }
  });
});

describe('reading commands', () => {
  it('spaces: a table, or one JSON document', async () => {
    const table = await cli('spaces');
    expect(table.code).toBe(0);
    expect(table.stdout).toContain('Demo_Space');
    expect(table.stdout).toContain('NAME');
    const json = await cliJson('spaces');
    expect(json.code).toBe(0);
    expect(json.document).toEqual([expect.objectContaining({ id: DEMO.spaceId, name: 'Demo_Space' })]);
  });

  it('space: details and the shared packs with their install types', async () => {
    const table = await cli('space', DEMO.spaceId);
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/Order Intake\s*│\s*SINGLE/);
    expect(table.stdout).toMatch(/Invoice Sync\s*│\s*MULTI/);
    const json = await cliJson('space', DEMO.spaceId);
    expect(json.document).toMatchObject({
      id: DEMO.spaceId,
      sharedIpacks: expect.arrayContaining([expect.objectContaining({ installationType: 'MULTI' })]),
    });
  });

  it('space: an unknown id is the platform’s SPACE_NOT_FOUND (exit 1); an unknown name exits 2, nothing found by the lookup', async () => {
    const run = await cli('space', '00000000-0000-4000-8000-000000000000');
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('SPACE_NOT_FOUND');
    expect(run.stdout).toBe('');
    const json = await cliJson('space', 'No such space');
    expect(json.code).toBe(2);
    expect(json.document).toEqual({ error: expect.objectContaining({ code: 'SPACE_NOT_FOUND' }) });
  });

  it('environments: a table and JSON', async () => {
    const table = await cli('environments');
    expect(table.stdout).toMatch(/Production\s*│\s*PROD/);
    const json = await cliJson('environments');
    expect((json.document as unknown[]).length).toBe(2);
  });

  it('environments: every attachment id in full, one line each (`detach` takes them)', async () => {
    for (const name of ['eu-invoices-north', 'eu-invoices-south', 'eu-invoices-east', 'eu-invoices-west', 'eu-x']) {
      expect((await cli('install', 'Invoice Sync', '--name', name)).code).toBe(0);
      expect((await cli('attach', name, '--env', 'Production')).code).toBe(0);
    }
    const json = await cliJson('environments');
    const production = (json.document as Array<{ name: string; integrationPackEnvironmentAttachment: object[] }>).find(
      (e) => e.name === 'Production',
    )!;
    const attachments = production.integrationPackEnvironmentAttachment as Array<{
      id: string;
      integrationPackInstanceId: string;
    }>;
    expect(attachments).toHaveLength(5);
    const table = await cli('environments');
    expect(table.stdout).not.toContain('characters)');
    for (const { id, integrationPackInstanceId } of attachments)
      expect(table.stdout).toMatch(new RegExp(`│ ${integrationPackInstanceId} +│ ${id} +│\n`));
  });
});

describe('install', () => {
  it('installs a SINGLE pack, then reports "already installed" without sending an install', async () => {
    const first = await cli('install', DEMO.packs.orderIntake, '--space', DEMO.spaceId);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/Installed pack .* as instance \S+/);
    const again = await cliJson('install', DEMO.packs.orderIntake);
    expect(again.code).toBe(0);
    expect(again.document).toMatchObject({
      status: 'already-installed',
      instance: { integrationPackId: DEMO.packs.orderIntake },
    });
    const human = await cli('install', DEMO.packs.orderIntake);
    expect(human.stdout).toContain('Already installed');
    expect(simulator.platform.state.instances).toHaveLength(1);
  });

  it('installs a MULTI pack per name, and a name already there is "already installed"', async () => {
    const eu = await cliJson('install', DEMO.packs.invoiceSync, '--name', 'EU', '--space', DEMO.spaceId);
    expect(eu.document).toMatchObject({ status: 'installed', instance: { integrationPackOverrideName: 'EU' } });
    const us = await cliJson('install', DEMO.packs.invoiceSync, '--name', 'US');
    expect(us.document).toMatchObject({ status: 'installed' });
    const euAgain = await cliJson('install', DEMO.packs.invoiceSync, '--name', 'EU');
    expect(euAgain.document).toMatchObject({ status: 'already-installed' });
    expect(simulator.platform.state.instances).toHaveLength(2);
  });

  it.each([
    ['a MULTI pack without --name', [DEMO.packs.invoiceSync, '--space', DEMO.spaceId], 'INVALID_INPUT'],
    ['a SINGLE pack with --name', [DEMO.packs.orderIntake, '--name', 'x', '--space', DEMO.spaceId], 'INVALID_INPUT'],
    [
      'a pack the space does not share',
      [DEMO.packs.unsharedArchive, '--space', DEMO.spaceId],
      'IPACK_NOT_FOUND_IN_SPACE',
    ],
    ['a blank pack id', ['  '], 'INVALID_INPUT'],
  ])('refuses %s with exit 2 and installs nothing', async (_label, args, code) => {
    const run = await cli('install', ...args);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(code);
    expect(simulator.platform.state.instances).toEqual([]);
  });

  it('speaks the CLI’s flags, not the SDK’s fields', async () => {
    const multi = await cli('install', DEMO.packs.invoiceSync, '--space', DEMO.spaceId);
    expect(multi.stderr).toContain('is MULTI: --name is required to tell its instances apart');
    const single = await cli('install', DEMO.packs.orderIntake, '--name', 'x', '--space', DEMO.spaceId);
    expect(single.stderr).toContain('is SINGLE: --name is not allowed');
    expect(multi.stderr + single.stderr).not.toContain('integrationPackOverrideName');
  });

  it('refuses to install without a SPACE_GUID (it could not check for an existing instance)', async () => {
    const run = await runCli(['install', DEMO.packs.orderIntake], { env: { ...env, BOOMI_SPACE_GUID: '' } });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--space-guid');
    expect(simulator.platform.state.instances).toEqual([]);
  });

  it('checks the install type in the SPACE_GUID’s Space too, naming --name, before anything is sent', async () => {
    const multi = await cliJson('install', 'Customer Master Data');
    expect(multi.code).toBe(2);
    expect(multi.document).toEqual({
      error: {
        code: 'INVALID_INPUT',
        message: 'Integration pack "Customer Master Data" is MULTI: --name is required to tell its instances apart',
      },
    });
    const single = await cli('install', 'Order Intake', '--name', 'x');
    expect(single.code).toBe(2);
    expect(single.stderr).toContain('is SINGLE: --name is not allowed');
    expect(simulator.platform.state.instances).toEqual([]);
  });

  it('finds the --space by its name', async () => {
    const run = await cliJson('install', 'Order Intake', '--space', 'Demo_Space');
    expect(run).toMatchObject({ code: 0, document: { status: 'installed' } });
  });
});

describe('instances, attach, detach, uninstall', () => {
  it('walks an instance through its life', async () => {
    const installed = await cliJson('install', DEMO.packs.customerMaster, '--name', 'CRM');
    const instanceId = (installed.document as { instance: { id: string } }).instance.id;

    const list = await cli('instances');
    expect(list.stdout).toMatch(new RegExp(`${instanceId}\\s*│\\s*Customer Master Data\\s*│\\s*MULTI\\s*│\\s*CRM`));
    expect((await cliJson('instances')).document).toEqual([expect.objectContaining({ id: instanceId })]);

    const attached = await cliJson('attach', instanceId, '--env', DEMO.environments.prod, DEMO.environments.test);
    expect(attached.code).toBe(0);
    const attachments = attached.document as Array<{ id: string; environmentId: string }>;
    expect(attachments.map((a) => a.environmentId)).toEqual([DEMO.environments.prod, DEMO.environments.test]);
    expect((await cli('attach', instanceId, '--env', DEMO.environments.prod)).stdout).toContain(
      `Attached instance ${instanceId}`,
    );

    const detached = await cli('detach', attachments[0]!.id);
    expect(detached).toMatchObject({ code: 0, stdout: `Detached attachment ${attachments[0]!.id}.\n` });
    expect((await cliJson('detach', attachments[1]!.id)).document).toMatchObject({ detached: attachments[1]!.id });

    expect(await cliJson('uninstall', instanceId)).toMatchObject({ code: 0, document: { uninstalled: instanceId } });
    expect((await cli('instances')).stdout).toContain('No instances installed.');
  });

  it('unknown ids exit 1 with the platform’s code (2 when found unknown by the lookup, before any change)', async () => {
    // With SPACE_GUID the instance is looked up by id or name first: nothing is sent to uninstall.
    const uninstall = await cli('uninstall', 'SW52YWxpZA');
    expect(uninstall.code).toBe(2);
    expect(uninstall.stderr).toContain('error IPACK_INSTANCE_ID_INVALID: No instance has the id or name "SW52YWxpZA"');
    expect(uninstall.stderr).toContain('`boomi-spaces instances` lists them');
    // Without SPACE_GUID nothing could be looked up: refused before anything is sent, a name never sent as an id.
    const unlisted = await runCli(['uninstall', 'US invoices'], { env: { ...env, BOOMI_SPACE_GUID: '' } });
    expect(unlisted.code).toBe(2);
    expect(unlisted.stderr).toContain('--space-guid <id or name> or set BOOMI_SPACE_GUID');
    const detach = await cliJson('detach', 'SW52YWxpZA');
    expect(detach.code).toBe(1);
    expect(detach.document).toMatchObject({ error: { code: 'ATTACHMENT_ID_INVALID' } });
  });

  it('attach without --env is a usage error (exit 2)', async () => {
    const run = await cli('attach', 'abc');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      "boomi-spaces: error INVALID_USAGE: required option '--env <environment...>' not specified; see `boomi-spaces attach --help`",
    );
  });
});

describe('configuration and credentials', () => {
  it('a wrong API token exits 1 with AUTH_ERROR and never prints the token', async () => {
    const run = await runCli(['spaces'], { env: { ...env, BOOMI_API_TOKEN: 'wrong-token-value' } });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('AUTH_ERROR');
    expect(run.stderr + run.stdout).not.toContain('wrong-token-value');
  });

  it('missing credentials exit 2 and name what is missing', async () => {
    const run = await runCli(['spaces'], { env: cleanEnv({ BOOMI_ENDPOINT: simulator.url }) });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--account or BOOMI_ACCOUNT_ID');
    expect(run.stderr).toContain('BOOMI_API_TOKEN or --api-token-stdin');
  });

  it('reads the API token from stdin with --api-token-stdin', async () => {
    const run = await runCli(['spaces', '--api-token-stdin', '--json'], {
      env: { ...env, BOOMI_API_TOKEN: '' },
      input: `${DEMO.apiToken}\n`,
    });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toHaveLength(1);
  });

  it('flags win over the environment', async () => {
    const run = await runCli(
      ['spaces', '--account', DEMO.accountId, '--username', DEMO.username, '--endpoint', simulator.url],
      {
        env: {
          ...env,
          BOOMI_ACCOUNT_ID: 'someone-else',
          BOOMI_USERNAME: 'nobody@example.com',
          BOOMI_ENDPOINT: 'http://127.0.0.1:9/graphql',
        },
      },
    );
    expect(run.code).toBe(0);
  });

  it('uses a ready BOOMI_JWT', async () => {
    const basic = Buffer.from(`BOOMI_TOKEN.${DEMO.username}:${DEMO.apiToken}`).toString('base64');
    const jwt = await (
      await fetch(`${simulator.authUrl}/${DEMO.accountId}`, { headers: { authorization: `Basic ${basic}` } })
    ).text();
    const run = await runCli(['spaces', '--json'], {
      env: cleanEnv({ BOOMI_ENDPOINT: simulator.url, BOOMI_JWT: jwt }),
    });
    expect(run.code).toBe(0);
  });

  it('an unreachable endpoint exits 1 with NETWORK_ERROR naming the host and the system code', async () => {
    // A port that was just free: nothing listens there.
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const { port } = probe.address() as AddressInfo;
    await new Promise((resolve) => probe.close(resolve));
    const run = await runCli(['spaces'], {
      env: { ...env, BOOMI_ENDPOINT: `http://127.0.0.1:${port}/graphql`, BOOMI_JWT: 'a.b.c', BOOMI_API_TOKEN: '' },
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('NETWORK_ERROR');
    // The host it tried and the system's code, not just undici's "fetch failed".
    expect(run.stderr).toMatch(new RegExp(`cannot reach 127\\.0\\.0\\.1:${port}: .*\\(ECONNREFUSED\\)`));
  });

  it('a plain-http remote endpoint is refused before sending (exit 2)', async () => {
    const run = await runCli(['spaces'], { env: { ...env, BOOMI_ENDPOINT: 'http://platform.boomi.com/graphql' } });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('must use https');
  });

  it('an unknown command or option exits 2', async () => {
    expect((await cli('instal')).code).toBe(2);
    expect((await cli('spaces', '--colour')).code).toBe(2);
  });

  it.each([
    [['--json', 'spacs'], /unknown command 'spacs'/],
    [['--json', 'spaces', '--colour'], /unknown option '--colour'/],
    [['--json', 'attach', 'x'], /required option '--env <environment...>' not specified/],
    [['--json', 'apply', 'plan.yaml'], /confirm with --yes/],
  ])('--json covers usage errors too: %j', async (args, message) => {
    const run = await runCli(args, { env });
    expect(run.code).toBe(2);
    expect(JSON.parse(run.stdout)).toEqual({
      error: { code: 'INVALID_USAGE', message: expect.stringMatching(message) },
    });
  });
});
