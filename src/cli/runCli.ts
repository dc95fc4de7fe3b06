// The CLI as a function: what `main.ts` runs with the process's streams, and tests in-process with their own.
import { EventEmitter } from 'node:events';
import { Readable, type Writable } from 'node:stream';
import { createContext, type CliIO } from './context.js';
import { buildProgram } from './program.js';

/** One run of `boomi-spaces`: its words (without `node` and the script) and its surroundings. */
export interface RunCliOptions {
  argv: readonly string[];
  stdout: CliIO['stdout'] & Writable;
  stderr: CliIO['stderr'] & Writable;
  /** The environment; nothing by default (no BOOMI_* of the machine leaks into a test). */
  env?: CliIO['env'];
  /** Standard input; empty by default. */
  stdin?: CliIO['stdin'];
  /** Where Ctrl+C and SIGTERM come from; none by default. */
  signals?: CliIO['signals'];
}

/**
 * Runs the CLI and resolves to its exit code, touching none of the process's globals: output goes to
 * the given streams, the environment and stdin are the given ones.
 *
 * @example
 * const code = await runCli({ argv: ['spaces', '--json'], env, stdout, stderr });
 */
export async function runCli(options: RunCliOptions): Promise<number> {
  const ctx = createContext(
    {
      stdout: options.stdout,
      stderr: options.stderr,
      env: options.env ?? {},
      stdin: options.stdin ?? Readable.from([]),
      signals: options.signals ?? new EventEmitter(),
    },
    options.argv,
  );
  const program = buildProgram(ctx);
  try {
    await program.parseAsync(options.argv, { from: 'user' });
    return ctx.exitCode;
  } catch (error) {
    // Commander's failures arrive as usage errors already (usage.ts).
    return ctx.fail(error);
  }
}
