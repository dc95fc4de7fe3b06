import { Command } from '@commander-js/extra-typings';
import { globalsOf, type CliContext } from '../../context.js';
import { integer } from '../../parsers.js';
import { withClient } from '../../session.js';
import { examples } from '../examples.js';
import { SENDS } from '../sends.js';

export function catalogSearchCommand(ctx: CliContext) {
  return new Command('search')
    .description('list the published catalog listings matching a term, with their installs and publishing dates')
    .argument('<term>', 'text the listings must match (name, description)')
    .option('--limit <n>', 'listings shown at most, 1 to 1000', integer('--limit', 1, 1000), 20)
    .addHelpText('after', examples('catalog search salesforce', 'catalog search sftp --limit 100 --json'))
    .action(async (term, options, command) => {
      ctx.exitCode = await withClient(
        ctx,
        globalsOf(command),
        async ({ client, out }) =>
          (await import('../../commands/catalog.js')).searchCatalog(client, out, term, { limit: options.limit }),
        { credentials: false, sends: SENDS['catalog search'] },
      );
    });
}
