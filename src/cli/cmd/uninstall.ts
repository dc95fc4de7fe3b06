import { Command } from '@commander-js/extra-typings';
import { globalsOf, type CliContext } from '../context.js';
import { withClient } from '../session.js';
import { examples } from './examples.js';

export function uninstallCommand(ctx: CliContext) {
  return new Command('uninstall')
    .description('uninstall an instance')
    .argument('<instance>', 'the instance: its id, or its name with --space-guid')
    .addHelpText('after', examples('uninstall inst-7', 'uninstall "EU invoices" --space-guid 3f0c…'))
    .action(async (id, _options, command) => {
      ctx.exitCode = await withClient(ctx, globalsOf(command), async ({ client, out, spaceGuid }) =>
        (await import('../commands/instances.js')).uninstall(client, out, id, spaceGuid !== undefined),
      );
    });
}
