// Commander's own errors (an unknown option, a missing argument, an unknown command, a bad choice)
// as the CLI's usage errors: the documented `boomi-spaces: error INVALID_USAGE: …` line, the JSON
// document with --json, exit 2, and the help to read next. Help and --version end with "errors"
// of their own: those are successes and pass through.
import type { CommandUnknownOpts } from '@commander-js/extra-typings';
import { CliUsageError } from './CliUsageError.js';

const NOT_FAILURES = new Set(['commander.helpDisplayed', 'commander.help', 'commander.version']);

/**
 * Commander's errors by their code: the CLI's start-up is bundled with its own copy of commander
 * (scripts/bundle-cli.mjs), so `instanceof` against this module's commander would not hold.
 */
export function isCommanderError(error: unknown): error is Error & { code: string } {
  const code = (error as { code?: unknown } | null)?.code;
  return error instanceof Error && typeof code === 'string' && code.startsWith('commander.');
}

/** Whether a commander "error" is help or the version shown: exit 0. */
export const isCommanderSuccess = (error: unknown): boolean => isCommanderError(error) && NOT_FAILURES.has(error.code);

/**
 * A commander failure as a CliUsageError naming the help of the command it happened in (the deepest
 * command `argv` reaches); anything else as it is.
 */
export function asUsageError(error: unknown, program: CommandUnknownOpts, argv: readonly string[]): unknown {
  if (!isCommanderError(error) || NOT_FAILURES.has(error.code)) return error;
  const message = error.message
    .replace(/^error: /, '')
    .replace(/\n\(Did you mean (.+)\?\)$/s, ' (did you mean $1?)')
    .replace(/\.$/, '');
  return new CliUsageError(`${message}; see \`${['boomi-spaces', ...commandPath(program, argv)].join(' ')} --help\``);
}

/** The names of the commands `argv` walks down, from the root: `['space', 'create']`. */
function commandPath(program: CommandUnknownOpts, argv: readonly string[]): string[] {
  const path: string[] = [];
  let command = program;
  for (const word of argv) {
    if (word.startsWith('-')) continue;
    const child = (command.commands as CommandUnknownOpts[]).find(
      (c) => c.name() === word || c.aliases().includes(word),
    );
    if (!child) break;
    path.push(child.name());
    command = child;
  }
  return path;
}
