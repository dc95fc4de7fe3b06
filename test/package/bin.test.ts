// `boomi-spaces` as a user runs it: the packed tarball's "bin" linked as npm links it
// (node_modules/.bin/boomi-spaces → the file package.json names, made executable) and started through
// its shebang. --help comes from the launcher alone; everything else reaches the CLI, an ES module,
// through the launcher's import() of the tarball's own files.
import { spawn } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import { delimiter, dirname, join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DEMO } from '../../src/simulator/model/seed.js';
import { cleanEnv, outputOf, type CliRun } from '../support/cli.js';
import { installPacked, type PackedConsumer } from '../support/packedConsumer.js';
import { demoEnv, useSimulator } from '../support/simulator.js';

const simulator = useSimulator();
let consumer: PackedConsumer;
let link: string;
let manifest: { version: string; bin: Record<string, string> };

beforeAll(() => {
  consumer = installPacked('.', 'boomi-spaces');
  manifest = JSON.parse(readFileSync(join(consumer.installed, 'package.json'), 'utf8')) as typeof manifest;
  // What npm's bin-links does on install: a relative symlink in node_modules/.bin, target executable.
  const target = join(consumer.installed, manifest.bin['boomi-spaces']!);
  link = join(consumer.app, 'node_modules/.bin/boomi-spaces');
  mkdirSync(dirname(link), { recursive: true });
  symlinkSync(relative(dirname(link), target), link);
  chmodSync(target, 0o755);
});
afterAll(() => consumer.remove());

/** Runs the linked bin in the consumer's folder, this test's node first on the PATH (for the shebang's `env node`). */
function boomiSpaces(args: string[], env: NodeJS.ProcessEnv = cleanEnv()): Promise<CliRun> {
  const child = spawn(link, args, {
    cwd: consumer.app,
    env: { ...env, NODE_OPTIONS: '', PATH: `${dirname(process.execPath)}${delimiter}${env.PATH ?? ''}` },
  });
  child.stdin?.end();
  return outputOf(child);
}

// NODE_DEBUG=esm makes Node's ES module loader log each step on stderr: silence means it never started.
const tracingEsm = cleanEnv({ NODE_DEBUG: 'esm' });
const ESM_TRACE = /^ESM \d+: /m;

describe('the packed boomi-spaces bin', () => {
  it('prints the built help for --help and -h, exit 0, without starting the ES module loader', async () => {
    const help = readFileSync(join(consumer.installed, 'dist/cli/help.txt'), 'utf8');
    expect(help).toMatch(/^Usage: boomi-spaces \[options\] \[command\]/);
    const [long, short] = await Promise.all([boomiSpaces(['--help'], tracingEsm), boomiSpaces(['-h'], tracingEsm)]);
    expect(long).toEqual({ code: 0, stdout: help, stderr: '' });
    expect(short).toEqual({ code: 0, stdout: help, stderr: '' });
  });

  it('hands --version to the CLI, which loads as an ES module through import()', async () => {
    const run = await boomiSpaces(['--version'], tracingEsm);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(`${manifest.version}\n`);
    // The same trace that stayed silent for --help: the CLI's start-up did go through the loader.
    expect(run.stderr).toMatch(ESM_TRACE);
    expect(run.stderr).toContain('dist/cli/start.js');
  });

  it('runs a command against a server: the command and the SDK load from the tarball', async () => {
    const run = await boomiSpaces(['spaces', '--json'], demoEnv(simulator()));
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(JSON.parse(run.stdout)).toEqual([expect.objectContaining({ id: DEMO.spaceId })]);
  });

  it('fails in the documented format and exit codes: 2 for usage, 1 for the API', async () => {
    const [unknown, noCredentials, wrongToken] = await Promise.all([
      boomiSpaces(['no-such-command']),
      boomiSpaces(['spaces', '--json']),
      boomiSpaces(['spaces'], demoEnv(simulator(), { BOOMI_API_TOKEN: 'wrong-token-value' })),
    ]);
    expect(unknown).toMatchObject({ code: 2, stdout: '' });
    expect(unknown.stderr).toMatch(/^boomi-spaces: error INVALID_USAGE: unknown command 'no-such-command'/);
    expect(noCredentials.code).toBe(2);
    expect(JSON.parse(noCredentials.stdout)).toEqual({ error: expect.objectContaining({ code: 'INVALID_USAGE' }) });
    expect(noCredentials.stderr).toContain('--account or BOOMI_ACCOUNT_ID');
    expect(wrongToken.code).toBe(1);
    expect(wrongToken.stderr).toMatch(/^boomi-spaces: error AUTH_ERROR/);
    expect(wrongToken.stderr + wrongToken.stdout).not.toContain('wrong-token-value');
  });
});
