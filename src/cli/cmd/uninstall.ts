import { Command } from '@commander-js/extra-typings';
import { globalsOf, type CliContext } from '../context.js';
import { withClient } from '../session.js';
import { examples } from './examples.js';
import { SENDS } from './sends.js';

export function uninstallCommand(ctx: CliContext) {
  return new Command('uninstall')
    .description('uninstall an instance (needs --space-guid)')
    .argument('<instance>', 'the instance: its id or name (`boomi-spaces instances` lists them)')
    .addHelpText('after', examples('uninstall inst-7', 'uninstall "EU invoices" --space-guid Demo_Space'))
    .action(async (id, _options, command) => {
      ctx.exitCode = await withClient(
        ctx,
        globalsOf(command),
        async ({ client, out }) => (await import('../commands/instances.js')).uninstall(client, out, id),
        { sends: SENDS.uninstall },
      );
    });
}
