import { Command } from '@commander-js/extra-typings';
import { globalsOf, type CliContext } from '../../context.js';
import { withClient } from '../../session.js';
import { examples } from '../examples.js';
import { SENDS } from '../sends.js';

export function spaceDeleteCommand(ctx: CliContext) {
  return new Command('delete')
    .description('delete a space')
    .argument('<space>', 'the Space: its id or name (`boomi-spaces spaces` lists them)')
    .option('--yes', 'confirm the deletion')
    .addHelpText('after', examples('space delete 3f0c… --yes'))
    .action(async (id, options, command) => {
      ctx.exitCode = await withClient(
        ctx,
        globalsOf(command),
        async ({ client, out }) =>
          (await import('../../commands/publishing.js')).deleteSpace(client, out, id, Boolean(options.yes)),
        { sends: SENDS['space delete'] },
      );
    });
}
