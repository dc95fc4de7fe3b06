import { Command } from '@commander-js/extra-typings';
import { globalsOf, type CliContext } from '../context.js';
import { withClient } from '../session.js';
import { examples } from './examples.js';

export function attachCommand(ctx: CliContext) {
  return new Command('attach')
    .description('attach an instance to environments (needs --space-guid)')
    .argument('<instanceId>', 'the instance id')
    .requiredOption('--env <envId...>', 'environment ids')
    .addHelpText('after', examples('attach inst-7 --env env-prod env-test'))
    .action(async (id, options, command) => {
      ctx.exitCode = await withClient(ctx, globalsOf(command), async ({ client, out }) =>
        (await import('../commands/environments.js')).attach(client, out, id, options.env),
      );
    });
}
