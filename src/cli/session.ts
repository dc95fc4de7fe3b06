// What every command that talks to the API needs: a client from flags and environment, the output,
// and the client closed after. Loads nothing heavy at import: config, connect and the verbose logger
// come in when a command runs.
import type { SpacesClient } from '../client/createSpacesClient.js';
import { printable } from '../text/printable.js';
import type { TransportLogger } from '../transport/events.js';
import type { CliContext, GlobalFlags } from './context.js';
import type { Output } from './output.js';

/** The --verbose logger on this run's stderr, loaded only when asked for. */
export async function loggerFor(ctx: CliContext, flags: GlobalFlags): Promise<TransportLogger | undefined> {
  if (!flags.verbose) return undefined;
  const { verboseLogger } = await import('./verbose.js');
  return verboseLogger((line) => ctx.io.stderr.write(`${printable(line)}\n`));
}

/** What a command's body works with. */
export interface Session {
  client: SpacesClient;
  out: Output;
  /** The SPACE_GUID the client sends, from --space-guid or BOOMI_SPACE_GUID. */
  spaceGuid?: string;
}

/**
 * Runs `body` with a client made from the flags and this run's environment (and stdin, for
 * --api-token-stdin), then closes the client. Resolves to the exit code: the body's (0 when it
 * returns nothing), or the one error → exit code mapping's when anything on the way throws. With
 * `credentials: false` no credential is read or sent (the public catalog).
 *
 * @example
 * ctx.exitCode = await withClient(ctx, globalsOf(command), ({ client, out }) => listSpaces(client, out));
 */
export async function withClient(
  ctx: CliContext,
  flags: GlobalFlags,
  body: (session: Session) => Promise<number | void>,
  { credentials = true }: { credentials?: boolean } = {},
): Promise<number> {
  let client: SpacesClient | undefined;
  try {
    const [{ resolveConnection, resolvePublicConnection }, { connect }] = await Promise.all([
      import('./config.js'),
      import('./connect.js'),
    ]);
    const { env, stdin } = ctx.io;
    const connection = credentials ? await resolveConnection(flags, env, stdin) : resolvePublicConnection(flags, env);
    client = connect(connection, await loggerFor(ctx, flags));
    const out = ctx.output(flags.json);
    const spaceGuid = connection.spaceGuid;
    return (await body({ client, out, ...(spaceGuid !== undefined && { spaceGuid }) })) ?? 0;
  } catch (error) {
    return await ctx.fail(error);
  } finally {
    await client?.close();
  }
}
