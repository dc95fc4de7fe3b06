import { Command } from '@commander-js/extra-typings';
import { globalsOf, type CliContext } from '../../context.js';
import { listenForInterruption } from '../../interrupt.js';
import { loggerFor } from '../../session.js';
import { examples } from '../examples.js';
import { concurrencyOption, onlyOption } from './options.js';

export function fleetApplyCommand(ctx: CliContext) {
  return new Command('apply')
    .description(
      'apply the plan to every account, journaled in .boomi-fleet/; exit 0 only when every account converged',
    )
    .argument('<file>', 'a YAML or JSON fleet file')
    .option('--yes', 'apply (required: a fleet apply never asks)')
    .addOption(onlyOption())
    .addOption(concurrencyOption())
    .option('--resume', 'continue the latest run of this fleet from its journal (accounts converged in it are skipped)')
    .addHelpText('after', examples('fleet apply fleet.yaml --yes', 'fleet apply fleet.yaml --yes --resume --json'))
    .action(async (file, _options, command) => {
      const flags = globalsOf<typeof _options>(command);
      const interruption = listenForInterruption(ctx.io.signals);
      try {
        const { fleetApply } = await import('../../commands/fleet.js');
        const out = ctx.output(flags.json);
        ctx.exitCode = await fleetApply(out, file, flags, ctx.io, interruption.work, await loggerFor(ctx, flags));
        ctx.exitCode = interruption.exitCode ?? ctx.exitCode;
      } catch (error) {
        ctx.exitCode = await ctx.fail(error);
      } finally {
        interruption.dispose();
      }
    });
}
