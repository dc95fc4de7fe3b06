import { Command } from '@commander-js/extra-typings';
import { globalsOf, type CliContext } from '../../context.js';
import { examples } from '../examples.js';

export function schemaDiffCommand(ctx: CliContext) {
  return new Command('diff')
    .description('list breaking, dangerous and safe changes, and check every operation against the new schema')
    .argument('<new.graphql>', 'the candidate schema')
    .option('--against <file>', 'the schema to compare with (default: the snapshot this package was built from)')
    .option('--operations <dir>', 'the operations to check (default: this package’s operations)')
    .addHelpText('after', examples('schema diff new.graphql', 'schema diff new.graphql --against old.graphql --json'))
    .action(async (candidate, flags, command) => {
      const [{ diffSchemas, printDiffReport }, { PACKAGE_OPERATIONS, PACKAGE_SNAPSHOT }] = await Promise.all([
        import('../../../tools/schemaDiff.js'),
        import('../../packageFiles.js'),
      ]);
      const out = ctx.output(globalsOf(command).json);
      const report = await diffSchemas(
        flags.against ?? PACKAGE_SNAPSHOT,
        candidate,
        flags.operations ?? PACKAGE_OPERATIONS,
      );
      out.result(report, () => printDiffReport(out, report));
      ctx.exitCode = report.exitCode;
    });
}
