import { Command } from '@commander-js/extra-typings';
import { globalsOf, type CliContext } from '../context.js';
import { withClient } from '../session.js';
import { examples } from './examples.js';
import { SENDS } from './sends.js';

export function detachCommand(ctx: CliContext) {
  return new Command('detach')
    .description('remove an attachment of an instance to an environment (needs --space-guid)')
    .argument('<attachment>', 'the attachment id; with --env, the instance (id or name) to detach from it')
    .option('--env <environment>', 'the environment (name or id) to detach the instance from')
    .addHelpText('after', examples('detach att-3', 'detach "EU invoices" --env Production'))
    .action(async (id, options, command) => {
      ctx.exitCode = await withClient(
        ctx,
        globalsOf(command),
        async ({ client, out }) => (await import('../commands/environments.js')).detach(client, out, id, options.env),
        { sends: SENDS.detach },
      );
    });
}
