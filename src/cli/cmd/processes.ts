import { Command } from '@commander-js/extra-typings';
import { globalsOf, type CliContext } from '../context.js';
import { withClient } from '../session.js';
import { examples } from './examples.js';
import { SENDS } from './sends.js';

export function processesCommand(ctx: CliContext) {
  return new Command('processes')
    .description('list the processes of an instance with their schedules (needs --space-guid)')
    .argument('<instance>', 'the instance: its id or name (`boomi-spaces instances` lists them)')
    .addHelpText('after', examples('processes inst-7', 'processes inst-7 --json'))
    .action(async (instanceId, _options, command) => {
      ctx.exitCode = await withClient(
        ctx,
        globalsOf(command),
        async ({ client, out }) => (await import('../commands/configure.js')).listProcesses(client, out, instanceId),
        { sends: SENDS.processes },
      );
    });
}
