import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { BodyTooLargeError, readCapped } from '../../bounded/readBody.js';
import type { Dialect } from '../../schema/dialects.js';
import type { SpacesPlatform } from '../model/SpacesPlatform.js';
import {
  createPlatformHandler,
  type PlatformOptions,
  type PlatformRequest,
  type SimulatorStats,
} from '../platform/createPlatformHandler.js';
import type { FaultPlan } from '../platform/faults.js';
import type { AccountStats, PlatformAccount, SimulatorCredentials } from '../platform/platformAuth.js';

export type { SimulatorCredentials } from '../platform/platformAuth.js';
export type { SimulatorStats } from '../platform/createPlatformHandler.js';

/**
 * Options of {@link startSimulator}: where to listen, and the fake platform's options (shared with
 * the msw kit's `createSpacesMock`; here `strictAuth` defaults to true, as Boomi's).
 */
export interface SimulatorOptions extends Omit<PlatformOptions, 'onRequest'> {
  /** Port to listen on; 0 (the default) picks a free one. */
  port?: number | undefined;
  /** Address to bind; loopback by default. */
  host?: string | undefined;
}

/** A running simulator. */
export interface RunningSimulator {
  /** The GraphQL endpoint, e.g. `http://127.0.0.1:4000/graphql`. */
  url: string;
  /** The JWT endpoint without the account id, e.g. `http://127.0.0.1:4000/auth/jwt/generate`. */
  authUrl: string;
  /** Who may get a JWT (of the first account, with `accounts`). */
  credentials: SimulatorCredentials;
  /** The in-memory platform (of the first account): read or replace `platform.state`. */
  platform: SpacesPlatform;
  /** Every account by id: one, or the fleet of the `accounts` option, each with its own platform. */
  accounts: ReadonlyMap<string, PlatformAccount>;
  faults: FaultPlan;
  /** Counts of requests received: by route, GraphQL ones by operation name, and 401 answers. */
  stats: SimulatorStats;
  /**
   * A copy of each account's counts by id: requests, JWTs, 429s, mutations executed.
   *
   * @example
   * ```ts
   * const simulator = await startSimulator({ accounts: 3 });
   * // … apply a plan to each account …
   * const installs = simulator.accountStats()['fleet-002']?.mutationsByOperation.installIntegrationPack;
   * ```
   */
  accountStats(): Record<string, AccountStats>;
  /** The root field names it serves. */
  dialect: Dialect;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 1024 * 1024;

/**
 * Starts the Spaces simulator: the fake platform's request handler (src/simulator/platform) behind
 * a node HTTP server on loopback: GraphQL over HTTP (graphql-http) against the schema snapshot,
 * Boomi's JWT endpoint, install rules, rate limit and fault switches.
 *
 * @example
 * ```ts
 * import { startSimulator } from 'boomi-spaces/simulator';
 * const simulator = await startSimulator({ latencyMs: 20 });
 * console.log(simulator.url); // http://127.0.0.1:PORT/graphql
 * await simulator.close();
 * ```
 */
export async function startSimulator(options: SimulatorOptions = {}): Promise<RunningSimulator> {
  const handler = createPlatformHandler(options);
  const account = handler.accounts.values().next().value!;

  const server = createServer((req, res) => {
    answer(req, res).catch((error: unknown) => {
      if (res.headersSent) res.destroy();
      else sendText(res, error instanceof BodyTooLargeError ? 413 : 500, String((error as Error).message));
    });
  });
  async function answer(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const reply = await handler.handle(await toPlatformRequest(req));
    // Dropped after executing: the client sees the connection close without an answer.
    if (reply === 'drop') return void req.socket.destroy();
    res.writeHead(reply.status, reply.headers);
    res.end(reply.body);
  }
  // Keep-alive sockets would hold close() open.
  server.keepAliveTimeout = 1000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const { port, address, family } = server.address() as AddressInfo;
  const host = family === 'IPv6' ? `[${address}]` : address;
  const base = `http://${host}:${port}`;

  return {
    url: `${base}/graphql`,
    authUrl: `${base}/auth/jwt/generate`,
    credentials: account.credentials,
    platform: account.platform,
    accounts: handler.accounts,
    faults: handler.faults,
    stats: handler.stats,
    accountStats: handler.accountStats,
    dialect: handler.dialect,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

async function toPlatformRequest(req: IncomingMessage): Promise<PlatformRequest> {
  // The SDK's one capped reader: a declared length over the limit is refused before reading.
  const declared = Number(req.headers['content-length'] ?? NaN);
  const body = await readCapped(req, MAX_BODY_BYTES, Number.isFinite(declared) ? declared : undefined);
  const header = (name: string) => {
    const value = req.headers[name.toLowerCase()];
    return (Array.isArray(value) ? value[0] : value) ?? null;
  };
  return {
    method: req.method ?? 'GET',
    url: req.url ?? '/',
    headers: { get: header },
    body,
  };
}

function sendText(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
  res.end(text);
}
