import { Command, Option } from '@commander-js/extra-typings';
import { printable } from '../../text/printable.js';
import { CliUsageError } from '../CliUsageError.js';
import type { CliContext } from '../context.js';
import { examples } from './examples.js';

/**
 * `--api-token <token>` is refused, not unknown: as an unknown option its value would be read as the
 * command (`--api-token demo spaces` ran nothing and pointed at `demo`), and a token in the command
 * line shows in `ps` and the shell's history. The value is never echoed.
 */
const refuseApiToken = (): never => {
  throw new CliUsageError(
    'the API token is never an option’s value (it would show in `ps` and the shell’s history): ' +
      'pipe it with --api-token-stdin (`printenv BOOMI_API_TOKEN | boomi-spaces --api-token-stdin spaces`) ' +
      'or set BOOMI_API_TOKEN',
  );
};

/**
 * `boomi-spaces` itself: the global options, and output to this run's streams. Commander's exits are
 * overridden per command (program.ts), so a usage error names the help of the command it happened in.
 */
export function rootCommand(ctx: CliContext, version: string) {
  const { stdout, stderr } = ctx.io;
  return (
    new Command('boomi-spaces')
      .description('Install and manage Boomi integration packs through the Boomi Spaces GraphQL API.')
      .version(version, '--version', 'print the version')
      .option(
        '--endpoint <url>',
        'GraphQL endpoint (env: BOOMI_ENDPOINT; default https://platform.boomi.com/graphql, the Spaces API’s documented endpoint)',
      )
      .option(
        '--region <region>',
        'use a Boomi region’s hosts instead: us (api.boomi.com) or gb (api.platform.gb.boomi.com); an explicit endpoint or auth URL wins (env: BOOMI_REGION)',
      )
      .option(
        '--auth-url <url>',
        'JWT endpoint, without the account id (env: BOOMI_AUTH_URL; default https://api.boomi.com/auth/jwt/generate, or the --region’s)',
      )
      .option('--account <accountId>', 'Boomi account id (env: BOOMI_ACCOUNT_ID)')
      .option('--username <email>', 'Boomi user name, an e-mail (env: BOOMI_USERNAME)')
      .addOption(new Option('--api-token <token>').hideHelp().argParser(refuseApiToken))
      .option('--api-token-stdin', 'read the API token from standard input (else BOOMI_API_TOKEN; or set BOOMI_JWT)')
      .option('--space-guid <guid>', 'SPACE_GUID header for space-scoped commands (env: BOOMI_SPACE_GUID)')
      .option(
        '--pace <requests/s>',
        'send at most this many requests per second, 0 for no pacing (env: BOOMI_PACE; default 10)',
      )
      .option(
        '--max-response-mb <MiB>',
        'read answers up to this size, 1 to 256: raise it for accounts of more than about 30 000 instances (env: BOOMI_MAX_RESPONSE_MB; default 8)',
      )
      .option('--json', 'print exactly one JSON document on stdout')
      .option('--verbose', 'show each HTTP attempt, retry and token refresh on stderr (credentials redacted)')
      .addHelpText(
        'after',
        // The commands' own examples (a test checks each is one), for a first session.
        examples(
          'demo',
          'spaces',
          'install "Order Intake"',
          'attach "EU invoices" --env Production Test',
          'plan examples/plan.yaml',
          'apply plan.yaml --yes --json',
          'fleet apply fleet.yaml --yes',
        ),
      )
      .showSuggestionAfterError()
      // Each command's help lists the global options too (--endpoint, --space-guid, --json, …).
      .configureHelp({ showGlobalOptions: true })
      .configureOutput({
        writeOut: (text) => stdout.write(text),
        // Commander echoes what was typed (an unknown command, a bad value): shown as text, never as escapes.
        writeErr: (text) => stderr.write(printable(text, { keepNewlines: true })),
        // Commander's own errors are reported by the CLI's error mapping (`failure.ts`), in its format.
        outputError: () => {},
        getOutHelpWidth: () => (stdout.isTTY && stdout.columns ? stdout.columns : 80),
        getErrHelpWidth: () => (stderr.isTTY && stderr.columns ? stderr.columns : 80),
        // The help is never styled: nothing to strip (stripping costs start-up time).
        getOutHasColors: () => false,
        getErrHasColors: () => false,
        stripColor: (text) => text,
      })
  );
}
