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
  /** Of a command working in a Space, its first request waits for the Space's id (a name looked up). */
  client: SpacesClient;
  out: Output;
  /** The SPACE_GUID as given, by --space-guid or BOOMI_SPACE_GUID: an id or a Space's name. */
  spaceGuid?: string;
  /** The Space's id, looked up once by the client (when the command needs the Space, not before). */
  spaceId: () => Promise<string>;
}

/** What a command says of the client it needs. */
export interface ClientNeeds {
  /** False: no credential is read or sent (the public catalog). Default true. */
  credentials?: boolean;
  /**
   * Every operation the command may send. When one needs the SPACE_GUID header (its file's
   * `# @needsSpaceGuid`), the Space is required before anything is sent, and a Space's name given
   * for it is looked up, by the same client, just before the command's first request.
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
    const [{ resolveConnection, resolvePublicConnection }, { connect, connectInSpace }] = await Promise.all([
      import('./config.js'),
      import('./connect.js'),
    ]);
    const { env, stdin } = ctx.io;
    const connection = credentials ? await resolveConnection(flags, env, stdin) : resolvePublicConnection(flags, env);
    const logger = await loggerFor(ctx, flags);
    const given = connection.spaceGuid;
    const out = ctx.output(flags.json);
    if (!(await needsSpace(sends))) {
      client = connect(connection, logger);
      const spaceId = () => Promise.reject(new CliUsageError(NO_SPACE));
      return (await body({ client, out, spaceId, ...(given !== undefined && { spaceGuid: given }) })) ?? 0;
    }
    if (given === undefined) throw new CliUsageError(NO_SPACE);
    const inSpace = connectInSpace(connection, given, logger);
    client = inSpace.client;
    return (await body({ client, out, spaceGuid: given, spaceId: inSpace.spaceId })) ?? 0;
  } catch (error) {
    return await ctx.fail(error);
  } finally {
    await client?.close();
  }
}

const NO_SPACE =
  'this command works in a Space: give --space-guid <id or name> or set BOOMI_SPACE_GUID ' +
  '(`boomi-spaces spaces` lists them); nothing was sent';

/** Whether one of the operations needs the SPACE_GUID header, as the operations declare (OPERATION_FACTS). */
async function needsSpace(sends: readonly OperationName[]): Promise<boolean> {
  if (sends.length === 0) return false;
  const { OPERATION_FACTS } = await import('../generated/operationFacts.js');
  return sends.some((operation) => OPERATION_FACTS[operation].needsSpaceGuid);
}
