import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DIALECTS, isDialect, type Dialect } from '../../schema/dialects.js';
import { createGraphQLOverHttp } from '../graphql/graphqlOverHttp.js';
import { isPublicRequest } from '../graphql/publicFields.js';
import {
  failureAnswer,
  rateLimitedAnswer,
  unauthorizedAnswer,
  type GraphQLRequestBody,
  type PlatformAnswer,
} from '../graphql/failureAnswers.js';
import { createDemoState, DEMO } from '../model/seed.js';
import type { SimState } from '../model/state.js';
import { SpacesPlatform } from '../model/SpacesPlatform.js';
import { FaultPlan, RateLimiter, type SimulatorFaults } from './faults.js';
import { SimulatorJwt } from './SimulatorJwt.js';

/** The user the simulator's JWT endpoint accepts. */
export interface SimulatorCredentials {
  accountId: string;
  username: string;
  apiToken: string;
}

/** Options of {@link startSimulator}. */
export interface SimulatorOptions {
  /** Port to listen on; 0 (the default) picks a free one. */
  port?: number;
  /** Address to bind; loopback by default. */
  host?: string;
  /** Delay before every answer, in milliseconds. */
  latencyMs?: number;
  /** Lifetime of the JWTs it issues, in seconds. Default 300, as Boomi's. */
  jwtTtlSeconds?: number;
  /** At most this many GraphQL requests per second; more get HTTP 429 with Retry-After. */
  rateLimit?: number;
  /** Fault switches; change them later with `simulator.faults.set()`. */
  faults?: SimulatorFaults;
  /** The data to start from. Default: the demo data ({@link DEMO}). */
  state?: SimState;
  /** Who may get a JWT. Default: the demo user. */
  credentials?: SimulatorCredentials;
  /** The clock, in epoch milliseconds (tests move it to expire JWTs). */
  now?: () => number;
  /**
   * The root field names served: `help` (the default: `Space`, as the help pages and the snapshot)
   * or `reference` (`space`, as Boomi's generated reference). See src/schema/dialects.ts.
   */
  dialect?: Dialect;
}

/** A running simulator. */
export interface RunningSimulator {
  /** The GraphQL endpoint, e.g. `http://127.0.0.1:4000/graphql`. */
  url: string;
  /** The JWT endpoint without the account id, e.g. `http://127.0.0.1:4000/auth/jwt/generate`. */
  authUrl: string;
  credentials: SimulatorCredentials;
  /** The in-memory platform: read or replace `platform.state`. */
  platform: SpacesPlatform;
  faults: FaultPlan;
  /** Counts of requests received: by route, GraphQL ones by operation name, and 401 answers. */
  stats: SimulatorStats;
  /** The root field names it serves. */
  dialect: Dialect;
  close(): Promise<void>;
}

/** What a simulator has seen. */
export interface SimulatorStats {
  graphql: number;
  auth: number;
  unauthorized: number;
  /** 429 answers, from the rate limit or the fault switch. */
  rateLimited: number;
  /** GraphQL requests by operation name (`anonymous` when none). */
  operations: Record<string, number>;
}

const AUTH_PATH = '/auth/jwt/generate/';
const MAX_BODY_BYTES = 1024 * 1024;

/**
 * Starts the Spaces simulator: a GraphQL-over-HTTP server (graphql-http) executing against the schema
 * snapshot, with Boomi's JWT endpoint, install rules, rate limit and fault switches.
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
  const now = options.now ?? Date.now;
  const credentials = options.credentials ?? {
    accountId: DEMO.accountId,
    username: DEMO.username,
    apiToken: DEMO.apiToken,
  };
  const platform = new SpacesPlatform(options.state ?? createDemoState());
  const jwt = new SimulatorJwt(options.jwtTtlSeconds ?? 300, now);
  const faults = new FaultPlan(options.faults);
  const limiter = options.rateLimit ? new RateLimiter(options.rateLimit, now) : undefined;
  const stats: SimulatorStats = { graphql: 0, auth: 0, unauthorized: 0, rateLimited: 0, operations: {} };

  const dialect = options.dialect ?? 'help';
  if (!isDialect(dialect)) throw new RangeError(`dialect must be one of ${DIALECTS.join(', ')}`);
  const executeGraphQL = createGraphQLOverHttp(platform, dialect);

  /** A 429 with Retry-After, counted. */
  function refuse(res: ServerResponse, request: GraphQLRequestBody, retryAfterSeconds: number): void {
    stats.rateLimited += 1;
    sendAnswer(res, rateLimitedAnswer(request), { 'retry-after': String(retryAfterSeconds) });
  }

  async function handleGraphQL(req: IncomingMessage, res: ServerResponse): Promise<void> {
    stats.graphql += 1;
    const body = await readBody(req);
    const request = parseRequestBody(body);
    const operation = request.operationName ?? 'anonymous';
    stats.operations[operation] = (stats.operations[operation] ?? 0) + 1;
    if (limiter) {
      const admission = limiter.admit();
      if (!admission.admitted) return refuse(res, request, admission.retryAfterSeconds);
    }
    const token = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
    // The public catalog needs no token; a request that selects anything else does.
    if (!isPublicRequest(request) && (!token || !(await jwt.isValid(token)))) {
      stats.unauthorized += 1;
      return sendAnswer(res, unauthorizedAnswer(request));
    }

    const fault = faults.next(operation);
    if (fault === 'unavailable') return sendAnswer(res, failureAnswer(503, 'Service Unavailable', undefined, request));
    if (fault === 'rate-limited') return refuse(res, request, faults.current.retryAfterSeconds);

    const answer = await executeGraphQL({
      method: req.method ?? 'GET',
      url: req.url ?? '/',
      headers: { get: (name) => headerOf(req, name) ?? null },
      body,
    });
    if (fault === 'drop-after-execute') {
      req.socket.destroy();
      return;
    }
    res.writeHead(answer.status, answer.headers);
    res.end(answer.body);
  }

  async function handleAuth(req: IncomingMessage, res: ServerResponse, accountId: string): Promise<void> {
    stats.auth += 1;
    if (req.method !== 'GET') return sendText(res, 405, 'Method Not Allowed', { allow: 'GET' });
    const basic = /^Basic\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
    const [user, ...rest] = basic ? Buffer.from(basic, 'base64').toString('utf8').split(':') : [];
    const password = rest.join(':');
    const expectedUser = `BOOMI_TOKEN.${credentials.username}`;
    if (accountId !== credentials.accountId || user !== expectedUser || password !== credentials.apiToken) {
      return sendText(res, 401, 'Unauthorized');
    }
    return sendText(res, 200, await jwt.issue(accountId, credentials.username));
  }

  const server = createServer((req, res) => {
    const route = async () => {
      if (options.latencyMs) await new Promise((resolve) => setTimeout(resolve, options.latencyMs));
      const path = new URL(req.url ?? '/', 'http://simulator').pathname;
      if (path === '/graphql') return handleGraphQL(req, res);
      if (path.startsWith(AUTH_PATH) && path.length > AUTH_PATH.length) {
        return handleAuth(req, res, decodeURIComponent(path.slice(AUTH_PATH.length)));
      }
      return sendText(res, 404, 'Not Found');
    };
    route().catch((error: unknown) => {
      if (!res.headersSent)
        sendText(res, error instanceof BodyTooLargeError ? 413 : 500, String((error as Error).message));
      else res.destroy();
    });
  });
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
    credentials,
    platform,
    faults,
    stats,
    dialect,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

class BodyTooLargeError extends Error {}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new BodyTooLargeError('Request body too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function parseRequestBody(body: string): GraphQLRequestBody {
  try {
    const parsed = JSON.parse(body) as Partial<GraphQLRequestBody>;
    return { query: typeof parsed.query === 'string' ? parsed.query : '', operationName: parsed.operationName ?? null };
  } catch {
    return { query: '' };
  }
}

function headerOf(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function sendAnswer(res: ServerResponse, answer: PlatformAnswer, headers: Record<string, string> = {}): void {
  res.writeHead(answer.status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(JSON.stringify(answer.body));
}

function sendText(res: ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', ...headers });
  res.end(text);
}
