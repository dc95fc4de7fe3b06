// Commander's own errors (an unknown option, a missing argument, an unknown command, a bad choice)
// as the CLI's usage errors: the documented `boomi-spaces: error INVALID_USAGE: …` line, the JSON
// document with --json, exit 2, and the help to read next. Help and --version end with "errors"
// of their own: those are successes and pass through.
import type { CommandUnknownOpts, CommanderError } from '@commander-js/extra-typings';
import { CliUsageError } from './CliUsageError.js';

const NOT_FAILURES = new Set(['commander.helpDisplayed', 'commander.version']);

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
 * What commander calls when it ends in `command` (each command's exitOverride): a failure thrown as
 * a CliUsageError naming that command's help, help and the version as they are. Commander knows
 * which command it stopped in; guessing it from the words would take an option's value
 * (`--space-guid demo spaces`) for a command.
 */
export function usageErrorsIn(command: CommandUnknownOpts): (error: CommanderError) => never {
  return (error) => {
    throw asUsageError(error, command);
  };
}

function asUsageError(error: CommanderError, command: CommandUnknownOpts): Error {
  if (NOT_FAILURES.has(error.code)) return error;
  const help = `see \`${namesOf(command).join(' ')} --help\``;
  // Commander's `help({ error: true })`: a group given no command, its help already on stderr.
  if (error.code === 'commander.help') return new CliUsageError(`missing command${choices(command)}; ${help}`);
  const message = error.message
    .replace(/^error: /, '')
    .replace(/\n\(Did you mean (.+)\?\)$/s, ' (did you mean $1?)')
    .replace(/\.$/, '');
  return new CliUsageError(`${message}; ${help}`);
}

/** The names of the commands from the root to `command`: `['boomi-spaces', 'space', 'create']`. */
export function namesOf(command: CommandUnknownOpts): string[] {
  const names: string[] = [];
  for (let at: CommandUnknownOpts | null = command; at; at = at.parent) names.unshift(at.name());
  return names;
}

/** A group's commands, for the message (the root's are too many: its help, just shown, lists them). */
function choices(command: CommandUnknownOpts): string {
  if (!command.parent) return '';
  const names = command.commands.map((c) => c.name()).filter((name) => name !== 'help');
  const last = names.pop();
  return ` (${names.length > 0 ? `${names.join(', ')} or ${last}` : last})`;
}
