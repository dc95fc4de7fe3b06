// What a local server holding credentials must refuse: requests that name another host (DNS
// rebinding: a page on evil.example whose name now points at 127.0.0.1), cross-origin writes
// (a page elsewhere POSTing to us), and bodies a browser sends without a CORS preflight.
import type { IncomingMessage } from 'node:http';
import { isIPv6 } from 'node:net';

/** The loopback names the console answers to by default. */
const LOOPBACK = ['127.0.0.1', 'localhost', '::1'];
const MAX_ALLOWED_HOSTS = 32;
// A DNS name or an IPv4 address (an IPv6 address, without zone, is checked by node:net). No port, no path.
const HOST_NAME = /^(?=.{1,253}$)[a-z0-9]([a-z0-9-]{0,62}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,62}[a-z0-9])?)*$/;

/** True for an address only this machine reaches: 127.0.0.0/8, `::1`, `localhost`. */
export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

/** `host` as a Host header names it: IPv6 in brackets. */
export const hostForUrl = (host: string) => (host.includes(':') ? `[${host}]` : host);

/**
 * Why `host` and `allowHosts` cannot serve, or undefined when they can: a bind beyond loopback needs
 * the names the browser will use for it, else any network client naming the bound address in its
 * Host header would be answered (and a legitimate name would not).
 */
export function hostProblem(host: string, allowHosts: readonly string[]): string | undefined {
  if (allowHosts.length > MAX_ALLOWED_HOSTS) return `at most ${MAX_ALLOWED_HOSTS} --allow-host names`;
  for (const name of allowHosts) {
    const lower = name.toLowerCase();
    if (!HOST_NAME.test(lower) && !(isIPv6(lower) && !lower.includes('%')))
      return `--allow-host takes a host name or an IP address, without port or brackets: got "${name.slice(0, 60)}"`;
  }
  if (!isLoopback(host) && allowHosts.length === 0)
    return (
      `--host ${host.slice(0, 60)} binds beyond loopback: name the host(s) browsers will use with --allow-host ` +
      '(repeatable), e.g. --allow-host myhost.lan'
    );
  return undefined;
}

/**
 * The Host values the console answers to, each with the port: for a loopback bind, its address and
 * the usual loopback names; beyond loopback, only the `allowHosts` names. `allowHosts` adds to either.
 */
export function allowedHosts(host: string, port: number, allowHosts: readonly string[] = []): Set<string> {
  const names = isLoopback(host) ? [host, ...(LOOPBACK.includes(host) ? LOOPBACK : [])] : [];
  return new Set([...names, ...allowHosts].map((name) => `${hostForUrl(name)}:${port}`.toLowerCase()));
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
