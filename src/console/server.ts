import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DEFAULT_ASSETS_DIR, loadAssets } from './assets.js';
import { allowedHosts, refusal } from './guards.js';
import { DEFAULT_PROXY_LIMITS, proxyGraphQL, sendError, type ProxyLimits, type Upstream } from './proxy.js';

export type { Upstream } from './proxy.js';

/** Options of {@link startConsole}. */
export interface ConsoleOptions {
  /** Address to bind. Default 127.0.0.1; anything else exposes the console to the network. */
  host?: string;
  /** Port; 0 picks a free one. Default 4600. */
  port?: number;
  upstream: Upstream;
  /** Where the built app is. Default: beside this module (dist/console/assets). */
  assetsDir?: string;
  limits?: Partial<ProxyLimits>;
}

/** A console that is listening. */
export interface RunningConsole {
  /** e.g. `http://127.0.0.1:4600/` */
  url: string;
  close(): Promise<void>;
}

// Every answer: no sniffing, no framing, no caching, no referrer; never a CORS header.
const COMMON_HEADERS = {
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
  'cross-origin-resource-policy': 'same-origin',
};
const PAGE_POLICY =
  "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; " +
  "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/**
 * Serves the console's single-page app and its `/graphql` proxy. Requests naming another Host
 * (DNS rebinding) and cross-origin writes are refused with 403.
 */
export async function startConsole(options: ConsoleOptions): Promise<RunningConsole> {
  const host = options.host ?? '127.0.0.1';
  const limits = { ...DEFAULT_PROXY_LIMITS, ...options.limits };
  const assets = await loadAssets(options.assetsDir ?? DEFAULT_ASSETS_DIR);
  let hosts = new Set<string>();

  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    for (const [name, value] of Object.entries(COMMON_HEADERS)) response.setHeader(name, value);
    const refused = refusal(request, hosts);
    if (refused) return sendError(response, 403, 'CONSOLE_FORBIDDEN', refused);
    const path = (request.url ?? '/').split('?')[0];
    if (path === '/graphql') {
      if (request.method === 'POST') return proxyGraphQL(request, response, options.upstream, limits);
      return sendError(response.setHeader('allow', 'POST'), 405, 'CONSOLE_BAD_REQUEST', 'POST only');
    }
    const asset = path === undefined ? undefined : assets.get(path);
    if (!asset) return sendError(response, 404, 'CONSOLE_NOT_FOUND', 'no such page');
    if (request.method !== 'GET' && request.method !== 'HEAD')
      return sendError(response.setHeader('allow', 'GET, HEAD'), 405, 'CONSOLE_BAD_REQUEST', 'GET only');
    response.writeHead(200, {
      'content-type': asset.type,
      'content-length': asset.body.byteLength,
      ...(path === '/' && { 'content-security-policy': PAGE_POLICY }),
    });
    response.end(request.method === 'HEAD' ? undefined : asset.body);
  };

  const server = createServer((request, response) => {
    handle(request, response).catch(() => {
      if (!response.headersSent) sendError(response, 500, 'CONSOLE_ERROR', 'the console failed');
      else response.destroy();
    });
  });
  server.requestTimeout = limits.timeoutMs + 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 4600, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  hosts = allowedHosts(host, port);
  const shown = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${shown}:${port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
