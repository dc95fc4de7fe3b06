import { Command, Option } from '@commander-js/extra-typings';
import { CliUsageError } from '../CliUsageError.js';
import { globalsOf, type CliContext } from '../context.js';
import { integer, pointInTime } from '../parsers.js';
import { withClient } from '../session.js';
import { examples } from './examples.js';
import { SENDS } from './sends.js';

const STATUSES = ['STARTED', 'INPROCESS', 'COMPLETE', 'COMPLETE_WARN', 'ERROR', 'ABORTED', 'DISCARDED'] as const;
const FINAL = new Set<string>(['COMPLETE', 'COMPLETE_WARN', 'ERROR', 'ABORTED', 'DISCARDED']);

export function executionsCommand(ctx: CliContext) {
  return new Command('executions')
    .description('list the runs of a process, or follow new runs with --watch (needs --space-guid)')
    .argument('[instance]', 'the instance: its id or name (with --watch: leave it out to follow every instance)')
    .option('--process <process>', 'process name or id (needed without --watch)')
    .option('--since <time>', 'ISO-8601 time or an age such as 30m, 6h, 2d (default 24h)', (v) => pointInTime(v))
    .addOption(new Option('--status <status>', 'only runs in this state').choices(STATUSES))
    .option('--watch', 'follow new runs and print each once it ends, until Ctrl+C (exit 0)')
    .option('--on-error <command>', 'with --watch: run this shell command for each ERROR run, the run as JSON on stdin')
    .option('--poll <seconds>', 'with --watch: seconds between polls while runs change', integer('--poll', 1, 3600), 5)
    .addHelpText(
      'after',
      examples(
        'executions inst-7 --process "Invoice export" --since 6h --status ERROR',
        `executions --watch --status ERROR --on-error 'cat >> errors.jsonl'`,
      ),
    )
    .action(async (instanceId, options, command) => {
      const flags = globalsOf(command);
      if (!options.watch) {
        if (options.onError !== undefined) throw new CliUsageError('--on-error works with --watch');
        if (instanceId === undefined || options.process === undefined)
          throw new CliUsageError('give <instance> and --process <process>, or --watch to follow new runs');
        ctx.exitCode = await withClient(
          ctx,
          flags,
          async ({ client, out }) =>
            (await import('../commands/runs.js')).listExecutions(client, out, {
              instanceId,
              process: options.process!,
              since: options.since ?? pointInTime('24h'),
              ...(options.status && { status: options.status }),
            }),
          { sends: SENDS.executions },
        );
        return;
      }
      if (options.status && !FINAL.has(options.status))
        throw new CliUsageError(`--watch reports runs that ended: --status must be one of ${[...FINAL].join(', ')}`);
      if (options.process !== undefined && instanceId === undefined)
        throw new CliUsageError('--process needs the <instance> it belongs to');
      ctx.exitCode = await withClient(
        ctx,
        flags,
        async ({ client, out }) =>
          (await import('../commands/watchRuns.js')).watchRuns(client, out, ctx.io, {
            ...(instanceId !== undefined && { instanceId }),
            ...(options.process !== undefined && { process: options.process }),
            ...(options.status && { status: options.status }),
            ...(options.onError !== undefined && { onError: options.onError }),
            pollSeconds: options.poll,
          }),
        { sends: SENDS.executions },
      );
    });
}
