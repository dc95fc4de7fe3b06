import { Command } from '@commander-js/extra-typings';
import { globalsOf, type CliContext } from '../context.js';
import { withClient } from '../session.js';
import { examples } from './examples.js';
import { SENDS } from './sends.js';

export function extensionsCommand(ctx: CliContext) {
  return new Command('extensions')
    .description('show the connections and process properties of an instance in an environment (needs --space-guid)')
    .argument('<instance>', 'the instance: its id or name (`boomi-spaces instances` lists them)')
    .requiredOption('--env <env>', 'environment name or id')
    .addHelpText('after', examples('extensions inst-7 --env Production'))
    .action(async (instanceId, options, command) => {
      ctx.exitCode = await withClient(
        ctx,
        globalsOf(command),
        async ({ client, out }) =>
          (await import('../commands/configure.js')).showExtensions(client, out, instanceId, options.env),
        { sends: SENDS.extensions },
      );
    });
}
