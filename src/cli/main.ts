#!/usr/bin/env node
// The boomi-spaces CLI. Only commander and this file load at start-up: each command imports the SDK,
// the simulator or the table renderer when it runs, so `--help` stays fast. Options are typed by
// @commander-js/extra-typings (no casts); the environment is read in one place, `config.ts`.
import { createRequire } from 'node:module';
import { Argument, Command, Option } from '@commander-js/extra-typings';
import { endQuietlyOnBrokenPipe, EXIT, Output } from './output.js';
import { printable } from '../text/printable.js';
import { connected, connectedWithoutCredentials, loggerFor } from './session.js';
import { registerLifecycleCommands } from './lifecycleCommands.js';
import { registerSchemaCommands } from './schemaCommands.js';
import { collect, integer, rate } from './parsers.js';
import { DIALECTS } from '../schema/dialects.js';

const { version } = createRequire(import.meta.url)('../../package.json') as { version: string };

// `boomi-spaces instances | head -2`: a reader that stops early ends the CLI quietly, exit 141.
endQuietlyOnBrokenPipe(process.stdout);
endQuietlyOnBrokenPipe(process.stderr);

const pruneOption = () =>
  new Option(
    '--prune',
    'also uninstall instances of the space’s packs that the plan does not list, and detach environments it does not list',
  );

const rotateSecretsOption = () =>
  new Option(
    '--rotate-secrets',
    'send the plan’s secrets even where one is set already (the platform never returns them, so by default a set secret is left alone)',
  );

const program = new Command('boomi-spaces')
  .description('Install and manage Boomi integration packs through the Boomi Spaces GraphQL API.')
  .version(version, '--version', 'print the version')
  .option('--endpoint <url>', 'GraphQL endpoint (env: BOOMI_ENDPOINT)')
  .option('--auth-url <url>', 'JWT endpoint, without the account id (env: BOOMI_AUTH_URL)')
  .option('--account <accountId>', 'Boomi account id (env: BOOMI_ACCOUNT_ID)')
  .option('--username <email>', 'Boomi user name, an e-mail (env: BOOMI_USERNAME)')
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
  .showSuggestionAfterError()
  // Each command's help lists the global options too (--endpoint, --space-guid, --json, …).
  .configureHelp({ showGlobalOptions: true })
  // Commander echoes what was typed (an unknown command, a bad value): shown as text, never as escapes.
  .configureOutput({ writeErr: (text) => process.stderr.write(printable(text, { keepNewlines: true })) })
  .exitOverride();

program
  .command('spaces')
  .description('list the spaces of the account')
  .action(async (_options, command) => {
    const { client, out } = await connected(command.optsWithGlobals());
    await (await import('./commands/spaces.js')).listSpaces(client, out);
  });

const space = program
  .command('space')
  .description('show a space and the packs it shares, with their install types; or create, update, delete one')
  .argument('<spaceId>', 'the space id')
  .action(async (spaceId, _options, command) => {
    const { client, out } = await connected(command.optsWithGlobals());
    await (await import('./commands/spaces.js')).showSpace(client, out, spaceId);
  });

program
  .command('install')
  .description('install a pack, unless it is already installed (needs --space-guid)')
  .argument('<packId>', 'the integration pack id')
  .option('--name <overrideName>', 'instance name: required for MULTI packs, refused for SINGLE')
  .option('--space <spaceId>', 'check the pack against this space before installing')
  .action(async (packId, options, command) => {
    const { client, out, spaceGuid } = await connected(command.optsWithGlobals());
    await (await import('./commands/instances.js')).install(client, out, { packId, ...options, spaceGuid });
  });

program
  .command('instances')
  .description('list the installed instances (needs --space-guid)')
  .action(async (_options, command) => {
    const { client, out } = await connected(command.optsWithGlobals());
    await (await import('./commands/instances.js')).listInstances(client, out);
  });

program
  .command('uninstall')
  .description('uninstall an instance')
  .argument('<instanceId>', 'the instance id')
  .action(async (id, _options, command) => {
    const { client, out } = await connected(command.optsWithGlobals());
    await (await import('./commands/instances.js')).uninstall(client, out, id);
  });

program
  .command('environments')
  .description('list environments with their atoms and attachments (needs --space-guid)')
  .action(async (_options, command) => {
    const { client, out } = await connected(command.optsWithGlobals());
    await (await import('./commands/environments.js')).listEnvironments(client, out);
  });

program
  .command('attach')
  .description('attach an instance to environments (needs --space-guid)')
  .argument('<instanceId>', 'the instance id')
  .requiredOption('--env <envId...>', 'environment ids')
  .action(async (id, options, command) => {
    const { client, out } = await connected(command.optsWithGlobals());
    await (await import('./commands/environments.js')).attach(client, out, id, options.env);
  });

program
  .command('detach')
  .description('remove an attachment of an instance to an environment (needs --space-guid)')
  .argument('<attachmentId>', 'the attachment id')
  .action(async (id, _options, command) => {
    const { client, out } = await connected(command.optsWithGlobals());
    await (await import('./commands/environments.js')).detach(client, out, id);
  });

program
  .command('plan')
  .description('show what apply would change to match a plan file; changes nothing')
  .argument('<file>', 'a YAML or JSON plan')
  .addOption(pruneOption())
  .addOption(rotateSecretsOption())
  .option('--detailed-exitcode', 'exit 0 when there are no changes, 2 when there are, 1 on error')
  .action(async (file, _options, command) => {
    const flags = command.optsWithGlobals();
    const { planCommand } = await import('./commands/plan.js');
    const logger = await loggerFor(flags);
    const changes = await planCommand(new Output(Boolean(flags.json)), file, flags, logger);
    process.exitCode = flags.detailedExitcode && changes ? 2 : EXIT.ok;
  });

program
  .command('apply')
  .description(
    'bring the account to a plan file: batched installs, attachments (with --prune, removals), then settings and schedules',
  )
  .argument('<file>', 'a YAML or JSON plan')
  .option('--yes', 'apply without asking (required when not on a terminal)')
  .addOption(pruneOption())
  .addOption(rotateSecretsOption())
  .option('--batch-size <n>', 'installs per GraphQL request', integer('--batch-size', 1), 25)
  .action(async (file, _options, command) => {
    const flags = command.optsWithGlobals();
    const { applyCommand } = await import('./commands/plan.js');
    const logger = await loggerFor(flags);
    const ok = await applyCommand(new Output(Boolean(flags.json)), file, flags, logger);
    process.exitCode = ok ? EXIT.ok : EXIT.apiFailure;
  });

// The public Marketplace catalog: only --endpoint (or BOOMI_ENDPOINT) matters, no credentials are read or sent.
program
  .command('catalog')
  .description('search the public Marketplace catalog (no credentials needed)')
  .command('search')
  .description('list the published catalog listings matching a term, with their installs and publishing dates')
  .argument('<term>', 'text the listings must match (name, description)')
  .option('--limit <n>', 'listings shown at most, 1 to 1000', integer('--limit', 1, 1000), 20)
  .action(async (term, options, command) => {
    const { client, out } = await connectedWithoutCredentials(command.optsWithGlobals());
    await (await import('./commands/catalog.js')).searchCatalog(client, out, term, { limit: options.limit });
  });

/** Resolves at Ctrl+C or SIGTERM: servers run until then. */
const untilInterrupted = () =>
  new Promise<void>((resolve) => {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => resolve());
  });

registerLifecycleCommands(program, space);
registerSchemaCommands(program);

program
  .command('simulator')
  .description('run the Spaces simulator on loopback until interrupted')
  .option('--port <port>', 'port to listen on', integer('--port', 0), 4000)
  .option('--host <host>', 'address to bind', '127.0.0.1')
  .option('--latency <ms>', 'delay before every answer', integer('--latency', 0), 0)
  .option('--jwt-ttl <seconds>', 'lifetime of issued JWTs', integer('--jwt-ttl', 1), 300)
  .option(
    '--rate-limit <requests/s>',
    'answer 429 above this many GraphQL requests per second',
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
  .action(async (_options, command) => {
    const flags = command.optsWithGlobals();
    const { runSimulator } = await import('./commands/simulator.js');
    const simulator = await runSimulator(new Output(Boolean(flags.json)), {
      port: flags.port,
      host: flags.host,
      latencyMs: flags.latency,
      jwtTtlSeconds: flags.jwtTtl,
      rateLimit: flags.rateLimit,
      dialect: flags.dialect,
      faults: {
        unavailableRate: flags.failRate,
        dropAfterExecuteRate: flags.dropRate,
        rateLimitedRate: flags.rateLimitedRate,
        seed: flags.seed,
      },
    });
    await untilInterrupted();
    await simulator.close();
  });

program
  .command('console')
  .description('serve the local web console (and its /graphql proxy, which holds the credentials) until interrupted')
  .option('--port <port>', 'port to listen on (0: a free one)', integer('--port', 0), 4600)
  .option('--host <host>', 'address to bind; anything but loopback exposes it to the network', '127.0.0.1')
  .option(
    '--allow-host <name>',
    'a host name browsers use to reach it (repeatable); required with a --host beyond loopback',
    collect,
    [],
  )
  .option('--open', 'open it in the desktop browser')
  .option('--simulator', 'start the embedded simulator behind it: no account needed')
  .action(async (_options, command) => {
    const flags = command.optsWithGlobals();
    const { runConsole } = await import('./commands/console.js');
    const running = await runConsole(new Output(Boolean(flags.json)), flags);
    await untilInterrupted();
    await running.close();
  });

program
  .command('completion')
  .description('print a shell completion script: source <(boomi-spaces completion bash), or zsh, or fish')
  .addArgument(new Argument('<shell>', 'the shell').choices(['bash', 'zsh', 'fish']))
  .action(async (shell) => {
    const { completionScript } = await import('./completion.js');
    process.stdout.write(completionScript(program, shell));
  });

program
  .command('demo')
  .description('start the simulator in-process and walk through the main job with the SDK')
  .addOption(
    new Option('--dialect <names>', 'root field names the simulator serves: help (`Space`) or reference (`space`)')
      .choices(DIALECTS)
      .default('help' as const),
  )
  .action(async (options, command) => {
    const { runDemo } = await import('./commands/demo.js');
    await runDemo(new Output(Boolean(command.optsWithGlobals().json)), { dialect: options.dialect });
  });

program.parseAsync(process.argv).then(
  () => {
    process.exitCode ??= EXIT.ok;
  },
  async (error: unknown) => {
    const { reportFailure } = await import('./failure.js');
    const code = await reportFailure(error, { json: process.argv.includes('--json') });
    // With --detailed-exitcode, 2 means "changes": every error is 1.
    process.exitCode = process.argv.includes('--detailed-exitcode') && code !== EXIT.ok ? EXIT.apiFailure : code;
  },
);
