import { Command } from '@commander-js/extra-typings';
import { globalsOf, type CliContext } from '../context.js';
import { withClient } from '../session.js';
import { examples } from './examples.js';
import { SENDS } from './sends.js';

export function attachCommand(ctx: CliContext) {
  return new Command('attach')
    .description('attach an instance to environments (needs --space-guid)')
    .argument('<instance>', 'the instance: its id or name (`boomi-spaces instances` lists them)')
    .requiredOption('--env <environment...>', 'environment names or ids')
    .addHelpText('after', examples('attach "EU invoices" --env Production Test', 'attach inst-7 --env env-prod'))
    .action(async (id, options, command) => {
      ctx.exitCode = await withClient(
        ctx,
        globalsOf(command),
        async ({ client, out }) => (await import('../commands/environments.js')).attach(client, out, id, options.env),
        { sends: SENDS.attach },
      );
    });
}
