import { Command } from '@commander-js/extra-typings';
import { globalsOf, untilInterrupted, type CliContext } from '../context.js';
import { collect, port } from '../parsers.js';
import { examples } from './examples.js';

export function consoleCommand(ctx: CliContext) {
  return new Command('console')
    .description('serve the local web console (and its /graphql proxy, which holds the credentials) until interrupted')
    .option('--port <port>', 'port to listen on (0: a free one)', port, 4600)
    .option('--host <host>', 'address to bind; anything but loopback exposes it to the network', '127.0.0.1')
    .option(
      '--allow-host <name>',
      'a host name browsers use to reach it (repeatable); required with a --host beyond loopback',
      collect,
      [],
    )
    .option('--open', 'open it in the desktop browser')
    .option('--simulator', 'start the embedded simulator behind it: no account needed')
    .addHelpText('after', examples('console --simulator --open', 'console --port 0'))
    .action(async (_options, command) => {
      const flags = globalsOf<typeof _options>(command);
      // Listening before the server starts: a Ctrl+C right after "Press Ctrl+C" is not missed.
      const interrupted = untilInterrupted(ctx.io.signals);
      const { runConsole } = await import('../commands/console.js');
      const running = await runConsole(ctx.output(flags.json), flags, ctx.io);
      await interrupted;
      await running.close();
    });
}
