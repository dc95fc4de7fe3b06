// executions --watch in-process against the simulator: the history is moved by hand (no sleeps),
// and the watch's own --verbose answers tell when a poll is over.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DEMO } from '../../src/simulator/model/seed.js';
import type { SimExecution } from '../../src/simulator/model/state.js';
import type { RunningSimulator } from '../../src/simulator/server/startSimulator.js';
import { runCli, startCli } from './support/inProcess.js';
import { demoEnv, useSimulator } from '../support/simulator.js';

const work = mkdtempSync(join(tmpdir(), 'boomi-spaces-watch-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const currentSimulator = useSimulator();
let simulator: RunningSimulator;
let env: NodeJS.ProcessEnv;
beforeAll(() => {
  simulator = currentSimulator();
  env = demoEnv(simulator, { BOOMI_SPACE_GUID: DEMO.spaceId });
});

/** A command that copies its standard input to `file`, then says so on its stdout. */
const copyStdinTo = (file: string) =>
  `${JSON.stringify(process.execPath)} -e "let s='';process.stdin.on('data',(d)=>s+=d).on('end',()=>{require('fs').writeFileSync(process.argv[1],s);console.log('hook-done')})" ${JSON.stringify(file)}`;

async function deployedProcess(): Promise<{ instanceId: string; processId: string }> {
  const installed = await runCli(['install', DEMO.packs.invoiceSync, '--name', 'EU invoices', '--json'], { env });
  const instanceId = (JSON.parse(installed.stdout) as { instance: { id: string } }).instance.id;
  await runCli(['attach', instanceId, '--env', DEMO.environments.prod], { env });
  const processes = await runCli(['processes', instanceId, '--json'], { env });
  return { instanceId, processId: (JSON.parse(processes.stdout) as Array<{ id: string }>)[0]!.id };
}

const run = (id: string, processId: string, outcome: SimExecution['outcome'], startedAt: number): SimExecution => ({
  executionId: `execution-${id}-2026.12.01`,
  processId,
  processName: 'Invoice export',
  atomId: 'atom-1',
  atomName: 'Production atom',
  executionType: 'exec_sched',
  startedAt,
  outcome,
  message: outcome === 'ERROR' ? 'the required field "host" is not set' : 'Completed',
});

describe('executions --watch', () => {
  it('prints each run once it ends (one JSON line each) and gives --on-error the ERROR run on stdin', async () => {
    const { instanceId, processId } = await deployedProcess();
    const executions = simulator.platform.state.executions;
    executions.push(run('before', processId, 'COMPLETE', Date.now() - 60_000));
    // Running (it started "in the future") until the test moves its start back.
    const failing = run('failing', processId, 'ERROR', Date.now() + 3_600_000);
    executions.push(failing);
    const file = join(work, 'error.json');
    const watch = startCli(
      ['executions', instanceId, '--watch', '--json', '--poll', '1', '--verbose', '--on-error', copyStdinTo(file)],
      { env },
    );
    await watch.stderr.until(/← HTTP 200 listExecutions /);
    failing.startedAt = Date.now() - 30_000;
    executions.push(run('later', processId, 'COMPLETE', Date.now() - 20_000));
    await watch.stderr.until(/hook-done/);
    await watch.stdout.until(/later/);
    watch.signals.emit('SIGINT');
    expect(await watch.exited).toBe(0);

    const lines = watch.stdout.text.trim().split('\n');
    const printed = lines.map((line) => JSON.parse(line) as { executionId: string; status: string });
    expect(printed.map((e) => `${e.executionId} ${e.status}`)).toEqual([
      'execution-failing-2026.12.01 ERROR',
      'execution-later-2026.12.01 COMPLETE',
    ]);
    const given = JSON.parse(readFileSync(file, 'utf8')) as { executionId: string; message: string };
    expect(given).toMatchObject({ executionId: 'execution-failing-2026.12.01', message: failing.message });
    for (const text of [watch.stdout.text, watch.stderr.text, readFileSync(file, 'utf8')]) {
      expect(text).not.toContain(DEMO.apiToken);
      expect(text).not.toMatch(/eyJ[\w-]+\.[\w-]+\./);
    }
  });

  it('reports a failing --on-error command on stderr and goes on; text lines name the run', async () => {
    const { instanceId, processId } = await deployedProcess();
    const failing = run('broken', processId, 'ERROR', Date.now() + 3_600_000);
    simulator.platform.state.executions.push(failing);
    const fails = `${JSON.stringify(process.execPath)} -e "process.stderr.write('hook-ran\\n');process.exit(3)"`;
    const watch = startCli(
      ['executions', '--watch', '--status', 'ERROR', '--poll', '1', '--verbose', '--on-error', fails],
      {
        env,
      },
    );
    expect(instanceId).not.toBe('');
    await watch.stderr.until(/← HTTP 200 listExecutionsWithStatus /);
    failing.startedAt = Date.now() - 30_000;
    await watch.stderr.until(/--on-error command exited 3 for execution execution-broken/);
    watch.signals.emit('SIGTERM');
    expect(await watch.exited).toBe(0);
    expect(watch.stderr.text).toContain('hook-ran');
    expect(watch.stdout.text).toMatch(/Invoice export ERROR \(execution-broken-2026\.12\.01\): the required field/);
  });

  it('follows an instance given by name', async () => {
    await deployedProcess();
    const watch = startCli(['executions', 'EU invoices', '--watch', '--poll', '1', '--verbose'], { env });
    await watch.stderr.until(/← HTTP 200 listExecutions /);
    watch.signals.emit('SIGINT');
    expect(await watch.exited).toBe(0);
    expect(watch.stderr.text).not.toContain('IPACK_INSTANCE_ID_INVALID');
  });

  it('stops at once when its first poll fails for good (a wrong API token), never "trying again"', async () => {
    const watch = startCli(['executions', '--watch', '--poll', '1'], { env: { ...env, BOOMI_API_TOKEN: 'wrong' } });
    expect(await watch.exited).toBe(1);
    expect(watch.stderr.text).toMatch(/boomi-spaces: error AUTH_ERROR: /);
    expect(watch.stderr.text).not.toContain('trying again');
  });

  it('refuses bad combinations before sending anything', async () => {
    const before = simulator.stats.graphql;
    const cases = [
      [['executions', '--watch', '--status', 'STARTED'], /--status must be one of/],
      [['executions', 'inst-1'], /give <instance> and --process/],
      [['executions', 'inst-1', '--process', 'p', '--on-error', 'true'], /--on-error works with --watch/],
      [['executions', '--watch', '--process', 'p'], /--process needs the <instance>/],
    ] as const;
    for (const [args, message] of cases) {
      const refused = await runCli([...args], { env });
      expect(refused.code).toBe(2);
      expect(refused.stderr).toMatch(message);
    }
    expect(simulator.stats.graphql).toBe(before);
  });
});
