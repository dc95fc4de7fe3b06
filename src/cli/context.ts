// What every command gets instead of the process's globals (the GitHub CLI's IOStreams and Factory):
// the streams, the environment and where signals come from. `runCli` makes one per run, so a test
// runs the CLI in-process with its own streams and the process's stay untouched.
import type { Readable, Writable } from 'node:stream';
import type { SignalSource } from './interrupt.js';
import { Output } from './output.js';
import type { ConnectionFlags } from './config.js';

/** The global options every command sees (merged with its own by `globalsOf`). */
export interface GlobalFlags extends ConnectionFlags {
  json?: boolean;
  verbose?: boolean;
}

/** The streams and surroundings of one run of the CLI. */
export interface CliIO {
  stdin: Readable & { isTTY?: boolean };
  stdout: Writable & { isTTY?: boolean; columns?: number };
  stderr: Writable & { isTTY?: boolean; columns?: number };
  env: Readonly<Record<string, string | undefined>>;
  /** Ctrl+C and SIGTERM: the process in `main.ts`, an emitter in tests. */
  signals: SignalSource;
}

/** One run: its IO, the words it was called with, and the exit code the command sets. */
export interface CliContext {
  readonly io: CliIO;
  readonly argv: readonly string[];
  /** Set by a command that ends with something other than 0 without failing (plan's 2, run's 1). */
  exitCode: number;
  /** Where the command writes: text, or one JSON document with --json. */
  output(json: boolean | undefined): Output;
  /** The one error → exit code mapping (`failure.ts`), the error reported on this run's streams. */
  fail(error: unknown): Promise<number>;
}

export function createContext(io: CliIO, argv: readonly string[]): CliContext {
  const json = argv.includes('--json');
  return {
    io,
    argv,
    exitCode: 0,
    output: (asJson) => new Output(Boolean(asJson), io.stdout, io.stderr),
    fail: async (error) => {
      const { reportFailure } = await import('./failure.js');
      const code = await reportFailure(error, new Output(json, io.stdout, io.stderr));
      // With --detailed-exitcode, 2 means "changes": every error is 1.
      return argv.includes('--detailed-exitcode') && code !== 0 ? 1 : code;
    },
  };
}

/** A command's options merged with the global ones (--json, --endpoint, …). */
export function globalsOf<T extends object>(command: { optsWithGlobals(): object }): GlobalFlags & T {
  return command.optsWithGlobals() as GlobalFlags & T;
}

/** Resolves at the first Ctrl+C or SIGTERM: servers (simulator, console) run until then. */
export function untilInterrupted(signals: SignalSource): Promise<void> {
  return new Promise((resolve) => {
    const stop = () => {
      for (const name of ['SIGINT', 'SIGTERM'] as const) signals.off(name, stop);
      resolve();
    };
    for (const name of ['SIGINT', 'SIGTERM'] as const) signals.on(name, stop);
  });
}
