import { Command } from '@commander-js/extra-typings';
import { globalsOf, type CliContext } from '../context.js';
import { withClient } from '../session.js';
import { examples } from './examples.js';
import { SENDS } from './sends.js';

export function accountsCommand(ctx: CliContext) {
  return new Command('accounts')
    .description('list the accounts that have access to the space (needs --space-guid)')
    .option('--contains <text>', 'only accounts whose name contains this')
    .option('--starts-with <text>', 'only accounts whose name starts with this')
    .addHelpText('after', examples('accounts', 'accounts --starts-with Acme --json'))
    .action(async (options, command) => {
      ctx.exitCode = await withClient(
        ctx,
        globalsOf(command),
        async ({ client, out }) => (await import('../commands/publishing.js')).listAccounts(client, out, options),
        { sends: SENDS.accounts },
      );
    });
}
