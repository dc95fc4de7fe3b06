import { spawn } from 'node:child_process';
import { createJwtProvider } from '../../auth/createJwtProvider.js';
import { hostProblem, isLoopback } from '../../console/guards.js';
import { startConsole, type RunningConsole, type Upstream } from '../../console/server.js';
import { CliUsageError } from '../CliUsageError.js';
import { DEMO } from '../../simulator/model/seed.js';
import { startSimulator } from '../../simulator/server/startSimulator.js';
import type { CliIO, GlobalFlags } from '../context.js';
import type { Output } from '../output.js';

export interface ConsoleFlags extends GlobalFlags {
  port: number;
  host: string;
  allowHost: string[];
  open?: boolean;
  simulator?: boolean;
}

/** Where the credentials come from without --simulator: the run's environment and stdin. */
export type ConsoleIO = Pick<CliIO, 'env' | 'stdin'>;

/** The warning due when the console is bound where others can reach it; undefined for loopback. */
export function exposureWarning(host: string): string | undefined {
  if (isLoopback(host)) return undefined;
  return (
    `Warning: --host ${host} makes the console reachable from the network over plain HTTP: its token and ` +
    'your data cross the network unencrypted, and anyone who sees the token acts with your credentials. ' +
    'Prefer the default 127.0.0.1 (and an SSH tunnel).'
  );
}

/** Where the console sends GraphQL: the embedded simulator, or the CLI's usual connection. */
async function upstreamFor(
  flags: ConsoleFlags,
  io: ConsoleIO,
): Promise<{ upstream: Upstream; maxResponseBytes?: number; close(): Promise<void> }> {
  if (flags.simulator) {
    const simulator = await startSimulator({ port: 0 });
    const jwt = createJwtProvider({ ...simulator.credentials, authUrl: simulator.authUrl });
    return {
      upstream: { endpoint: simulator.url, getToken: jwt.getToken, spaceGuid: DEMO.spaceId },
      close: () => simulator.close(),
    };
  }
  const { resolveConnection } = await import('../config.js');
  const connection = await resolveConnection(flags, io.env, io.stdin);
  const { credentials } = connection;
  const getToken =
    credentials.kind === 'jwt'
      ? () => Promise.resolve(credentials.jwt)
      : createJwtProvider({ ...credentials, authUrl: connection.authUrl }).getToken;
  return {
    upstream: {
      endpoint: connection.endpoint,
      getToken,
      ...(connection.spaceGuid !== undefined && { spaceGuid: connection.spaceGuid }),
    },
    ...(connection.maxResponseBytes !== undefined && { maxResponseBytes: connection.maxResponseBytes }),
    close: () => Promise.resolve(),
  };
}

/** Opens a URL in the desktop's browser; says so when it cannot. */
function openBrowser(url: string, out: Output): void {
  const [command, ...args] =
    process.platform === 'darwin'
      ? ['open', url]
      : process.platform === 'win32'
        ? ['cmd', '/c', 'start', '', url]
        : ['xdg-open', url];
  const child = spawn(command, args, { stdio: 'ignore', detached: true });
  child.once('error', () => out.note(`Could not open a browser: open ${url} yourself.`));
  child.unref();
}

/**
 * Starts the console (and with --simulator the simulator behind it); resolves once it listens. The
 * credentials stay in this process: the page and its script never see them.
 */
export async function runConsole(out: Output, flags: ConsoleFlags, io: ConsoleIO): Promise<{ close(): Promise<void> }> {
  const problem = hostProblem(flags.host, flags.allowHost);
  if (problem) throw new CliUsageError(problem);
  const warning = exposureWarning(flags.host);
  if (warning) out.note(warning);
  const backend = await upstreamFor(flags, io);
  let running: RunningConsole;
  try {
    running = await startConsole({
      host: flags.host,
      allowHosts: flags.allowHost,
      port: flags.port,
      upstream: backend.upstream,
      // --max-response-mb bounds what the console relays, as it bounds what the CLI reads.
      ...(backend.maxResponseBytes !== undefined && { limits: { maxResponseBytes: backend.maxResponseBytes } }),
    });
  } catch (error) {
    await backend.close();
    throw error;
  }
  // The browser is asked before the URL is printed: whoever waits for the URL knows the opener ran.
  if (flags.open) openBrowser(running.url, out);
  out.result({ url: running.url, upstream: backend.upstream.endpoint, simulator: Boolean(flags.simulator) }, () => {
    // The URL carries the console's token (as Jupyter's does): whoever opens it uses the credentials.
    out.line(`Boomi Spaces console: ${running.url}`);
    out.line(`  talking to ${backend.upstream.endpoint}${flags.simulator ? ' (the embedded simulator)' : ''}`);
    out.line('Press Ctrl+C to stop.');
  });
  return {
    close: async () => {
      await running.close();
      await backend.close();
    },
  };
}
