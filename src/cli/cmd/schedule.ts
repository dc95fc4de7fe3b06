import { Command } from '@commander-js/extra-typings';
import { globalsOf, type CliContext } from '../context.js';
import { collect, integer } from '../parsers.js';
import { withClient } from '../session.js';
import { examples } from './examples.js';
import { SENDS } from './sends.js';

export function scheduleCommand(ctx: CliContext) {
  return new Command('schedule')
    .description('replace the schedules of a process (cron: minutes hours days-of-month months days-of-week)')
    .argument('<instance>', 'the instance: its id or name (`boomi-spaces instances` lists them)')
    .requiredOption('--process <process>', 'process name or id')
    .option('--cron <line>', 'a 5-field cron line, days of week 0 = Sunday (repeatable)', collect, [])
    .option('--clear', 'remove every schedule of the process')
    .option(
      '--max-retry <n>',
      'retries of a failed scheduled run, 1 to 5 (default: kept)',
      integer('--max-retry', 1, 5),
    )
    .addHelpText(
      'after',
      examples(
        'schedule inst-7 --process "Invoice export" --cron "*/15 8-18 * * 1-5"',
        'schedule inst-7 --process p-1 --clear',
      ),
    )
    .action(async (instanceId, options, command) => {
      ctx.exitCode = await withClient(
        ctx,
        globalsOf(command),
        async ({ client, out }) =>
          (await import('../commands/configure.js')).schedule(client, out, { instanceId, ...options }),
        { sends: SENDS.schedule },
      );
    });
}
