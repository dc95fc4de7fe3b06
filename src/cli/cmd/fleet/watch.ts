import { Command, Option } from '@commander-js/extra-typings';
import { CliUsageError } from '../../CliUsageError.js';
import { globalsOf, type CliContext } from '../../context.js';
import { integer } from '../../parsers.js';
import { loggerFor } from '../../session.js';
import { examples } from '../examples.js';
import { onlyOption } from './options.js';

const FINAL = ['COMPLETE', 'COMPLETE_WARN', 'ERROR', 'ABORTED', 'DISCARDED'] as const;

export function fleetWatchCommand(ctx: CliContext) {
  return new Command('watch')
    .description('follow every account’s new executions and print each once it ends, until Ctrl+C (exit 0)')
    .argument('<file>', 'a YAML or JSON fleet file')
    .addOption(onlyOption())
    .addOption(new Option('--status <status>', 'only executions that ended in this state').choices(FINAL))
    .option('--on-error <command>', 'run this shell command for each ERROR execution, the execution as JSON on stdin')
    .option('--poll <seconds>', 'seconds between polls while executions change', integer('--poll', 1, 3600), 5)
    .addHelpText(
      'after',
      examples('fleet watch fleet.yaml --status ERROR', `fleet watch fleet.yaml --on-error 'cat >> errors.jsonl'`),
    )
    .action(async (file, _options, command) => {
      const flags = globalsOf<typeof _options>(command);
      try {
        if (flags.onError !== undefined && flags.onError.trim() === '')
          throw new CliUsageError('--on-error needs a command');
        const { fleetWatch } = await import('../../commands/fleet.js');
        ctx.exitCode = await fleetWatch(
          ctx.output(flags.json),
          file,
          { ...flags, pollSeconds: flags.poll },
          ctx.io,
          await loggerFor(ctx, flags),
        );
      } catch (error) {
        ctx.exitCode = await ctx.fail(error);
      }
    });
}
