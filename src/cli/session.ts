// What every command that talks to the API needs: a client from flags and environment, and the output.
// Loads nothing heavy at import: config, connect and the verbose logger come in when a command runs.
import type { SpacesClient } from '../client/createSpacesClient.js';
import type { ConnectionFlags } from './config.js';
import { Output } from './output.js';

export interface GlobalFlags extends ConnectionFlags {
  json?: boolean;
  verbose?: boolean;
}

/** The --verbose logger, loaded only when asked for. */
export async function loggerFor(flags: GlobalFlags) {
  return flags.verbose ? (await import('./verbose.js')).verboseLogger() : undefined;
}

/**
 * A client for the public catalog: the endpoint and transport settings from flags and environment,
 * no credentials read or sent (none needs to be set).
 */
export async function connectedWithoutCredentials(flags: GlobalFlags): Promise<{ client: SpacesClient; out: Output }> {
  const out = new Output(Boolean(flags.json));
  const { resolvePublicConnection } = await import('./config.js');
  const connection = resolvePublicConnection(flags, process.env);
  const { connect } = await import('./connect.js');
  return { client: connect(connection, await loggerFor(flags)), out };
}

/** A client built from flags and environment, with the output and the SPACE_GUID it uses. */
export async function connected(
  flags: GlobalFlags,
): Promise<{ client: SpacesClient; out: Output; spaceGuid?: string }> {
  const out = new Output(Boolean(flags.json));
  const { resolveConnection } = await import('./config.js');
  const connection = await resolveConnection(flags, process.env, process.stdin);
  const { connect } = await import('./connect.js');
  const client = connect(connection, await loggerFor(flags));
  return { client, out, ...(connection.spaceGuid !== undefined && { spaceGuid: connection.spaceGuid }) };
}
