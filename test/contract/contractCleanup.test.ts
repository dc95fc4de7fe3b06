import { spawn } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { runContractCheck } from '../../src/cli/commands/contract.js';
import { Output } from '../../src/cli/output.js';
import { PACKAGE_OPERATIONS, PACKAGE_SNAPSHOT } from '../../src/cli/packageFiles.js';
import { PlatformError } from '../../src/simulator/model/PlatformError.js';
import { Publishing } from '../../src/simulator/model/publishing.js';
import { DEMO } from '../../src/simulator/model/seed.js';
import { CLI } from '../support/cli.js';
import { demoEnv, useSimulatorClient } from '../support/simulator.js';

const fixture = useSimulatorClient();
const NAME = 'contract-check-tmp';
const writes = { spaceName: NAME, accountGroupId: DEMO.accountGroupId };

interface Report {
  exitCode: number;
  interrupted: string | null;
  results: Array<{ operation: string; status: string }>;
  leftBehind: Array<{ id: string | null; name: string; reason: string }>;
}

/** The check in this process, its output captured; `signals` stands in for the process's Ctrl+C. */
async function check(json: boolean, signals = new EventEmitter()) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let text = '';
  let errors = '';
  stdout.on('data', (chunk: Buffer) => (text += chunk.toString()));
  stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  const code = await runContractCheck(
    fixture.client,
    new Output(json, stdout, stderr),
    {
      writes,
      spaceGuid: DEMO.spaceId,
      snapshot: PACKAGE_SNAPSHOT,
      operations: PACKAGE_OPERATIONS,
      cleanup: { retryDelayMs: 0 },
    },
    signals,
  );
  return { code, stdout: text, stderr: errors, report: json ? (JSON.parse(text) as Report) : undefined };
}

const spaceNames = () => fixture.simulator.platform.state.spaces.map((s) => s.name);
const statusOf = (report: Report) => Object.fromEntries(report.results.map((r) => [r.operation, r.status]));

/** Calls `then` each time the simulator has made a Space; its answer waits for what `then` returns. */
function whenCreated(then: () => Promise<void> | void): void {
  // eslint-disable-next-line @typescript-eslint/unbound-method -- called below with the instance as `this`
  const create = Publishing.prototype.create;
  jest.spyOn(Publishing.prototype, 'create').mockImplementation(function (this: Publishing, input) {
    const space = create.call(this, input);
    const after = then();
    return (after ? after.then(() => space) : space) as ReturnType<Publishing['create']>;
  });
}

afterEach(() => {
  jest.restoreAllMocks();
});

describe('contract check --allow-writes: a deleteSpace that fails', () => {
  it('is retried after a listing shows the Space still there: the Space is gone, the failure reported, exit 1', async () => {
    const { simulator } = fixture;
    simulator.faults.queueFor('deleteSpace', 'unavailable');
    const { code, report } = await check(true);
    expect(code).toBe(1);
    expect(statusOf(report!)).toMatchObject({ createSpace: 'OK', updateSpace: 'OK', deleteSpace: 'FAILED' });
    // The check's signal travels with the client's SPACE_GUID header: the space-scoped reads still work.
    expect(report!.results.filter((r) => r.status === 'FAILED').map((r) => r.operation)).toEqual(['deleteSpace']);
    expect(statusOf(report!).listEnvironments).toBe('OK');
    expect(report!.leftBehind).toEqual([]);
    expect(spaceNames()).toEqual(['Demo_Space']);
    // The failed one, then the cleanup's one, sent after its listing saw the Space.
    expect(simulator.stats.operations.deleteSpace).toBe(2);
  });

  it('names the Space it cannot delete (id and name) in --json and in the text, with exit 1', async () => {
    const { simulator } = fixture;
    simulator.faults.queueFor('deleteSpace', ...Array<'unavailable'>(100).fill('unavailable'));
    const json = await check(true);
    expect(json.code).toBe(1);
    const left = simulator.platform.state.spaces.find((s) => s.name === NAME)!;
    expect(json.report!.leftBehind).toEqual([{ id: left.id, name: NAME, reason: expect.any(String) }]);
    expect(json.stderr).toContain(`The throwaway Space "${NAME}" (id ${left.id}) is left behind`);
    // Bounded: the cleanup's tries, each a listing first, each delete at most the SDK's sends.
    const sends = simulator.stats.operations.deleteSpace!;
    expect(sends).toBeGreaterThan(1);
    expect(sends).toBeLessThanOrEqual(1 + 4 * 4);

    simulator.platform.state.spaces = simulator.platform.state.spaces.filter((s) => s.name !== NAME);
    const text = await check(false);
    expect(text.code).toBe(1);
    const again = simulator.platform.state.spaces.find((s) => s.name === NAME)!;
    expect(text.stdout).toContain(`The throwaway Space "${NAME}" (id ${again.id}) is left behind`);
    expect(text.stdout).toContain(`boomi-spaces space delete ${again.id} --yes`);
  });
});

describe('contract check --allow-writes, interrupted', () => {
  it('SIGTERM stops the check, deletes the Space, exits 143 and removes its listeners', async () => {
    const signals = new EventEmitter();
    whenCreated(() => void signals.emit('SIGTERM'));
    const { code, report } = await check(true, signals);
    expect(code).toBe(143);
    expect(report!.interrupted).toBe('SIGTERM');
    expect(report!.leftBehind).toEqual([]);
    expect(report!.results.map((r) => r.operation)).not.toContain('updateSpace');
    expect(spaceNames()).toEqual(['Demo_Space']);
    expect(signals.listenerCount('SIGINT') + signals.listenerCount('SIGTERM')).toBe(0);
  });

  it('a second Ctrl+C stops the cleanup too: exit 130, and the Space left behind is named', async () => {
    const signals = new EventEmitter();
    whenCreated(() => void signals.emit('SIGINT'));
    // The cleanup's delete fails; Ctrl+C again meanwhile.
    jest.spyOn(Publishing.prototype, 'delete').mockImplementation(() => {
      signals.emit('SIGINT');
      throw new PlatformError('INTERNAL_ERROR', 'the platform could not delete the Space');
    });
    const { code, report, stderr } = await check(true, signals);
    expect(code).toBe(130);
    const left = fixture.simulator.platform.state.spaces.find((s) => s.name === NAME)!;
    expect(report!.leftBehind).toEqual([{ id: left.id, name: NAME, reason: expect.stringMatching(/^interrupted/) }]);
    expect(stderr).toContain(`(id ${left.id}) is left behind`);
  });
});

describe('boomi-spaces contract check --allow-writes and Ctrl+C (the built CLI)', () => {
  it('SIGINT while createSpace is under way: the Space is deleted, exit 130', async () => {
    const { simulator } = fixture;
    // The Space is made, and its answer held until the CLI has had its Ctrl+C.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let created!: () => void;
    const seen = new Promise<void>((resolve) => (created = resolve));
    whenCreated(() => (created(), held));
    const args = ['contract', 'check', '--json', '--allow-writes', '--throwaway-space', NAME];
    const child = spawn(process.execPath, [CLI, ...args, '--account-group', DEMO.accountGroupId], {
      env: demoEnv(simulator, { BOOMI_SPACE_GUID: DEMO.spaceId }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const closed = new Promise<number | null>((resolve) => child.on('close', resolve));
    // A CLI that ends before making the Space (no dist/, a crash) fails the test now, with its stderr,
    // instead of leaving it waiting for the hang guard.
    const early = await Promise.race([seen.then(() => null), closed.then((exit) => ({ exit, stderr }))]);
    expect(early).toBeNull();
    expect(spaceNames()).toContain(NAME);
    child.kill('SIGINT');
    const code = await closed;
    release();
    expect(code).toBe(130);
    expect(spaceNames()).toEqual(['Demo_Space']);
    const report = JSON.parse(stdout) as Report;
    expect(report).toMatchObject({ interrupted: 'SIGINT', exitCode: 130, leftBehind: [] });
  });
});
