import { Command, Option } from '@commander-js/extra-typings';
import { globalsOf, type CliContext } from '../context.js';
import { pointInTime } from '../parsers.js';
import { withClient } from '../session.js';
import { examples } from './examples.js';

const STATUSES = ['STARTED', 'INPROCESS', 'COMPLETE', 'COMPLETE_WARN', 'ERROR', 'ABORTED', 'DISCARDED'] as const;

export function executionsCommand(ctx: CliContext) {
  return new Command('executions')
    .description('list the runs of a process (needs --space-guid)')
    .argument('<instanceId>', 'the instance id')
    .requiredOption('--process <process>', 'process name or id')
    .option('--since <time>', 'ISO-8601 time or an age such as 30m, 6h, 2d (default 24h)', (v) => pointInTime(v))
    .addOption(new Option('--status <status>', 'only runs in this state').choices(STATUSES))
    .addHelpText('after', examples('executions inst-7 --process "Invoice export" --since 6h --status ERROR'))
    .action(async (instanceId, options, command) => {
      ctx.exitCode = await withClient(ctx, globalsOf(command), async ({ client, out }) =>
        (await import('../commands/runs.js')).listExecutions(client, out, {
          instanceId,
          process: options.process,
          since: options.since ?? pointInTime('24h'),
          ...(options.status && { status: options.status }),
        }),
      );
    });
}
