// The commands after the install (configure, schedule, run, watch) and the publisher's. Each loads
// its implementation when it runs, so start-up stays light.
import { Command, Option } from '@commander-js/extra-typings';
import { EXIT } from './output.js';
import { collect, integer, pointInTime } from './parsers.js';
import { connected } from './session.js';

const STATUSES = ['STARTED', 'INPROCESS', 'COMPLETE', 'COMPLETE_WARN', 'ERROR', 'ABORTED', 'DISCARDED'] as const;

// Commander's typings want the same Command type back; the parent's generics do not matter here.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyCommand = Command<any, any, any>;

export function registerLifecycleCommands(program: AnyCommand, space: AnyCommand): void {
  program
    .command('processes')
    .description('list the processes of an instance with their schedules (needs --space-guid)')
    .argument('<instanceId>', 'the instance id')
    .action(async (instanceId, _options, command) => {
      const { client, out } = await connected(command.optsWithGlobals());
      await (await import('./commands/configure.js')).listProcesses(client, out, instanceId);
    });

  program
    .command('extensions')
    .description('show the connections and process properties of an instance in an environment (needs --space-guid)')
    .argument('<instanceId>', 'the instance id')
    .requiredOption('--env <env>', 'environment name or id')
    .action(async (instanceId, options, command) => {
      const { client, out } = await connected(command.optsWithGlobals());
      await (await import('./commands/configure.js')).showExtensions(client, out, instanceId, options.env);
    });

  program
    .command('configure')
    .description('set connection fields and process properties of an instance in an environment (a partial update)')
    .argument('<instanceId>', 'the instance id')
    .requiredOption('--env <env>', 'environment name or id')
    .option('--set <name.setting=value>', 'a connection field or process property (repeatable)', collect, [])
    .option(
      '--set-secret <name.setting=ENV_VAR>',
      'an encrypted field from an environment variable (repeatable)',
      collect,
      [],
    )
    .option('--secret-stdin <name.setting>', 'an encrypted field read from standard input')
    .option('--use-default <name.setting>', 'back to the pack’s default (repeatable)', collect, [])
    .action(async (instanceId, options, command) => {
      const { client, out } = await connected(command.optsWithGlobals());
      await (await import('./commands/configure.js')).configure(client, out, { instanceId, ...options });
    });

  program
    .command('schedule')
    .description('replace the schedules of a process (cron: minutes hours days-of-month months days-of-week)')
    .argument('<instanceId>', 'the instance id')
    .requiredOption('--process <process>', 'process name or id')
    .option('--cron <line>', 'a 5-field cron line, days of week 0 = Sunday (repeatable)', collect, [])
    .option('--clear', 'remove every schedule of the process')
    .option(
      '--max-retry <n>',
      'retries of a failed scheduled run, 1 to 5 (default: kept)',
      integer('--max-retry', 1, 5),
    )
    .action(async (instanceId, options, command) => {
      const { client, out } = await connected(command.optsWithGlobals());
      await (await import('./commands/configure.js')).schedule(client, out, { instanceId, ...options });
    });

  program
    .command('run')
    .description('run a process now; with --wait, exit 0 on COMPLETE/COMPLETE_WARN and 1 on any other end')
    .argument('<instanceId>', 'the instance id')
    .requiredOption('--process <process>', 'process name or id')
    .option('--env <env>', 'environment name or id to run in (default: where the process is deployed)')
    .option('--wait', 'wait for the run to end')
    .option('--timeout <seconds>', 'how long to wait at most', integer('--timeout', 1), 600)
    .action(async (instanceId, options, command) => {
      const { client, out } = await connected(command.optsWithGlobals());
      process.exitCode = await (await import('./commands/runs.js')).run(client, out, { instanceId, ...options });
    });

  program
    .command('executions')
    .description('list the runs of a process (needs --space-guid)')
    .argument('<instanceId>', 'the instance id')
    .requiredOption('--process <process>', 'process name or id')
    .option('--since <time>', 'ISO-8601 time or an age such as 30m, 6h, 2d (default 24h)', (v) => pointInTime(v))
    .addOption(new Option('--status <status>', 'only runs in this state').choices(STATUSES))
    .action(async (instanceId, options, command) => {
      const { client, out } = await connected(command.optsWithGlobals());
      await (
        await import('./commands/runs.js')
      ).listExecutions(client, out, {
        instanceId,
        process: options.process,
        since: options.since ?? pointInTime('24h'),
        ...(options.status && { status: options.status }),
      });
    });

  program
    .command('accounts')
    .description('list the accounts that have access to the space (needs --space-guid)')
    .option('--contains <text>', 'only accounts whose name contains this')
    .option('--starts-with <text>', 'only accounts whose name starts with this')
    .action(async (options, command) => {
      const { client, out } = await connected(command.optsWithGlobals());
      await (await import('./commands/publishing.js')).listAccounts(client, out, options);
    });

  space
    .command('create')
    .description('create a space for an account group (publishers; the logo upload is not supported yet)')
    .requiredOption('--name <name>', 'the space name')
    .requiredOption('--account-group <id>', 'the account group whose accounts see it')
    .option('--description <text>', 'a description')
    .option('--pack <packId>', 'a pack to share (repeatable)', collect, [])
    .option('--share-with <accountId>', 'a particular account that sees it (repeatable)', collect, [])
    .action(async (options, command) => {
      const { client, out } = await connected(command.optsWithGlobals());
      await (await import('./commands/publishing.js')).createSpace(client, out, options);
    });

  space
    .command('update')
    .description('change a space’s name and description')
    .argument('<spaceId>', 'the space id')
    .requiredOption('--name <name>', 'the name (sent every time)')
    .option('--description <text>', 'a new description')
    .action(async (id, options, command) => {
      const { client, out } = await connected(command.optsWithGlobals());
      await (await import('./commands/publishing.js')).updateSpace(client, out, { id, ...options });
    });

  space
    .command('delete')
    .description('delete a space')
    .argument('<spaceId>', 'the space id')
    .option('--yes', 'confirm the deletion')
    .action(async (id, options, command) => {
      const { client, out } = await connected(command.optsWithGlobals());
      await (await import('./commands/publishing.js')).deleteSpace(client, out, id, Boolean(options.yes));
      process.exitCode = EXIT.ok;
    });
}
