import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { beforeAll, describe, expect, it } from '@jest/globals';
import { CLI, cleanEnv } from '../support/cli.js';
import { runCli, type CliRun } from './support/inProcess.js';
import { DEMO } from '../../src/simulator/model/seed.js';

// The built CLI as a process where the process matters (signals); in-process otherwise.
describe('boomi-spaces simulator', () => {
  it('listens, prints its URLs and the demo account, serves the CLI, and stops on SIGTERM', async () => {
    const child = spawn(process.execPath, [CLI, 'simulator', '--port', '0', '--latency', '1', '--seed', '7'], {
      env: cleanEnv(),
    });
    let stdout = '';
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString();
        const match = /GraphQL endpoint: (http:\/\/127\.0\.0\.1:\d+\/graphql)/.exec(stdout);
        if (match && stdout.includes('Press Ctrl+C')) resolve(match[1]!);
      });
      child.once('exit', (code) => reject(new Error(`simulator exited early (${code}): ${stdout}`)));
    });
    try {
      expect(stdout).toContain('account demo-account, user demo@example.com, API token demo-token');
      expect(stdout).toMatch(/Order Intake\s*│\s*SINGLE/);
      expect(stdout).toContain('BOOMI_SPACE_GUID=');
      const run = await runCli(['spaces', '--json'], {
        env: cleanEnv({
          BOOMI_ENDPOINT: url,
          BOOMI_AUTH_URL: url.replace('/graphql', '/auth/jwt/generate'),
          BOOMI_ACCOUNT_ID: 'demo-account',
          BOOMI_USERNAME: 'demo@example.com',
          BOOMI_API_TOKEN: 'demo-token',
        }),
      });
      expect(run.code).toBe(0);
    } finally {
      child.kill('SIGTERM');
    }
    const [code] = (await once(child, 'exit')) as [number | null];
    expect(code).toBe(0);
  });

  it('refuses a bad flag value with exit 2', async () => {
    const run = await runCli(['simulator', '--fail-rate', '3']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('a rate is a number from 0 to 1');
  });
});

describe('boomi-spaces demo (npm start)', () => {
  // In-process: the built CLI runs the demo as printed in test/docs/printedCommands.test.ts.
  // The three demos run side by side, each with its own simulators: most of a demo is waiting for
  // its simulator's runs to finish, which need not be waited for one demo after another.
  let plain: CliRun;
  let json: CliRun;
  let reference: CliRun;
  beforeAll(async () => {
    [plain, json, reference] = await Promise.all([
      runCli(['demo']),
      runCli(['demo', '--json']),
      runCli(['demo', '--dialect', 'reference', '--json']),
    ]);
  });

  it('walks through the main job and exits 0', () => {
    const run = plain;
    expect(run.code).toBe(0);
    expect(run.stdout).not.toContain('demo-sftp-password');
    for (const text of [
      '1. List the spaces',
      'Install the SINGLE pack "Order Intake"',
      '"EU invoices" installed as instance',
      '"US invoices" installed as instance',
      'refused before sending: INVALID_INPUT',
      'List the installed instances',
      'to environment "Production"',
      'Run "Invoice export" before configuring it',
      'ERROR: Connection "SFTP": the required field "host" is not set in environment "Production"',
      'SFTP.password               │ (not set) │ (secret)',
      'is stored as {"minutes":"0-59/15","hours":"8-18","daysOfWeek":"2-6"',
      'COMPLETE: Completed',
      'uninstalled; 2 instances remain',
      'Apply a plan file',
      'ok + install Invoice Sync "APAC invoices" (MULTI)',
      'first apply: 4 of 4 changes applied',
      'second apply: no changes, the account already matches the plan',
      'Apply one plan to a fleet of three accounts',
      'fleet-003: converged (2 changes applied)',
      'Demo complete.',
      '`boomi-spaces console --simulator --open`',
    ]) {
      expect(run.stdout).toContain(text);
    }
  });

  it('with --json prints one document with every step', () => {
    const run = json;
    expect(run.code).toBe(0);
    const document = JSON.parse(run.stdout) as { steps: Array<{ step: string }> };
    expect(document.steps.map((s) => s.step)).toEqual([
      'listSpaces',
      'getSpace',
      'install SINGLE',
      'install MULTI twice',
      'wrong install',
      'listIntegrationPackInstances',
      'attach',
      'listProcesses',
      'Run "Invoice export" before configuring it',
      'updateExtensions',
      'updateSchedules',
      'Run "Invoice export" again',
      'listExecutions',
      'uninstall',
      'apply plan (first)',
      'apply plan (second)',
      'fleet apply',
    ]);
  });

  it('--dialect reference: the same main job against a simulator that names the Space query `space`', () => {
    const run = reference;
    expect(run.code).toBe(0);
    const document = JSON.parse(run.stdout) as { steps: Array<{ step: string; result: unknown }> };
    expect(document.steps).toHaveLength(17);
    expect(document.steps.find((s) => s.step === 'getSpace')?.result).toMatchObject({ id: DEMO.spaceId });
  });
});
