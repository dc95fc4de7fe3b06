import { Command } from '@commander-js/extra-typings';
import { globalsOf, type CliContext } from '../../context.js';
import { withClient } from '../../session.js';
import { examples } from '../examples.js';

export function schemaPullCommand(ctx: CliContext) {
  return new Command('pull')
    .description('introspect the endpoint and write sorted SDL under a header (writes nothing on failure)')
    .option('--out <file>', 'where to write the snapshot', 'boomi-spaces.graphql')
    .addHelpText('after', examples('schema pull --out new.graphql'))
    .action(async (flags, command) => {
      ctx.exitCode = await withClient(ctx, globalsOf(command), async ({ client, out }) => {
        const { pullSchema } = await import('../../../tools/schemaPull.js');
        const result = await pullSchema(client, flags.out);
        out.result(result, () =>
          out.line(
            `Wrote ${result.file}: ${result.types} types, sha256 ${result.sha256}. Next: boomi-spaces schema diff ${result.file}.`,
          ),
        );
      });
    });
}
