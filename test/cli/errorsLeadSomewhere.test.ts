import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EventEmitter } from 'node:events';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { CommandUnknownOpts } from '@commander-js/extra-typings';
import { createContext } from '../../src/cli/context.js';
import { buildProgram } from '../../src/cli/program.js';
import { REGIONS } from '../../src/client/options.js';
import { DEMO } from '../../src/simulator/model/seed.js';
import type { RunningSimulator } from '../../src/simulator/server/startSimulator.js';
import { Capture, cleanEnv, runCli } from './support/inProcess.js';
import { demoEnv, useSimulator } from '../support/simulator.js';

const currentSimulator = useSimulator();
let simulator: RunningSimulator;
let env: NodeJS.ProcessEnv;
beforeAll(() => {
  simulator = currentSimulator();
  env = demoEnv(simulator, { BOOMI_SPACE_GUID: DEMO.spaceId });
});
const cli = (...args: string[]) => runCli(args, { env });
const work = mkdtempSync(join(tmpdir(), 'boomi-spaces-errors-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Every command of the tree as the words that reach it, the root's `[]` first: `['space', 'create']`. */
function commandPaths(): string[][] {
  const io = { stdout: new Capture(), stderr: new Capture(), env: {}, stdin: Readable.from([]) };
  const program = buildProgram(createContext({ ...io, signals: new EventEmitter() }, []));
  const walk = (command: CommandUnknownOpts, path: string[]): string[][] =>
    (command.commands as CommandUnknownOpts[]).flatMap((child) => {
      const here = [...path, child.name()];
      return [here, ...walk(child, here)];
    });
  return [[], ...walk(program, [])];
}

describe('help', () => {
  const paths = commandPaths();
  it('walks a tree of every command', () => {
    expect(paths).toEqual(
      expect.arrayContaining([[], ['spaces'], ['space', 'create'], ['schema', 'diff'], ['catalog'], ['space', 'help']]),
    );
  });

  it('the root’s examples are commands’ own examples', async () => {
    const root = await cli('--help');
    const lines = [...root.stdout.split('\nExamples:\n')[1]!.matchAll(/^ {2}\$ boomi-spaces (.+)$/gm)].map(
      (m) => m[1]!,
    );
    expect(lines.length).toBeGreaterThanOrEqual(5);
    for (const line of lines) {
      const words = line.split(' ');
      const path = paths.filter((p) => p.length > 0 && p.every((w, i) => words[i] === w)).at(-1)!;
      expect((await cli(...path, '--help')).stdout).toContain(`$ boomi-spaces ${line}\n`);
    }
  });

  it.each([
    [['help', 'fleet', 'plan'], 'Usage: boomi-spaces fleet plan [options] <file>'],
    [['fleet', 'help', 'plan'], 'Usage: boomi-spaces fleet plan [options] <file>'],
    [['space', 'help'], 'Usage: boomi-spaces space [options] [command] <space>'],
    [['space', 'help', 'create'], 'Usage: boomi-spaces space create [options]'],
    [['help'], 'Usage: boomi-spaces [options] [command]'],
  ])('`%j`: that help on stdout, exit 0 (`space help` is not a Space called "help")', async (args, usage) => {
    const run = await cli(...args);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout.startsWith(`${usage}\n`)).toBe(true);
  });

  it.each(paths.map((path) => [['boomi-spaces', ...path].join(' '), path]))(
    '`%s --help` shows examples and lists its subcommands',
    async (_name, path) => {
      const run = await cli(...(path as string[]), '--help');
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(/\nExamples:\n {2}\$ boomi-spaces \S/);
      const io = { stdout: new Capture(), stderr: new Capture(), env: {}, stdin: Readable.from([]) };
      let command = buildProgram(createContext({ ...io, signals: new EventEmitter() }, []));
      for (const word of path as string[])
        command = (command.commands as CommandUnknownOpts[]).find((c) => c.name() === word)!;
      for (const sub of command.commands as CommandUnknownOpts[])
        expect(run.stdout).toMatch(new RegExp(`\\n {2}${sub.name()}\\b`));
    },
  );

  it('the root help says which endpoint is the default and offers --region', async () => {
    const run = await cli('--help');
    expect(run.stdout).toContain('default https://platform.boomi.com/graphql');
    expect(run.stdout).toContain('--region <region>');
  });
});

describe('commander’s own errors in the documented format', () => {
  it.each([
    [['spaces', '--colour'], "unknown option '--colour'; see `boomi-spaces spaces --help`"],
    [['space'], "missing required argument 'space'; see `boomi-spaces space --help`"],
    [['spacs'], "unknown command 'spacs' (did you mean one of space, spaces?); see `boomi-spaces --help`"],
    [['help', 'spacs'], "unknown command 'spacs' (did you mean one of space, spaces?); see `boomi-spaces --help`"],
    [['help', 'nosuch'], "unknown command 'nosuch'; see `boomi-spaces --help`"],
    [['help', 'fleet', 'pln'], "unknown command 'pln' (did you mean plan?); see `boomi-spaces fleet --help`"],
    [['space', 'help', 'craete'], "unknown command 'craete' (did you mean create?); see `boomi-spaces space --help`"],
    // An option's value is no command: the help named is that of the command commander stopped in.
    [['--space-guid', 'demo', 'spaces', '--colour'], "unknown option '--colour'; see `boomi-spaces spaces --help`"],
    [['--endpoint', 'fleet', 'nosuch'], "unknown command 'nosuch'; see `boomi-spaces --help`"],
    [
      ['simulator', '--dialect', 'x'],
      "option '--dialect <names>' argument 'x' is invalid. Allowed choices are help, reference; see `boomi-spaces simulator --help`",
    ],
  ])('%j: one line on stderr, exit 2; with --json the error document on stdout', async (args, message) => {
    const text = await cli(...args);
    expect(text).toEqual({ code: 2, stdout: '', stderr: `boomi-spaces: error INVALID_USAGE: ${message}\n` });
    const json = await cli(...args, '--json');
    expect(json.code).toBe(2);
    expect(JSON.parse(json.stdout)).toEqual({ error: { code: 'INVALID_USAGE', message } });
  });
});

describe('a missing command is a usage error', () => {
  it.each([
    [[], 'missing command; see `boomi-spaces --help`', 'Usage: boomi-spaces [options] [command]'],
    [
      ['fleet'],
      'missing command (plan, apply, status or watch); see `boomi-spaces fleet --help`',
      'Usage: boomi-spaces fleet [options] [command]',
    ],
    [['catalog'], 'missing command (search); see `boomi-spaces catalog --help`', 'Usage: boomi-spaces catalog'],
  ])(
    '%j: the help on stderr, then the error; exit 2; with --json the error document alone on stdout',
    async (args, message, usage) => {
      const text = await cli(...args);
      expect(text.code).toBe(2);
      expect(text.stdout).toBe('');
      expect(text.stderr.startsWith(`${usage}`)).toBe(true);
      expect(text.stderr.endsWith(`\nboomi-spaces: error INVALID_USAGE: ${message}\n`)).toBe(true);
      const json = await cli('--json', ...args);
      expect(json.code).toBe(2);
      expect(JSON.parse(json.stdout)).toEqual({ error: { code: 'INVALID_USAGE', message } });
      expect(json.stderr.startsWith(usage)).toBe(true);
    },
  );
});

describe('--api-token', () => {
  it('is refused, naming --api-token-stdin and BOOMI_API_TOKEN; its value is neither a command nor echoed', async () => {
    for (const args of [
      ['--api-token', 'demo', 'spaces'],
      ['--api-token=s3cr3t-token', 'spaces'],
    ]) {
      const run = await cli(...args);
      expect(run).toMatchObject({ code: 2, stdout: '' });
      expect(run.stderr).toMatch(/^boomi-spaces: error INVALID_USAGE: the API token is never an option’s value/);
      expect(run.stderr).toContain('--api-token-stdin');
      expect(run.stderr).toContain('BOOMI_API_TOKEN');
      expect(run.stderr).not.toContain('demo');
      expect(run.stderr).not.toContain('s3cr3t');
    }
    expect((await cli('--help')).stdout).not.toContain('--api-token <');
  });
});

describe('foreseeable OS errors are usage errors naming the next step', () => {
  it('a port in use: exit 2, the port and --port', async () => {
    const busy = createServer();
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
    const { port } = busy.address() as AddressInfo;
    try {
      const run = await cli('simulator', '--port', String(port));
      expect(run.code).toBe(2);
      expect(run.stderr).toBe(
        `boomi-spaces: error INVALID_USAGE: port ${port} is in use (127.0.0.1:${port}): stop what listens there, or pick another with --port <port> (--port 0 picks a free one)\n`,
      );
    } finally {
      busy.close();
    }
  });

  it('a missing or unreadable file for `schema diff`: exit 2 with the path', async () => {
    const missing = join(work, 'missing.graphql');
    const run = await cli('schema', 'diff', missing, '--json');
    expect(run.code).toBe(2);
    expect(JSON.parse(run.stdout)).toEqual({
      error: { code: 'INVALID_USAGE', message: `no such file or directory: ${missing}; check the path` },
    });
    const directory = await cli('schema', 'diff', work);
    expect(directory.code).toBe(2);
    // Node's EISDIR from readFileSync names no path.
    expect(directory.stderr).toBe('boomi-spaces: error INVALID_USAGE: the path is a directory; give a file\n');
  });
});

describe('API errors say what to do next, without repeating their code', () => {
  // Every command that sends an operation declared `# @needsSpaceGuid` refuses before sending anything.
  it.each([
    ['instances'],
    ['environments'],
    ['attach', 'US invoices', '--env', 'Production'],
    ['detach', 'att-1'],
    ['processes', 'US invoices'],
    ['extensions', 'US invoices', '--env', 'Production'],
    ['configure', 'US invoices', '--env', 'Production', '--set', 'SFTP.host=x'],
    ['schedule', 'US invoices', '--process', 'Invoice export', '--clear'],
    ['run', 'US invoices', '--process', 'Invoice export'],
    ['accounts'],
    ['executions', 'US invoices', '--process', 'Invoice export'],
    ['executions', '--watch'],
    ['install', 'Order Intake'],
    ['uninstall', 'US invoices'],
  ])(
    'no SPACE_GUID: `%s …` is a usage error naming --space-guid and BOOMI_SPACE_GUID, nothing sent',
    async (...args) => {
      simulator.stats.operations = {};
      const run = await runCli([...args, '--json'], { env: { ...env, BOOMI_SPACE_GUID: '' } });
      expect(JSON.parse(run.stdout)).toEqual({
        error: {
          code: 'INVALID_USAGE',
          message:
            'this command works in a Space: give --space-guid <id or name> or set BOOMI_SPACE_GUID ' +
            '(`boomi-spaces spaces` lists them); nothing was sent',
        },
      });
      expect(run.code).toBe(2);
      expect(simulator.stats.operations).toEqual({});
    },
  );

  it('a refused JWT: the CLI’s flags and variables in place of the SDK’s options', async () => {
    const run = await runCli(['spaces'], { env: cleanEnv({ BOOMI_ENDPOINT: simulator.url, BOOMI_JWT: 'not-a-jwt' }) });
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      'boomi-spaces: error UNAUTHORIZED: listSpaces failed: Downstream Execution Error: Unauthorized (HTTP 401); ' +
        'check --account/BOOMI_ACCOUNT_ID, --username/BOOMI_USERNAME and BOOMI_API_TOKEN (or BOOMI_JWT), ' +
        'and --auth-url/BOOMI_AUTH_URL or --region/BOOMI_REGION\n',
    );
  });

  it('an unknown Space: the code once, and where to look', async () => {
    const run = await cli('space', 'nope', '--json');
    const { error } = JSON.parse(run.stdout) as { error: { code: string; message: string } };
    expect(error.code).toBe('SPACE_NOT_FOUND');
    expect(error.message).not.toContain('SPACE_NOT_FOUND');
    expect(error.message).toBe(
      `No Space has the id or name "nope"; known: "Demo_Space" (${DEMO.spaceId}); \`boomi-spaces spaces\` lists them`,
    );
    // The platform's own SPACE_NOT_FOUND (an install checked against an unknown Space id) says where to look too.
    const install = await cli('install', 'Order Intake', '--space', '00000000-0000-4000-8000-000000000000');
    expect(install.stderr).toMatch(
      /^boomi-spaces: error SPACE_NOT_FOUND: .*; `boomi-spaces spaces` lists the Spaces you can see\n$/,
    );
  });

  it('a Space by name', async () => {
    const run = await cli('space', 'Demo_Space', '--json');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ id: DEMO.spaceId, name: 'Demo_Space' });
  });

  it('missing credentials name the flags and variables', async () => {
    const run = await runCli(['spaces'], { env: cleanEnv({ BOOMI_ENDPOINT: simulator.url }) });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--account or BOOMI_ACCOUNT_ID');
    expect(run.stderr).toContain('(or set BOOMI_JWT to a ready JWT)');
  });
});

describe('names or ids, one rule', () => {
  it('--space-guid and BOOMI_SPACE_GUID take a Space by name; an unknown one lists the Spaces, nothing else sent', async () => {
    const byFlag = await runCli(['instances', '--space-guid', 'Demo_Space', '--json'], {
      env: { ...env, BOOMI_SPACE_GUID: '' },
    });
    expect(byFlag.stderr).toBe('');
    expect(JSON.parse(byFlag.stdout)).toEqual([]);
    const byVariable = await runCli(['install', 'Order Intake', '--json'], {
      env: { ...env, BOOMI_SPACE_GUID: 'Demo_Space' },
    });
    expect(JSON.parse(byVariable.stdout)).toMatchObject({ status: 'installed' });

    simulator.stats.operations = {};
    const unknown = await runCli(['instances', '--space-guid', 'Nope', '--json'], { env });
    expect(unknown.code).toBe(2);
    expect(JSON.parse(unknown.stdout)).toEqual({
      error: {
        code: 'SPACE_NOT_FOUND',
        message: `No Space has the id or name "Nope"; known: "Demo_Space" (${DEMO.spaceId}); \`boomi-spaces spaces\` lists them`,
      },
    });
    expect(Object.keys(simulator.stats.operations)).toEqual(['listSpaces']);
  });

  it('contract check --space: by name; an unknown name is a usage error listing the Spaces', async () => {
    const byName = await cli('contract', 'check', '--space', 'Demo_Space', '--json');
    expect(byName.code).toBe(0);
    const unknown = await cli('contract', 'check', '--space', 'nope-nope');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('No Space has the id or name "nope-nope"; known: "Demo_Space"');
    expect(unknown.stdout).not.toContain('drift: none');
  });

  it('install by pack name, attach and configure by instance and environment names', async () => {
    const install = await cli('install', 'Invoice Sync', '--name', 'EU invoices', '--json');
    expect(install.code).toBe(0);
    const { instance } = JSON.parse(install.stdout) as { instance: { id: string; integrationPackId: string } };
    expect(instance.integrationPackId).toBe(DEMO.packs.invoiceSync);

    const notAttached = await cli('configure', 'EU invoices', '--env', 'Production', '--set', 'SFTP.host=h');
    expect(notAttached.code).toBe(2);
    expect(notAttached.stderr).toContain(
      'Instance EU invoices has no settings in Production: attach it there first with `boomi-spaces attach "EU invoices" --env Production`',
    );

    const attach = await cli('attach', 'EU invoices', '--env', 'Production', 'Test', '--json');
    expect(attach.code).toBe(0);
    expect(JSON.parse(attach.stdout)).toEqual([
      expect.objectContaining({ environmentId: DEMO.environments.prod, integrationPackInstanceId: instance.id }),
      expect.objectContaining({ environmentId: DEMO.environments.test, integrationPackInstanceId: instance.id }),
    ]);
    const configure = await cli('configure', 'EU invoices', '--env', 'Production', '--set', 'SFTP.host=h');
    expect(configure.code).toBe(0);
    const byId = await cli('processes', instance.id, '--json');
    expect(await cli('processes', 'EU invoices', '--json')).toEqual(byId);

    const detach = await cli('detach', 'EU invoices', '--env', 'Test');
    expect(detach.code).toBe(0);
    const again = await cli('detach', 'EU invoices', '--env', 'Test');
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('Instance EU invoices is not attached to Test: nothing to detach');
  });

  it('a name several instances share is refused with their ids; an unknown one lists what there is', async () => {
    for (const name of ['a', 'b']) await cli('install', 'Invoice Sync', '--name', name);
    await cli('install', 'Order Intake');
    const unknown = await cli('uninstall', 'Nope');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(
      /^boomi-spaces: error IPACK_INSTANCE_ID_INVALID: No instance has the id or name "Nope"; known: "a" \(/,
    );
    expect(unknown.stderr).toContain('`boomi-spaces instances` lists them');
    const unshared = await cli('install', 'Archive');
    expect(unshared.code).toBe(2);
    expect(unshared.stderr).toContain(
      'error IPACK_NOT_FOUND_IN_SPACE: No pack shared by Space "Demo_Space" has the id or name "Archive"',
    );
  });
});

describe('--region and BOOMI_REGION', () => {
  it('a bad region is a usage error naming where it came from', async () => {
    const run = await runCli(['--region', 'mars', 'catalog', 'search', 'x'], { env: cleanEnv() });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--region must be one of us, gb, not "mars"');
  });

  // The simulator's export line pasted by a GB user: the explicit URLs win, as docs/cli.md says.
  it.each([
    [[], { BOOMI_REGION: 'gb' }],
    [['--region', 'gb'], {}],
    [['--endpoint', 'ENDPOINT', '--region', 'us'], { BOOMI_REGION: 'gb' }],
  ])('%j with %j: the explicit endpoint and auth URL win over the region', async (args, extra) => {
    const words = args.map((word) => (word === 'ENDPOINT' ? simulator.url : word));
    const run = await runCli([...words, 'spaces', '--json'], { env: { ...env, ...extra } });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
  });

  it('a region still gives what is not explicit: its JWT URL beside an explicit endpoint', async () => {
    const { resolveConnection } = await import('../../src/cli/config.js');
    const connection = await resolveConnection(
      { endpoint: 'https://gateway.example/graphql' },
      { BOOMI_REGION: 'gb', BOOMI_JWT: 'x.y.z' },
      Readable.from([]),
    );
    expect(connection.endpoint).toBe('https://gateway.example/graphql');
    expect(connection.authUrl).toBe(REGIONS.gb.authUrl);
  });
});
