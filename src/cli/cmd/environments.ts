import { Command } from '@commander-js/extra-typings';
import { globalsOf, type CliContext } from '../context.js';
import { withClient } from '../session.js';
import { examples } from './examples.js';
import { SENDS } from './sends.js';

export function environmentsCommand(ctx: CliContext) {
  return new Command('environments')
    .description('list environments with their atoms and attachments (needs --space-guid)')
    .addHelpText('after', examples('environments', 'environments --json'))
    .action(async (_options, command) => {
      ctx.exitCode = await withClient(
        ctx,
        globalsOf(command),
        async ({ client, out }) => (await import('../commands/environments.js')).listEnvironments(client, out),
        { sends: SENDS.environments },
      );
    });
}
