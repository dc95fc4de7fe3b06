import { Command } from '@commander-js/extra-typings';
import { globalsOf, type CliContext } from '../../context.js';
import { withClient } from '../../session.js';
import { examples } from '../examples.js';
import { SENDS } from '../sends.js';
import { spaceCreateCommand } from './create.js';
import { spaceDeleteCommand } from './delete.js';
import { spaceUpdateCommand } from './update.js';

/** `space <spaceId>` shows a space; its subcommands create, update and delete one. */
export function spaceCommand(ctx: CliContext) {
  return new Command('space')
    .description('show a space and the packs it shares, with their install types; or create, update, delete one')
    .argument('<space>', 'the Space: its id or name (`boomi-spaces spaces` lists them)')
    .addHelpText(
      'after',
      examples(
        'space 3f0c…',
        'space create --name "EU partners" --account-group ag-1 --pack pack-1',
        'space delete 3f0c… --yes',
      ),
    )
    .action(async (spaceId, _options, command) => {
      ctx.exitCode = await withClient(
        ctx,
        globalsOf(command),
        async ({ client, out }) => (await import('../../commands/spaces.js')).showSpace(client, out, spaceId),
        { sends: SENDS.space },
      );
    })
    .addCommand(spaceCreateCommand(ctx))
    .addCommand(spaceUpdateCommand(ctx))
    .addCommand(spaceDeleteCommand(ctx));
}
