import { Command } from '@commander-js/extra-typings';
import { globalsOf, type CliContext } from '../context.js';
import { withClient } from '../session.js';
import { examples } from './examples.js';
import { SENDS } from './sends.js';

export function spacesCommand(ctx: CliContext) {
  return new Command('spaces')
    .description('list the spaces of the account')
    .addHelpText('after', examples('spaces', 'spaces --json'))
    .action(async (_options, command) => {
      ctx.exitCode = await withClient(
        ctx,
        globalsOf(command),
        async ({ client, out }) => (await import('../commands/spaces.js')).listSpaces(client, out),
        { sends: SENDS.spaces },
      );
    });
}
