import { Command } from '@commander-js/extra-typings';
import { CliUsageError } from '../../CliUsageError.js';
import { globalsOf, type CliContext } from '../../context.js';
import { withClient } from '../../session.js';
import { examples } from '../examples.js';

export function contractCheckCommand(ctx: CliContext) {
  return new Command('check')
    .description(
      'run every read-only operation against the endpoint and check each answer against the snapshot’s types (never a mutation)',
    )
    .option('--space <space>', 'the Space to read, by id or name (default: the first one listSpaces returns)')
    .option('--allow-writes', 'also create, update and delete a throwaway Space (needs the two options below)')
    .option(
      '--throwaway-space <name>',
      'with --allow-writes: the name of the Space to create and delete (must not exist)',
    )
    .option('--account-group <id>', 'with --allow-writes: the account group of the throwaway Space')
    .addHelpText(
      'after',
      examples(
        'contract check --json',
        'contract check --allow-writes --throwaway-space contract-check-tmp --account-group ag-1',
      ),
    )
    .action(async (flags, command) => {
      const named = flags.throwawaySpace !== undefined && flags.accountGroup !== undefined;
      if (flags.allowWrites ? !named : flags.throwawaySpace !== undefined || flags.accountGroup !== undefined)
        throw new CliUsageError(
          '--allow-writes goes with --throwaway-space <name> and --account-group <id>, and they only with it',
        );
      ctx.exitCode = await withClient(ctx, globalsOf(command), async ({ client, out, spaceGuid }) => {
        const [{ runContractCheck }, { PACKAGE_OPERATIONS, PACKAGE_SNAPSHOT }, { resolveSpaceId }] = await Promise.all([
          import('../../commands/contract.js'),
          import('../../packageFiles.js'),
          import('../../resolve.js'),
        ]);
        // Among the listed Spaces (the check lists them anyway): an unknown or shared name is a usage error.
        const spaceId =
          flags.space === undefined ? undefined : await resolveSpaceId(flags.space, () => client.listSpaces());
        return runContractCheck(
          client,
          out,
          {
            ...(spaceId !== undefined && { spaceId }),
            ...(spaceGuid !== undefined && { spaceGuid }),
            ...(flags.allowWrites &&
              named && { writes: { spaceName: flags.throwawaySpace!, accountGroupId: flags.accountGroup! } }),
            snapshot: PACKAGE_SNAPSHOT,
            operations: PACKAGE_OPERATIONS,
          },
          ctx.io.signals,
        );
      });
    });
}
