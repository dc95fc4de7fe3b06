import { Argument, Command } from '@commander-js/extra-typings';
import type { CliContext } from '../context.js';
import { examples } from './examples.js';

export function completionCommand(ctx: CliContext) {
  return new Command('completion')
    .description('print a shell completion script: source <(boomi-spaces completion bash), or zsh, or fish')
    .addArgument(new Argument('<shell>', 'the shell').choices(['bash', 'zsh', 'fish']))
    .addHelpText('after', examples('completion bash > ~/.local/share/bash-completion/completions/boomi-spaces'))
    .action(async (shell, _options, command) => {
      const { completionScript } = await import('../completion.js');
      // The whole tree, read from the root: completion never lags behind the commands.
      ctx.io.stdout.write(completionScript(command.parent!, shell));
    });
}
