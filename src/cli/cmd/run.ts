import { Command } from '@commander-js/extra-typings';
import { globalsOf, type CliContext } from '../context.js';
import { integer } from '../parsers.js';
import { withClient } from '../session.js';
import { examples } from './examples.js';
import { SENDS } from './sends.js';

export function runCommand(ctx: CliContext) {
  return new Command('run')
    .description('run a process now; with --wait, exit 0 on COMPLETE/COMPLETE_WARN and 1 on any other end')
    .argument('<instance>', 'the instance: its id or name (`boomi-spaces instances` lists them)')
    .requiredOption('--process <process>', 'process name or id')
    .option('--env <env>', 'environment name or id to run in (default: where the process is deployed)')
    .option('--wait', 'wait for the run to end')
    .option('--timeout <seconds>', 'how long to wait at most', integer('--timeout', 1), 600)
    .addHelpText('after', examples('run inst-7 --process "Invoice export" --wait --timeout 120'))
    .action(async (instanceId, options, command) => {
      ctx.exitCode = await withClient(
        ctx,
        globalsOf(command),
        async ({ client, out }) => (await import('../commands/runs.js')).run(client, out, { instanceId, ...options }),
        {
          sends: SENDS.run,
        },
      );
    });
}
