import { Command } from '@commander-js/extra-typings';
import { globalsOf, type CliContext } from '../context.js';
import { collect } from '../parsers.js';
import { withClient } from '../session.js';
import { examples } from './examples.js';
import { SENDS } from './sends.js';

export function configureCommand(ctx: CliContext) {
  return new Command('configure')
    .description('set connection fields and process properties of an instance in an environment (a partial update)')
    .argument('<instance>', 'the instance: its id or name (`boomi-spaces instances` lists them)')
    .requiredOption('--env <env>', 'environment name or id')
    .option('--set <name.setting=value>', 'a connection field or process property (repeatable)', collect, [])
    .option(
      '--set-secret <name.setting=ENV_VAR>',
      'an encrypted field from an environment variable (repeatable)',
      collect,
      [],
    )
    .option('--secret-stdin <name.setting>', 'an encrypted field read from standard input')
    .option('--use-default <name.setting>', 'back to the pack’s default (repeatable)', collect, [])
    .addHelpText(
      'after',
      examples(
        'configure inst-7 --env Production --set SFTP.host=sftp.acme.example --set-secret SFTP.password=SFTP_PASSWORD',
        'configure inst-7 --env Production --use-default "Invoice settings.Batch size"',
      ),
    )
    .action(async (instanceId, options, command) => {
      ctx.exitCode = await withClient(
        ctx,
        globalsOf(command),
        async ({ client, out }) =>
          (await import('../commands/configure.js')).configure(client, out, { instanceId, ...options }, ctx.io),
        { sends: SENDS.configure },
      );
    });
}
