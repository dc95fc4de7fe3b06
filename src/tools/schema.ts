#!/usr/bin/env node
// `npm run schema:pull` and `npm run schema:diff`: the schema change workflow (see README, "When the
// schema changes"). A developer tool, not part of the SDK entry or the boomi-spaces CLI.
import { Command } from '@commander-js/extra-typings';
import { resolveConnection } from '../cli/config.js';
import { connect } from '../cli/connect.js';
import { reportFailure } from '../cli/failure.js';
import { Output } from '../cli/output.js';
import { pullSchema } from './schemaPull.js';
import { diffSchemas, type DiffReport } from './schemaDiff.js';

const DEFAULT_SNAPSHOT = 'schema/boomi-spaces.graphql';

const program = new Command('schema').description('Pull and diff the Boomi Spaces schema snapshot.').exitOverride();

program
  .command('pull')
  .description('introspect an endpoint and write the snapshot as sorted SDL (writes nothing on failure)')
  .option('--endpoint <url>', 'GraphQL endpoint to introspect (env: BOOMI_ENDPOINT)')
  .option('--auth-url <url>', 'JWT endpoint, without the account id (env: BOOMI_AUTH_URL)')
  .option('--account <accountId>', 'Boomi account id (env: BOOMI_ACCOUNT_ID)')
  .option('--username <email>', 'Boomi user name (env: BOOMI_USERNAME)')
  .option('--api-token-stdin', 'read the API token from standard input (else BOOMI_API_TOKEN; or set BOOMI_JWT)')
  .option('--space-guid <guid>', 'SPACE_GUID header (env: BOOMI_SPACE_GUID)')
  .option('--out <file>', 'where to write the snapshot', DEFAULT_SNAPSHOT)
  .option('--json', 'print the result as one JSON document')
  .action(async (flags) => {
    const out = new Output(Boolean(flags.json));
    const client = connect(await resolveConnection(flags, process.env, process.stdin));
    const result = await pullSchema(client, flags.out);
    out.result(result, () =>
      out.line(`Wrote ${result.file}: ${result.types} types, sha256 ${result.sha256}. Next: npm run schema:diff.`),
    );
  });

program
  .command('diff')
  .description('list breaking, dangerous and safe changes, and check every operation against the new schema')
  .argument('<new.graphql>', 'the candidate schema')
  .option('--against <file>', 'the schema to compare with', DEFAULT_SNAPSHOT)
  .option('--operations <dir>', 'the operations to check', 'operations')
  .option('--json', 'print the report as one JSON document')
  .action(async (candidate, flags) => {
    const out = new Output(Boolean(flags.json));
    const report = await diffSchemas(flags.against, candidate, flags.operations);
    out.result(report, () => printReport(out, report));
    process.exitCode = report.exitCode;
  });

function printReport(out: Output, report: DiffReport): void {
  out.line(`Schema diff: ${report.against} → ${report.candidate}`);
  for (const level of ['BREAKING', 'DANGEROUS', 'NON_BREAKING'] as const) {
    const changes = report.changes.filter((c) => c.criticality === level);
    out.line(
      `${level === 'NON_BREAKING' ? 'Safe' : level === 'BREAKING' ? 'Breaking' : 'Dangerous'} changes: ${changes.length}`,
    );
    for (const change of changes) {
      const used = change.usedBy.length > 0 ? `used by ${change.usedBy.join(', ')}` : 'not used by our operations';
      out.line(
        `  ${level === 'BREAKING' && change.usedBy.length > 0 ? '✗' : '•'} ${change.message} [${change.path ?? '-'}] (${used})`,
      );
    }
  }
  out.line('Our operations against the new schema:');
  for (const op of report.operations) {
    out.line(op.valid ? `  ✓ ${op.name}` : `  ✗ ${op.name}: ${op.errors.join('; ')}`);
  }
  out.line(
    report.exitCode === 0
      ? 'Result: our operations are unaffected. Next: npm run codegen && npm test.'
      : 'Result: the new schema breaks our operations (exit 1). Fix the operations above, then npm run codegen && npm test.',
  );
}

program.parseAsync(process.argv).catch(async (error: unknown) => {
  process.exitCode = await reportFailure(error, { json: process.argv.includes('--json') });
});
