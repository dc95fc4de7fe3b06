import { Command } from '@commander-js/extra-typings';
import { globalsOf, type CliContext } from '../../context.js';
import { withClient } from '../../session.js';
import { examples } from '../examples.js';
import { SENDS } from '../sends.js';

export function spaceUpdateCommand(ctx: CliContext) {
  return new Command('update')
    .description('change a space’s name and description')
    .argument('<space>', 'the Space: its id or name (`boomi-spaces spaces` lists them)')
    .requiredOption('--name <name>', 'the name (sent every time)')
    .option('--description <text>', 'a new description')
    .addHelpText('after', examples('space update 3f0c… --name "EU partners" --description "Invoices and orders"'))
    .action(async (id, options, command) => {
      ctx.exitCode = await withClient(
        ctx,
        globalsOf(command),
        async ({ client, out }) =>
          (await import('../../commands/publishing.js')).updateSpace(client, out, { id, ...options }),
        { sends: SENDS['space update'] },
      );
    });
}
