import { Command } from '@commander-js/extra-typings';
import { globalsOf, type CliContext } from '../context.js';
import { withClient } from '../session.js';
import { examples } from './examples.js';
import { SENDS } from './sends.js';

export function installCommand(ctx: CliContext) {
  return new Command('install')
    .description('install a pack, unless it is already installed (needs --space-guid)')
    .argument('<pack>', 'the integration pack: its id or name, as `boomi-spaces space <spaceId>` lists them')
    .option('--name <overrideName>', 'instance name: required for MULTI packs, refused for SINGLE')
    .option('--space <space>', 'the Space (id or name) to find the pack in; default: the --space-guid’s')
    .addHelpText(
      'after',
      examples('install "Order Intake"', 'install pack-1 --space 3f0c…', 'install "Invoice Sync" --name "EU invoices"'),
    )
    .action(async (packId, options, command) => {
      ctx.exitCode = await withClient(
        ctx,
        globalsOf(command),
        async ({ client, out, spaceId }) =>
          // The session requires the Space of a command that sends listIntegrationPackInstances.
          (await import('../commands/instances.js')).install(client, out, {
            packId,
            ...options,
            spaceGuid: spaceId,
          }),
        { sends: SENDS.install },
      );
    });
}
