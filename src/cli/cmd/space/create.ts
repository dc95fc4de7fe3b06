import { Command } from '@commander-js/extra-typings';
import { globalsOf, type CliContext } from '../../context.js';
import { collect } from '../../parsers.js';
import { withClient } from '../../session.js';
import { examples } from '../examples.js';
import { SENDS } from '../sends.js';

export function spaceCreateCommand(ctx: CliContext) {
  return new Command('create')
    .description('create a space for an account group (publishers; the logo upload is not supported yet)')
    .requiredOption('--name <name>', 'the space name')
    .requiredOption('--account-group <id>', 'the account group whose accounts see it')
    .option('--description <text>', 'a description')
    .option('--pack <packId>', 'a pack to share (repeatable)', collect, [])
    .option('--share-with <accountId>', 'a particular account that sees it (repeatable)', collect, [])
    .addHelpText(
      'after',
      examples(
        'space create --name "EU partners" --account-group ag-1 --pack pack-1 --pack pack-2 --share-with acct-9',
      ),
    )
    .action(async (options, command) => {
      ctx.exitCode = await withClient(
        ctx,
        globalsOf(command),
        async ({ client, out }) => (await import('../../commands/publishing.js')).createSpace(client, out, options),
        { sends: SENDS['space create'] },
      );
    });
}
