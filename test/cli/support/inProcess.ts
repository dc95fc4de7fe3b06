import { EventEmitter } from 'node:events';
import { Readable, Writable } from 'node:stream';
import { runCli as run } from '../../../src/cli/runCli.js';
import type { SignalSource } from '../../../src/cli/interrupt.js';
import { cleanEnv, type CliRun } from '../../support/cli.js';

export { cleanEnv, type CliRun };

/** A stream that keeps what is written to it. */
export class Capture extends Writable {
  readonly #chunks: Buffer[] = [];
  override _write(chunk: Buffer | string, _encoding: BufferEncoding, done: () => void): void {
    this.#chunks.push(Buffer.from(chunk));
    done();
  }
  get text(): string {
    return Buffer.concat(this.#chunks).toString('utf8');
  }
}

/**
 * Runs the CLI in this process (`runCli` with its own streams): the same answer as spawning the
 * built CLI (test/support/cli.ts), without a process per run. `input` is standard input, a pipe.
 */
export async function runCli(
  args: string[],
  {
    env = cleanEnv(),
    input,
    signals = new EventEmitter(),
  }: { env?: NodeJS.ProcessEnv; input?: string; signals?: SignalSource } = {},
): Promise<CliRun> {
  const stdout = new Capture();
  const stderr = new Capture();
  const stdin = Readable.from(input ? [Buffer.from(input)] : []);
  const code = await run({ argv: args, env, stdin, stdout, stderr, signals });
  return { code, stdout: stdout.text, stderr: stderr.text };
}
