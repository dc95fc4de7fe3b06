// `boomi-spaces schema pull|diff`: the schema change workflow (README, "When the schema changes").
// Each loads graphql and @graphql-inspector/core only when it runs.
import { fileURLToPath } from 'node:url';
import type { Command } from '@commander-js/extra-typings';
import { connected } from './session.js';

/** The snapshot and operations this package was built from (the same files in the repository). */
export const PACKAGE_SNAPSHOT = fileURLToPath(new URL('../../schema/boomi-spaces.graphql', import.meta.url));
export const PACKAGE_OPERATIONS = fileURLToPath(new URL('../../operations', import.meta.url));

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function registerSchemaCommands(program: Command<any, any, any>): void {
  const schema = program.command('schema').description('pull the platform’s schema and diff it against the snapshot');

  schema
    .command('pull')
    .description('introspect the endpoint and write sorted SDL under a header (writes nothing on failure)')
    .option('--out <file>', 'where to write the snapshot', 'boomi-spaces.graphql')
    .action(async (flags, command) => {
      const { client, out } = await connected(command.optsWithGlobals());
      const { pullSchema } = await import('../tools/schemaPull.js');
      const result = await pullSchema(client, flags.out);
      out.result(result, () =>
        out.line(
          `Wrote ${result.file}: ${result.types} types, sha256 ${result.sha256}. Next: boomi-spaces schema diff ${result.file}.`,
        ),
      );
    });

  schema
    .command('diff')
    .description('list breaking, dangerous and safe changes, and check every operation against the new schema')
    .argument('<new.graphql>', 'the candidate schema')
    .option('--against <file>', 'the schema to compare with (default: the snapshot this package was built from)')
    .option('--operations <dir>', 'the operations to check (default: this package’s operations)')
    .action(async (candidate, flags, command) => {
      const { json } = command.optsWithGlobals() as { json?: boolean };
      const { Output } = await import('./output.js');
      const { diffSchemas, printDiffReport } = await import('../tools/schemaDiff.js');
      const out = new Output(Boolean(json));
      const report = await diffSchemas(
        flags.against ?? PACKAGE_SNAPSHOT,
        candidate,
        flags.operations ?? PACKAGE_OPERATIONS,
      );
      out.result(report, () => printDiffReport(out, report));
      process.exitCode = report.exitCode;
    });

  program
    .command('contract')
    .description('check the live platform against the snapshot the SDK was built from')
    .command('check')
    .description(
      'run every read-only operation against the endpoint and check each answer against the snapshot’s types (never a mutation)',
    )
    .option('--space <spaceId>', 'the Space to read (default: the first one listSpaces returns)')
    .option('--allow-writes', 'also create, update and delete a throwaway Space (needs the two options below)')
    .option(
      '--throwaway-space <name>',
      'with --allow-writes: the name of the Space to create and delete (must not exist)',
    )
    .option('--account-group <id>', 'with --allow-writes: the account group of the throwaway Space')
    .action(async (flags, command) => {
      const { CliUsageError } = await import('./CliUsageError.js');
      const named = flags.throwawaySpace !== undefined && flags.accountGroup !== undefined;
      if (flags.allowWrites ? !named : flags.throwawaySpace !== undefined || flags.accountGroup !== undefined)
        throw new CliUsageError(
          '--allow-writes goes with --throwaway-space <name> and --account-group <id>, and they only with it',
        );
      const globals = command.optsWithGlobals() as { json?: boolean; spaceGuid?: string };
      const { client, out, spaceGuid } = await connected(globals);
      const { runContractCheck } = await import('./commands/contract.js');
      process.exitCode = await runContractCheck(client, out, {
        ...(flags.space !== undefined && { spaceId: flags.space }),
        ...(spaceGuid !== undefined && { spaceGuid }),
        ...(flags.allowWrites &&
          named && { writes: { spaceName: flags.throwawaySpace!, accountGroupId: flags.accountGroup! } }),
        snapshot: PACKAGE_SNAPSHOT,
        operations: PACKAGE_OPERATIONS,
      });
    });
}
