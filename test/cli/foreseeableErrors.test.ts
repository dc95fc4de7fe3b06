// Mistakes a newcomer makes (a file that is not a schema, a port out of range, a host that does not
// resolve, a missing plan, an endpoint that is not a URL) are usage errors, exit 2, naming the file,
// flag or variable and what to do; never UNEXPECTED ("this is a bug"). One mapping: failure.ts.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { reportFailure } from '../../src/cli/failure.js';
import { withNextStep } from '../../src/cli/nextSteps.js';
import { Output } from '../../src/cli/output.js';
import type { RunningSimulator } from '../../src/simulator/server/startSimulator.js';
import { demoEnv, useSimulator } from '../support/simulator.js';
import { Capture, cleanEnv, runCli } from './support/inProcess.js';

const work = mkdtempSync(join(tmpdir(), 'boomi-spaces-foreseeable-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const file = (name: string, text: string) => {
  const path = join(work, name);
  writeFileSync(path, text);
  return path;
};
const usage = (message: string) => `boomi-spaces: error INVALID_USAGE: ${message}\n`;
const SCHEMA_STEP = 'give a GraphQL schema in SDL, as `boomi-spaces schema pull --out <file>` writes one';

describe('schema diff: a file that is not a schema names itself, where, and what to give', () => {
  let schema: string;
  beforeAll(() => {
    schema = file('new.graphql', 'type Query { a: Int }\n');
  });

  it.each([
    ['YAML', 'bad.yaml', 'x: 1\n', ':1:1: Syntax Error: Unexpected Name "x"'],
    ['JSON', 'bad.json', '{"a": 1}\n', ':1:2: Syntax Error: Expected Name, found String "a"'],
    ['an empty file', 'empty.graphql', '\n', ' holds no GraphQL'],
    // A snapshot's header is cut before parsing: the line is still the file's own.
    [
      'a snapshot with a bad body',
      'headed.graphql',
      '# source: x\n# date: y\n\ntype {\n',
      ':4:6: Syntax Error: Expected Name, found "{"',
    ],
    ['an unknown type', 'unknown.graphql', 'type Query { a: Foo }\n', ': Unknown type "Foo"'],
  ])('%s, as the candidate or as --against: exit 2', async (_what, name, text, problem) => {
    const bad = file(name, text);
    const message = `${bad}${problem}; ${SCHEMA_STEP}`;
    expect(await runCli(['schema', 'diff', bad])).toEqual({ code: 2, stdout: '', stderr: usage(message) });
    const against = await runCli(['schema', 'diff', schema, '--against', bad, '--json']);
    expect(against.code).toBe(2);
    expect(JSON.parse(against.stdout)).toEqual({ error: { code: 'INVALID_USAGE', message } });
  });

  it('an --operations folder with a file that does not parse names it, with line and column', async () => {
    const operations = join(work, 'operations');
    mkdirSync(operations);
    file('operations/a.graphql', 'query A { a }\n');
    const bad = file('operations/b.graphql', 'query B {\n');
    const run = await runCli(['schema', 'diff', schema, '--against', schema, '--operations', operations]);
    expect(run).toEqual({
      code: 2,
      stdout: '',
      stderr: usage(
        `${bad}:2:1: Syntax Error: Expected Name, found <EOF>; fix the operation, or give --operations a folder of valid ones`,
      ),
    });
  });

  it('an --operations folder without a .graphql file is refused, not "unaffected"', async () => {
    const empty = join(work, 'no-operations');
    mkdirSync(empty);
    file('no-operations/notes.txt', 'not an operation');
    const run = await runCli(['schema', 'diff', schema, '--against', schema, '--operations', empty]);
    expect(run).toEqual({
      code: 2,
      stdout: '',
      stderr: usage(`${empty} holds no .graphql file; give --operations the folder of your operations, one per file`),
    });
  });
});

describe('--port is checked when the flag is parsed, the same for every command', () => {
  it.each([
    ['console', '70000'],
    ['simulator', '99999'],
    ['simulator', '-1'],
    ['console', '80.5'],
  ])('%s --port %s: exit 2 naming the range', async (command, port) => {
    const run = await runCli([command, ...(command === 'console' ? ['--simulator'] : []), '--port', port]);
    expect(run).toEqual({
      code: 2,
      stdout: '',
      stderr: usage(
        `option '--port <port>' argument '${port}' is invalid. --port must be a whole number from 0 to 65535; see \`boomi-spaces ${command} --help\``,
      ),
    });
  });
});

describe('plans and fleets: a file that cannot be read is worded as everywhere, naming where it was named', () => {
  it('`plan` and `fleet plan` of a missing file', async () => {
    const missing = join(work, 'nope.yaml');
    const plan = await runCli(['plan', missing]);
    expect(plan).toEqual({
      code: 2,
      stdout: '',
      stderr: `boomi-spaces: error INVALID_PLAN: no such file or directory: ${missing}; check the path\n`,
    });
    const fleet = await runCli(['fleet', 'plan', missing]);
    expect(fleet.stderr).toBe(
      `boomi-spaces: error INVALID_FLEET: no such file or directory: ${missing}; check the path\n`,
    );
  });

  it('a fleet whose `plan:` is missing names the fleet file, its line and the key', async () => {
    const fleet = file(
      'fleet.yaml',
      'accounts:\n  - { id: a, spaceGuid: g, credentials: { username: u, apiToken: { fromEnv: T } } }\nplan: nplan.yaml\n',
    );
    const run = await runCli(['fleet', 'plan', fleet], { env: cleanEnv({ T: 'token' }) });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      `boomi-spaces: error INVALID_FLEET: ${fleet}:3: plan: no such file or directory: ${join(work, 'nplan.yaml')}; check the path\n`,
    );
  });

  it('`fleet apply` where the journal cannot be written says to run it from another folder', async () => {
    const dir = mkdtempSync(join(work, 'apply-'));
    writeFileSync(join(dir, 'plan.yaml'), 'space: g\ninstances: []\n');
    writeFileSync(
      join(dir, 'fleet.yaml'),
      'plan: plan.yaml\naccounts:\n  - { id: a, spaceGuid: g, credentials: { username: u, apiToken: { fromEnv: T } } }\n',
    );
    // A file where the journal's folder goes: as good as a folder one cannot write to, even as root.
    writeFileSync(join(dir, '.boomi-fleet'), '');
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      // Nothing is sent before the journal opens: the endpoint is never reached.
      const env = cleanEnv({ T: 'token', BOOMI_ENDPOINT: 'http://127.0.0.1:9/graphql' });
      const run = await runCli(['fleet', 'apply', 'fleet.yaml', '--yes'], { env });
      expect(run).toEqual({
        code: 2,
        stdout: '',
        stderr:
          "boomi-spaces: error INVALID_FLEET: cannot write the fleet's journal: .boomi-fleet exists already; " +
          'run it from another folder, one you can write to (the journal goes in .boomi-fleet there)\n',
      });
    } finally {
      process.chdir(cwd);
    }
  });
});

describe('an endpoint that is not a URL names the flag, its variable and a valid value', () => {
  it.each([
    [['--endpoint', 'notaurl'], {}, '--endpoint / BOOMI_ENDPOINT', 'https://platform.boomi.com/graphql'],
    [[], { BOOMI_ENDPOINT: 'notaurl' }, '--endpoint / BOOMI_ENDPOINT', 'https://platform.boomi.com/graphql'],
    [['--auth-url', 'nope'], {}, '--auth-url / BOOMI_AUTH_URL', 'https://api.boomi.com/auth/jwt/generate'],
    [[], { BOOMI_AUTH_URL: 'nope' }, '--auth-url / BOOMI_AUTH_URL', 'https://api.boomi.com/auth/jwt/generate'],
  ])('%j %j', async (args, env, names, example) => {
    const credentials = { BOOMI_ACCOUNT_ID: 'a', BOOMI_USERNAME: 'u', BOOMI_API_TOKEN: 't' };
    const run = await runCli([...args, 'spaces'], { env: cleanEnv({ ...credentials, ...env }) });
    expect(run).toEqual({
      code: 2,
      stdout: '',
      stderr: usage(`${names} is not an absolute URL; give a whole URL such as ${example}, or --region/BOOMI_REGION`),
    });
  });

  it('fleet commands read --auth-url as the others do', async () => {
    const dir = mkdtempSync(join(work, 'auth-url-'));
    writeFileSync(join(dir, 'plan.yaml'), 'space: g\ninstances: []\n');
    const fleet = join(dir, 'fleet.yaml');
    writeFileSync(
      fleet,
      'plan: plan.yaml\naccounts:\n  - { id: a, spaceGuid: g, credentials: { username: u, apiToken: { fromEnv: T } } }\n',
    );
    const run = await runCli(['fleet', 'plan', fleet, '--auth-url', 'nope'], { env: cleanEnv({ T: 'token' }) });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('INVALID_USAGE: --auth-url / BOOMI_AUTH_URL is not an absolute URL');
  });
});

describe('a connection closed before the answer is not an unreachable host', () => {
  const currentSimulator = useSimulator();
  let simulator: RunningSimulator;
  beforeAll(() => {
    simulator = currentSimulator();
  });

  it('says the server was reached and closed it, not to check --endpoint', async () => {
    simulator.faults.set({ dropAfterExecuteRate: 1 });
    const run = await runCli(['spaces'], { env: demoEnv(simulator) });
    expect(run.code).toBe(1);
    const host = new URL(simulator.url).host;
    expect(run.stderr).toMatch(
      new RegExp(
        `^boomi-spaces: error NETWORK_ERROR: listSpaces: network error: ${host} closed the connection before answering: .*; the server was reached, but the connection ended before its answer: try again`,
      ),
    );
    expect(run.stderr).not.toContain('cannot reach');
    expect(run.stderr).not.toContain('--endpoint');
  });

  it('a failure that did not close an open connection (TLS to a plain server) still points at --endpoint', () => {
    const message =
      'listSpaces: network error: the connection to 127.0.0.1:4000 failed: fetch failed (ERR_SSL_WRONG_VERSION_NUMBER)';
    // As the executor makes it: sent, so it may have run, yet no server answered.
    const error = { code: 'NETWORK_ERROR', mayHaveExecuted: true };
    const told = withNextStep(error, message);
    expect(told).toContain('--endpoint');
    expect(told).not.toContain('the server was reached');
  });
});

describe('OS errors of servers and files, as Node makes them', () => {
  /** What the one mapping prints for `error`, and the exit code. */
  async function reported(error: unknown) {
    const stderr = new Capture();
    const code = await reportFailure(error, new Output(false, new Capture(), stderr));
    return { code, stderr: stderr.text };
  }

  it('a --host that is not an address of this machine, named even without a port', async () => {
    const error = Object.assign(new Error('listen EADDRNOTAVAIL: address not available 8.8.8.8'), {
      code: 'EADDRNOTAVAIL',
      syscall: 'listen',
      address: '8.8.8.8',
    });
    const { code, stderr } = await reported(error);
    expect(code).toBe(2);
    expect(stderr).toContain('cannot listen on 8.8.8.8: it is not an address of this machine; check --host');
  });

  it('a --host that does not resolve (as listen fails: no lookup is made here)', async () => {
    const error = Object.assign(new Error('getaddrinfo ENOTFOUND nosuch.invalid'), {
      code: 'ENOTFOUND',
      syscall: 'getaddrinfo',
      hostname: 'nosuch.invalid',
    });
    expect(await reported(error)).toEqual({
      code: 2,
      stderr: usage(
        'cannot listen on nosuch.invalid: the host name does not resolve; check --host (an address of this machine, such as 127.0.0.1)',
      ),
    });
  });

  it.each([
    ['EACCES', 'open', 'no permission to use /x/plan.yaml; check its permissions or pick another path'],
    ['EROFS', 'mkdir', '/x/plan.yaml is on a read-only file system; pick another path'],
  ])('%s on a file (root reads any file: made by hand)', async (code, syscall, message) => {
    const error = Object.assign(new Error(`${code}: ${syscall} '/x/plan.yaml'`), {
      code,
      syscall,
      path: '/x/plan.yaml',
    });
    expect(await reported(error)).toEqual({ code: 2, stderr: usage(message) });
  });
});
