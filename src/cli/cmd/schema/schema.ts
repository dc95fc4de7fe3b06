import { Command } from '@commander-js/extra-typings';
import type { CliContext } from '../../context.js';
import { examples } from '../examples.js';
import { schemaDiffCommand } from './diff.js';
import { schemaPullCommand } from './pull.js';

// The schema change workflow (docs/schema-and-contract.md, "When the schema changes"). Each
// subcommand loads graphql and @graphql-inspector/core only when it runs.
export function schemaCommand(ctx: CliContext) {
  return new Command('schema')
    .description('pull the platform’s schema and diff it against the snapshot')
    .addHelpText('after', examples('schema pull --out new.graphql', 'schema diff new.graphql'))
    .addCommand(schemaPullCommand(ctx))
    .addCommand(schemaDiffCommand(ctx));
}
