import { Command } from '@commander-js/extra-typings';
import { globalsOf, type CliContext } from '../context.js';
import { integer } from '../parsers.js';
import { loggerFor } from '../session.js';
import { examples } from './examples.js';
import { pruneOption, rotateSecretsOption } from './planOptions.js';

export function applyCommand(ctx: CliContext) {
  return new Command('apply')
    .description(
      'bring the account to a plan file: batched installs, attachments (with --prune, removals), then settings and schedules',
    )
    .argument('<file>', 'a YAML or JSON plan')
    .option('--yes', 'apply without asking (required when not on a terminal)')
    .addOption(pruneOption())
    .addOption(rotateSecretsOption())
    .option('--batch-size <n>', 'installs per GraphQL request', integer('--batch-size', 1), 25)
    .addHelpText('after', examples('apply plan.yaml', 'apply plan.yaml --yes --json'))
    .action(async (file, _options, command) => {
      const flags = globalsOf<typeof _options>(command);
      const { applyCommand: apply } = await import('../commands/plan.js');
      const logger = await loggerFor(ctx, flags);
      const ok = await apply(ctx.output(flags.json), file, flags, logger, ctx.io);
      ctx.exitCode = ok ? 0 : 1;
    });
}
