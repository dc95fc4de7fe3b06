import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ConsoleAccess, newConsoleToken } from './access.js';
import { DEFAULT_ASSETS_DIR, loadAssets } from './assets.js';
import { allowedHosts, hostForUrl, hostProblem, isLoopback, refusal } from './guards.js';
import { DEFAULT_PROXY_LIMITS, proxyGraphQL, sendError, type ProxyLimits, type Upstream } from './proxy.js';

export type { Upstream } from './proxy.js';

/** Options of {@link startConsole}. */
export interface ConsoleOptions {
  /** Address to bind. Default 127.0.0.1; anything else exposes the console to the network. */
  host?: string;
  /**
   * The Host names (without port) browsers use to reach the console; requests naming any other are
   * refused (DNS rebinding). Required when `host` is not loopback; a loopback bind accepts its
   * address, `127.0.0.1`, `localhost` and `::1` without it.
   */
  allowHosts?: readonly string[];
  /** Port; 0 picks a free one. Default 4600. */
  port?: number;
  upstream: Upstream;
  /** Where the built app is. Default: beside this module (dist/console/assets). */
  assetsDir?: string;
  limits?: Partial<ProxyLimits>;
}

/** A console that is listening. */
export interface RunningConsole {
  /**
   * The URL to open, with the console's token: `http://127.0.0.1:4600/?token=…`. Whoever holds it
   * acts with the console's credentials: show it only to its user. Not enumerable, so logging or
   * serialising this object does not print it.
   */
  readonly url: string;
  /** Where the console listens, without the token: `http://127.0.0.1:4600`. */
  readonly origin: string;
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
const OPEN_THE_URL =
  'this console needs its token: open the URL `boomi-spaces console` printed at start (http://…/?token=…) in this browser';
// What a browser without the cookie gets instead of the page: text only, no script, no style.
const NEEDS_TOKEN_PAGE =
  '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Boomi Spaces console</title></head>' +
  '<body><h1>This console needs its link</h1><p>To use this console, open the URL ' +
  '<code>boomi-spaces console</code> printed when it started (it ends in <code>?token=…</code>) in this browser. ' +
  'A console that was restarted prints a new one.</p></body></html>';

/**
 * Serves the console's single-page app and its `/graphql` proxy to whoever holds its token. Requests
 * naming another Host (DNS rebinding) and cross-origin writes are refused with 403; requests without
 * the cookie the token URL sets, with 401.
 */
export async function startConsole(options: ConsoleOptions): Promise<RunningConsole> {
  const host = options.host ?? '127.0.0.1';
  const allowHosts = options.allowHosts ?? [];
  const problem = hostProblem(host, allowHosts);
  if (problem) throw new TypeError(problem);
  const limits = { ...DEFAULT_PROXY_LIMITS, ...options.limits };
  const assets = await loadAssets(options.assetsDir ?? DEFAULT_ASSETS_DIR);
  const token = newConsoleToken();
  const access = new ConsoleAccess(token);
  let hosts = new Set<string>();

  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    for (const [name, value] of Object.entries(COMMON_HEADERS)) response.setHeader(name, value);
    const refused = refusal(request, hosts);
    if (refused) return sendError(response, 403, 'CONSOLE_FORBIDDEN', refused);
    const target = new URL(request.url ?? '/', 'http://console.invalid');
    const path = target.pathname;
    const exchanged = assets.has(path) ? access.exchange(request, response, path, target.searchParams) : undefined;
    if (exchanged) return;
    if (exchanged === false || !access.admits(request)) {
      if (path !== '/' || request.method !== 'GET')
        return sendError(response, 401, 'CONSOLE_UNAUTHORIZED', OPEN_THE_URL);
      response.writeHead(401, {
        'content-type': 'text/html; charset=utf-8',
        'content-security-policy': "default-src 'none'",
      });
      return void response.end(NEEDS_TOKEN_PAGE);
    }
    if (path === '/graphql') {
      if (request.method === 'POST') return proxyGraphQL(request, response, options.upstream, limits);
      return sendError(response.setHeader('allow', 'POST'), 405, 'CONSOLE_BAD_REQUEST', 'POST only');
    }
    const asset = assets.get(path);
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
  hosts = allowedHosts(host, port, allowHosts);
  access.listening(port);
  // Beyond loopback the address to open is the first name browsers may use.
  const origin = `http://${hostForUrl(isLoopback(host) ? host : allowHosts[0]!)}:${port}`;
  const running = {
    origin,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  return Object.defineProperty(running, 'url', {
    value: `${origin}/?token=${token}`,
    enumerable: false,
  }) as RunningConsole;
}
