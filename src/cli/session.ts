// What every command that talks to the API needs: a client from flags and environment, the output,
// and the client closed after. Loads nothing heavy at import: config, connect and the verbose logger
// come in when a command runs.
import type { SpacesClient } from '../client/createSpacesClient.js';
import type { OperationName } from '../generated/operations.js';
import { printable } from '../text/printable.js';
import type { TransportLogger } from '../transport/events.js';
import type { CliContext, GlobalFlags } from './context.js';
import type { Output } from './output.js';
import { CliUsageError } from './CliUsageError.js';

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

/** What a command says of the client it needs. */
export interface ClientNeeds {
  /** False: no credential is read or sent (the public catalog). Default true. */
  credentials?: boolean;
  /**
   * Every operation the command may send. When one needs the SPACE_GUID header (its file's
   * `# @needsSpaceGuid`), the Space is required before anything is sent, and a Space's name given
   * for it is looked up first.
   */
  sends?: readonly OperationName[];
}

/**
 * Runs `body` with a client made from the flags and this run's environment (and stdin, for
 * --api-token-stdin), then closes the client. Resolves to the exit code: the body's (0 when it
 * returns nothing), or the one error → exit code mapping's when anything on the way throws.
 *
 * @example
 * ctx.exitCode = await withClient(ctx, globalsOf(command), ({ client, out }) => listSpaces(client, out), {
 *   sends: ['listSpaces'],
 * });
 */
export async function withClient(
  ctx: CliContext,
  flags: GlobalFlags,
  body: (session: Session) => Promise<number | void>,
  { credentials = true, sends = [] }: ClientNeeds = {},
): Promise<number> {
  let client: SpacesClient | undefined;
  try {
    const [{ resolveConnection, resolvePublicConnection }, { connect }] = await Promise.all([
      import('./config.js'),
      import('./connect.js'),
    ]);
    const { env, stdin } = ctx.io;
    const connection = credentials ? await resolveConnection(flags, env, stdin) : resolvePublicConnection(flags, env);
    const logger = await loggerFor(ctx, flags);
    let spaceGuid = connection.spaceGuid;
    if (await needsSpace(sends)) {
      if (spaceGuid === undefined) throw new CliUsageError(NO_SPACE);
      spaceGuid = await spaceIdOf(spaceGuid, () => connect({ ...connection, spaceGuid: undefined }, logger));
    }
    client = connect({ ...connection, spaceGuid }, logger);
    const out = ctx.output(flags.json);
    return (await body({ client, out, ...(spaceGuid !== undefined && { spaceGuid }) })) ?? 0;
  } catch (error) {
    return await ctx.fail(error);
  } finally {
    await client?.close();
  }
}

const NO_SPACE =
  'this command works in a Space: give --space-guid <id or name> or set BOOMI_SPACE_GUID ' +
  '(`boomi-spaces spaces` lists them); nothing was sent';

/** The SPACE_GUID's id: a Space's name looked up by a client that sends no SPACE_GUID, made only for it. */
export async function spaceIdOf(nameOrId: string, lookupClient: () => SpacesClient): Promise<string> {
  const { resolveSpaceId } = await import('./resolve.js');
  let lookup: SpacesClient | undefined;
  try {
    return await resolveSpaceId(nameOrId, () => (lookup = lookupClient()).listSpaces());
  } finally {
    await lookup?.close();
  }
}

/** Whether one of the operations needs the SPACE_GUID header, as the operations declare (OPERATION_FACTS). */
async function needsSpace(sends: readonly OperationName[]): Promise<boolean> {
  if (sends.length === 0) return false;
  const { OPERATION_FACTS } = await import('../generated/operationFacts.js');
  return sends.some((operation) => OPERATION_FACTS[operation].needsSpaceGuid);
}
