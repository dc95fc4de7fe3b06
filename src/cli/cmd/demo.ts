import { Command, Option } from '@commander-js/extra-typings';
import { DIALECTS } from '../../schema/dialects.js';
import { globalsOf, type CliContext } from '../context.js';
import { examples } from './examples.js';

export function demoCommand(ctx: CliContext) {
  return new Command('demo')
    .description('start the simulator in-process and walk through the main job with the SDK')
    .addOption(
      new Option('--dialect <names>', 'root field names the simulator serves: help (`Space`) or reference (`space`)')
        .choices(DIALECTS)
        .default('help' as const),
    )
    .addHelpText('after', examples('demo', 'demo --json'))
    .action(async (options, command) => {
      const { runDemo } = await import('../commands/demo.js');
      await runDemo(ctx.output(globalsOf(command).json), { dialect: options.dialect });
    });
}
