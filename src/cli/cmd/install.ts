import { Command } from '@commander-js/extra-typings';
import { globalsOf, type CliContext } from '../context.js';
import { withClient } from '../session.js';
import { examples } from './examples.js';

export function installCommand(ctx: CliContext) {
  return new Command('install')
    .description('install a pack, unless it is already installed (needs --space-guid)')
    .argument('<packId>', 'the integration pack id')
    .option('--name <overrideName>', 'instance name: required for MULTI packs, refused for SINGLE')
    .option('--space <spaceId>', 'check the pack against this space before installing')
    .addHelpText('after', examples('install pack-1 --space 3f0c…', 'install pack-2 --name "EU invoices"'))
    .action(async (packId, options, command) => {
      ctx.exitCode = await withClient(ctx, globalsOf(command), async ({ client, out, spaceGuid }) =>
        (await import('../commands/instances.js')).install(client, out, { packId, ...options, spaceGuid }),
      );
    });
}
