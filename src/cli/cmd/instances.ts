import { Command } from '@commander-js/extra-typings';
import { globalsOf, type CliContext } from '../context.js';
import { withClient } from '../session.js';
import { examples } from './examples.js';
import { SENDS } from './sends.js';

export function instancesCommand(ctx: CliContext) {
  return new Command('instances')
    .description('list the installed instances (needs --space-guid)')
    .addHelpText('after', examples('instances --space-guid 3f0c…', 'instances --json'))
    .action(async (_options, command) => {
      ctx.exitCode = await withClient(
        ctx,
        globalsOf(command),
        async ({ client, out }) => (await import('../commands/instances.js')).listInstances(client, out),
        { sends: SENDS.instances },
      );
    });
}
