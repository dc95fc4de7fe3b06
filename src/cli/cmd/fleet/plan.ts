import { Command } from '@commander-js/extra-typings';
import { globalsOf, type CliContext } from '../../context.js';
import { loggerFor } from '../../session.js';
import { examples } from '../examples.js';
import { concurrencyOption, onlyOption } from './options.js';

export function fleetPlanCommand(ctx: CliContext) {
  return new Command('plan')
    .description('per account, what `fleet apply` would change; changes nothing')
    .argument('<file>', 'a YAML or JSON fleet file')
    .addOption(onlyOption())
    .addOption(concurrencyOption())
    .option('--detailed-exitcode', 'exit 0 when no account has changes, 2 when one has, 1 when an account failed')
    .addHelpText(
      'after',
      examples('fleet plan fleet.yaml', 'fleet plan fleet.yaml --only acme-K3X9QA --detailed-exitcode'),
    )
    .action(async (file, _options, command) => {
      const flags = globalsOf<typeof _options>(command);
      try {
        const { fleetPlan } = await import('../../commands/fleet.js');
        ctx.exitCode = await fleetPlan(ctx.output(flags.json), file, flags, ctx.io, await loggerFor(ctx, flags));
      } catch (error) {
        ctx.exitCode = await ctx.fail(error);
      }
    });
}
