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
    this.emit('text', this.text);
  }

  /** Resolves with the text once it matches `pattern` (a server's "listening" lines). */
  until(pattern: RegExp): Promise<RegExpExecArray> {
    return new Promise((resolve) => {
      const check = (text: string) => {
        const match = pattern.exec(text);
        if (!match) return;
        this.off('text', check);
        resolve(match);
      };
      this.on('text', check);
      check(this.text);
    });
  }
  get text(): string {
    return Buffer.concat(this.#chunks).toString('utf8');
  }
}

/** A long-running command (simulator, console) started in-process: Ctrl+C is `signals.emit('SIGINT')`. */
export function startCli(args: string[], { env = cleanEnv() }: { env?: NodeJS.ProcessEnv } = {}) {
  const stdout = new Capture();
  const stderr = new Capture();
  const signals = new EventEmitter();
  const exited = run({ argv: args, env, stdout, stderr, signals });
  return { stdout, stderr, signals, exited };
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
