import { TransportError } from '../../errors/TransportError.js';
import { fetchSender } from './fetchSender.js';
import type { HttpSender } from './types.js';

/** How the client reaches the network; see {@link chooseSender}. */
export interface SenderOptions {
  /** A fetch implementation given by the user: always used. */
  fetch?: typeof globalThis.fetch;
  /** An undici Dispatcher (Agent, ProxyAgent, MockAgent) given by the user: undici's path with it. */
  dispatcher?: unknown;
  /** Connections per origin of the client's own Agent. */
  connections: number;
}

const isNode = typeof process !== 'undefined' && typeof process.versions?.node === 'string';
// Node's own fetch, as it was when this module loaded; msw and other interceptors replace it.
const nativeFetch = isNode ? globalThis.fetch : undefined;
// A computed specifier: bundlers leave the import alone, so browser bundles never include undici.
const UNDICI_SENDER = './undiciSender.js';

type UndiciModule = typeof import('./undiciSender.js');

/**
 * Picks the sender per request: a `fetch` option wins; a `dispatcher` option means undici; in Node,
 * undici's `request()` on a keep-alive Agent owned by the client, unless the global fetch has been
 * replaced (msw, nock and the like intercept fetch, not undici's request: their mocks must keep
 * working), in which case the replaced fetch is used. Elsewhere (browsers, Deno, Bun, workers), the
 * global fetch. The undici sender is loaded on first use.
 */
export function chooseSender(options: SenderOptions): HttpSender {
  const viaFetch = fetchSender(options.fetch ?? ((input, init) => globalThis.fetch(input, init)));
  if (options.fetch) return viaFetch;
  if (!isNode && options.dispatcher === undefined) return viaFetch;
  let loading: Promise<HttpSender> | undefined;
  let loaded: HttpSender | undefined;
  const loadUndici = () =>
    (loading ??= (import(UNDICI_SENDER) as Promise<UndiciModule>).then(
      ({ createAgent, undiciSender }) => {
        loaded =
          options.dispatcher !== undefined
            ? undiciSender(options.dispatcher as Parameters<typeof undiciSender>[0], false)
            : undiciSender(createAgent({ connections: options.connections }), true);
        return loaded;
      },
      // Where modules cannot be imported dynamically (a CommonJS jest run, say), fetch serves.
      () => (loaded = viaFetch),
    ));
  const fetchReplaced = () => globalThis.fetch !== nativeFetch || globalThis.fetch.name !== 'fetch';
  let closed = false;
  return {
    async send(url, request) {
      if (closed) throw new TransportError('NETWORK_ERROR', 'the client is closed', { execution: 'no', final: true });
      if (options.dispatcher === undefined && fetchReplaced()) return viaFetch.send(url, request);
      return (loaded ?? (await loadUndici())).send(url, request);
    },
    async close() {
      closed = true;
      if (loading) await (await loading).close();
    },
  };
}
