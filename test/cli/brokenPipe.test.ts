import { spawn } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { describe, expect, it } from '@jest/globals';
import { endQuietlyOnBrokenPipe } from '../../src/cli/output.js';
import { DEMO } from '../../src/simulator/model/seed.js';
import { CLI } from '../support/cli.js';
import { demoEnv, useSimulator } from '../support/simulator.js';

const simulator = useSimulator();

/** Runs the CLI with a reader that goes away after the first chunk, as `| head -2` does. */
function intoClosedPipe(args: string[]): Promise<{ code: number | null; stderr: string }> {
  const env = demoEnv(simulator(), { BOOMI_SPACE_GUID: DEMO.spaceId });
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stdout.once('data', () => child.stdout.destroy());
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

describe('a reader that closes the pipe early', () => {
  // Far more output than a pipe holds, so the CLI is still writing when its reader goes.
  const manyInstances = () => {
    simulator().platform.state.instances = Array.from({ length: 3000 }, (_, i) => ({
      id: `instance-${i}`,
      integrationPackId: DEMO.packs.invoiceSync,
      integrationPackOverrideName: `EU ${i}`,
    }));
  };

  it.each([[['instances']], [['--json', 'instances']]])(
    '%j ends quietly: nothing on stderr, no stack, exit 141 (128 + SIGPIPE, as git and gh)',
    async (args) => {
      manyInstances();
      const run = await intoClosedPipe(args);
      expect(run.stderr).toBe('');
      expect(run.code).toBe(141);
    },
  );
});

describe('endQuietlyOnBrokenPipe', () => {
  const failure = (code: string) => Object.assign(new Error(`write ${code}`), { code });

  it('ends with 141 on EPIPE, and leaves other errors to fail as before', () => {
    const stream = new EventEmitter();
    const exits: number[] = [];
    endQuietlyOnBrokenPipe(stream, (code) => exits.push(code));
    stream.emit('error', failure('EPIPE'));
    expect(exits).toEqual([141]);
    expect(() => stream.emit('error', failure('EIO'))).toThrow('write EIO');
    // A writer waiting on the stream (events.once) takes the other errors itself.
    stream.on('error', () => undefined);
    expect(() => stream.emit('error', failure('EIO'))).not.toThrow();
    expect(exits).toEqual([141]);
  });
});
