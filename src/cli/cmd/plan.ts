import { Command } from '@commander-js/extra-typings';
import { globalsOf, type CliContext } from '../context.js';
import { loggerFor } from '../session.js';
import { examples } from './examples.js';
import { pruneOption, rotateSecretsOption } from './planOptions.js';

export function planCommand(ctx: CliContext) {
  return new Command('plan')
    .description('show what apply would change to match a plan file; changes nothing')
    .argument('<file>', 'a YAML or JSON plan')
    .addOption(pruneOption())
    .addOption(rotateSecretsOption())
    .option('--detailed-exitcode', 'exit 0 when there are no changes, 2 when there are, 1 on error')
    .addHelpText('after', examples('plan examples/plan.yaml', 'plan plan.yaml --prune --detailed-exitcode'))
    .action(async (file, _options, command) => {
      const flags = globalsOf<typeof _options>(command);
      const { planCommand: plan } = await import('../commands/plan.js');
      const logger = await loggerFor(ctx, flags);
      const changes = await plan(ctx.output(flags.json), file, flags, logger, ctx.io);
      ctx.exitCode = flags.detailedExitcode && changes ? 2 : 0;
    });
}
