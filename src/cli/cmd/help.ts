import { Command, type CommandUnknownOpts } from '@commander-js/extra-typings';
import { namesOf } from '../usage.js';
import { examples } from './examples.js';

/**
 * `help [command...]` of the root and of every group (`space` too, which runs an action and so got
 * no help command from commander): the help of that command, on stdout. An unknown name is commander's
 * unknown command, with its "did you mean" (commander's own help command shows the whole help and
 * exits 0 for it).
 */
export function helpCommand(parent: CommandUnknownOpts) {
  const path = namesOf(parent).slice(1);
  const first = parent.commands[0]!.name();
  return new Command('help')
    .description('display help for command')
    .argument('[command...]', 'the command, and its subcommand, whose help to show')
    .addHelpText('after', examples([...path, 'help', first].join(' ')))
    .action((names, _options, command) => {
      let target = command.parent!;
      for (const name of names) {
        const next = target.commands.find((c) => c.name() === name || c.aliases().includes(name));
        if (!next) unknownCommand(target, name);
        target = next;
      }
      target.outputHelp();
    });
}

/** Commander's "unknown command 'x'", suggestion included: its method for that (not in its types). */
function unknownCommand(command: CommandUnknownOpts, name: string): never {
  command.args = [name];
  return (command as unknown as { unknownCommand(): never }).unknownCommand();
}
