import { Command } from '@commander-js/extra-typings';
import { globalsOf, type CliContext } from '../../context.js';
import { loggerFor } from '../../session.js';
import { examples } from '../examples.js';
import { concurrencyOption, onlyOption } from './options.js';

export function fleetStatusCommand(ctx: CliContext) {
  return new Command('status')
    .description('per account: instances, attachments, drift against the plan, the last execution of each process')
    .argument('<file>', 'a YAML or JSON fleet file')
    .addOption(onlyOption())
    .addOption(concurrencyOption())
    .addHelpText('after', examples('fleet status fleet.yaml', 'fleet status fleet.yaml --json'))
    .action(async (file, _options, command) => {
      const flags = globalsOf<typeof _options>(command);
      try {
        const { fleetStatusCommand: status } = await import('../../commands/fleet.js');
        ctx.exitCode = await status(ctx.output(flags.json), file, flags, ctx.io, await loggerFor(ctx, flags));
      } catch (error) {
        ctx.exitCode = await ctx.fail(error);
      }
    });
}
