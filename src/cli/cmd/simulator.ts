import { Command, Option } from '@commander-js/extra-typings';
import { DIALECTS } from '../../schema/dialects.js';
import { MAX_FLEET_ACCOUNTS } from '../../simulator/platform/fleetLimits.js';
import { globalsOf, untilInterrupted, type CliContext } from '../context.js';
import { integer, port, rate } from '../parsers.js';
import { examples } from './examples.js';

export function simulatorCommand(ctx: CliContext) {
  return new Command('simulator')
    .description('run the Spaces simulator on loopback until interrupted')
    .option('--port <port>', 'port to listen on', port, 4000)
    .option('--host <host>', 'address to bind', '127.0.0.1')
    .option('--latency <ms>', 'delay before every answer', integer('--latency', 0), 0)
    .option(
      '--accounts <n>',
      'serve a fleet: accounts fleet-001… each with its own data, 10 requests/s and token token-<account id>',
      integer('--accounts', 1, MAX_FLEET_ACCOUNTS),
    )
    .option('--jwt-ttl <seconds>', 'lifetime of issued JWTs', integer('--jwt-ttl', 1), 300)
    .option(
      '--rate-limit <requests/s>',
      'answer 429 above this many GraphQL requests per second (per account; 10 by default with --accounts)',
      integer('--rate-limit', 1),
    )
    .option('--fail-rate <rate>', 'share of GraphQL calls answered 503 before executing', rate, 0)
    .option('--drop-rate <rate>', 'share of GraphQL calls executed, then dropped unanswered', rate, 0)
    .option('--rate-limited-rate <rate>', 'share of GraphQL calls answered 429 with Retry-After', rate, 0)
    .option('--seed <n>', 'seed of the fault draws', integer('--seed', 0), 1)
    .addOption(
      new Option('--dialect <names>', 'root field names served: help (`Space`) or reference (`space`)')
        .choices(DIALECTS)
        .default('help' as const),
    )
    .addHelpText(
      'after',
      examples('simulator', 'simulator --port 0 --fail-rate 0.1 --seed 7 --json', 'simulator --accounts 3'),
    )
    .action(async (_options, command) => {
      const flags = globalsOf<typeof _options>(command);
      // Listening before the server starts: a Ctrl+C right after "Press Ctrl+C" is not missed.
      const interrupted = untilInterrupted(ctx.io.signals);
      const { runSimulator } = await import('../commands/simulator.js');
      const simulator = await runSimulator(ctx.output(flags.json), {
        port: flags.port,
        host: flags.host,
        latencyMs: flags.latency,
        jwtTtlSeconds: flags.jwtTtl,
        rateLimit: flags.rateLimit,
        ...(flags.accounts !== undefined && { accounts: flags.accounts }),
        dialect: flags.dialect,
        faults: {
          unavailableRate: flags.failRate,
          dropAfterExecuteRate: flags.dropRate,
          rateLimitedRate: flags.rateLimitedRate,
          seed: flags.seed,
        },
      });
      await interrupted;
      await simulator.close();
    });
}
