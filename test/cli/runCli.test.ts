import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { runCli } from '../../src/cli/runCli.js';
import { Capture, startCli } from './support/inProcess.js';

// runCli is the whole CLI as a function: what it writes and how it ends reach only the caller.
describe('runCli', () => {
  let writes: jest.SpiedFunction<typeof process.stdout.write>[];
  beforeEach(() => {
    writes = [jest.spyOn(process.stdout, 'write'), jest.spyOn(process.stderr, 'write')];
  });
  afterEach(() => writes.forEach((spy) => spy.mockRestore()));

  it.each([
    [['--help'], 0, 'stdout', 'Usage: boomi-spaces'],
    [['--version'], 0, 'stdout', '0.1.0'],
    [['spacs'], 2, 'stderr', "boomi-spaces: error INVALID_USAGE: unknown command 'spacs'"],
    [['spaces'], 2, 'stderr', 'missing credentials'],
  ])('%j: exit %i, written to the given %s only', async (argv, code, stream, text) => {
    const stdout = new Capture();
    const stderr = new Capture();
    const exitCode = process.exitCode;
    expect(await runCli({ argv, stdout, stderr })).toBe(code);
    expect((stream === 'stdout' ? stdout : stderr).text).toContain(text);
    for (const spy of writes) expect(spy).not.toHaveBeenCalled();
    expect(process.exitCode).toBe(exitCode);
  });

  it('reads the environment it is given, not the process’s', async () => {
    const stdout = new Capture();
    const stderr = new Capture();
    const env = { BOOMI_JWT: 'x.y.z', BOOMI_ENDPOINT: 'http://remote.example/graphql' };
    expect(await runCli({ argv: ['spaces'], env, stdout, stderr })).toBe(2);
    // The endpoint came from `env`: plain http beyond loopback is refused before sending.
    expect(stderr.text).toContain('remote.example');
  });

  it('ends a server command at the SIGINT of its signal source, with exit 0', async () => {
    const simulator = startCli(['simulator', '--port', '0']);
    await simulator.stdout.until(/Press Ctrl\+C/);
    expect(simulator.signals.listenerCount('SIGINT')).toBe(1);
    simulator.signals.emit('SIGINT');
    expect(await simulator.exited).toBe(0);
    expect(simulator.signals.listenerCount('SIGINT')).toBe(0);
  });
});
