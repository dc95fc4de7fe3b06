// The command tree: the root and one file per command under cmd/ (groups list their subcommands).
// Only this tree loads at start-up; each command imports what it runs with when it runs.
import { createRequire } from 'node:module';
import type { CommandUnknownOpts } from '@commander-js/extra-typings';
import { accountsCommand } from './cmd/accounts.js';
import { applyCommand } from './cmd/apply.js';
import { attachCommand } from './cmd/attach.js';
import { catalogCommand } from './cmd/catalog/catalog.js';
import { completionCommand } from './cmd/completion.js';
import { configureCommand } from './cmd/configure.js';
import { consoleCommand } from './cmd/console.js';
import { contractCommand } from './cmd/contract/contract.js';
import { demoCommand } from './cmd/demo.js';
import { detachCommand } from './cmd/detach.js';
import { environmentsCommand } from './cmd/environments.js';
import { executionsCommand } from './cmd/executions.js';
import { extensionsCommand } from './cmd/extensions.js';
import { fleetCommand } from './cmd/fleet/fleet.js';
import { helpCommand } from './cmd/help.js';
import { installCommand } from './cmd/install.js';
import { instancesCommand } from './cmd/instances.js';
import { planCommand } from './cmd/plan.js';
import { processesCommand } from './cmd/processes.js';
import { rootCommand } from './cmd/root.js';
import { runCommand } from './cmd/run.js';
import { scheduleCommand } from './cmd/schedule.js';
import { schemaCommand } from './cmd/schema/schema.js';
import { simulatorCommand } from './cmd/simulator.js';
import { spaceCommand } from './cmd/space/space.js';
import { spacesCommand } from './cmd/spaces.js';
import { uninstallCommand } from './cmd/uninstall.js';
import type { CliContext } from './context.js';
import { usageErrorsIn } from './usage.js';

// This file sits in src/cli/ and, bundled, in dist/cli/main.js: the package's root is two levels up.
const { version } = createRequire(import.meta.url)('../../package.json') as { version: string };

/** The commands in the order `--help` lists them. */
const COMMANDS = [
  spacesCommand,
  spaceCommand,
  installCommand,
  instancesCommand,
  uninstallCommand,
  environmentsCommand,
  attachCommand,
  detachCommand,
  planCommand,
  applyCommand,
  fleetCommand,
  catalogCommand,
  processesCommand,
  extensionsCommand,
  configureCommand,
  scheduleCommand,
  runCommand,
  executionsCommand,
  accountsCommand,
  schemaCommand,
  contractCommand,
  simulatorCommand,
  consoleCommand,
  completionCommand,
  demoCommand,
];

/** The whole tree for one run, writing to that run's streams. */
export function buildProgram(ctx: CliContext): CommandUnknownOpts {
  const program: CommandUnknownOpts = rootCommand(ctx, version);
  for (const make of COMMANDS) program.addCommand(make(ctx));
  settle(program);
  return program;
}

/**
 * `addCommand` does not pass the parent's settings down as `command()` does: the output streams,
 * help configuration and suggestions reach every command of the tree here. Each command gets its own
 * exitOverride (a usage error names its help) and each group a `help` command.
 */
function settle(command: CommandUnknownOpts): void {
  command.exitOverride(usageErrorsIn(command));
  if (command.commands.length > 0) command.addCommand(helpCommand(command));
  for (const child of command.commands as CommandUnknownOpts[]) {
    child.copyInheritedSettings(command);
    settle(child);
  }
}
