// What a local server holding credentials must refuse: requests that name another host (DNS
// rebinding: a page on evil.example whose name now points at 127.0.0.1), cross-origin writes
// (a page elsewhere POSTing to us), and bodies a browser sends without a CORS preflight.
import type { IncomingMessage } from 'node:http';

/** The Host values the console answers to: its bound address and port, and `localhost` for loopback. */
export function allowedHosts(host: string, port: number): Set<string> {
  const hosts = new Set<string>();
  const add = (name: string) => hosts.add(`${name.includes(':') ? `[${name}]` : name}:${port}`.toLowerCase());
  add(host);
  if (host === '127.0.0.1' || host === '::1' || host === 'localhost') {
    add('127.0.0.1');
    add('localhost');
    add('::1');
  }
  return hosts;
}

/** Why a request is refused (403), or undefined when it may go on. */
export function refusal(request: IncomingMessage, hosts: ReadonlySet<string>): string | undefined {
  const host = request.headers.host?.toLowerCase();
  if (!host || !hosts.has(host)) return 'unknown Host';
  if (request.method === 'GET' || request.method === 'HEAD') return undefined;
  // Browsers send Origin on every cross-origin request and on same-origin POSTs; tools send none.
  const origin = request.headers.origin;
  if (origin !== undefined && origin.toLowerCase() !== `http://${host}`) return 'cross-origin request';
  const site = request.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none') return 'cross-site request';
  return undefined;
}
