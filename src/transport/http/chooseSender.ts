import { TransportError } from '../../errors/TransportError.js';
import { fetchSender } from './fetchSender.js';
import type { HttpSender, InFlight } from './types.js';

/** How the client reaches the network; see {@link chooseSender}. */
export interface SenderOptions {
  /** A fetch implementation given by the user: always used. */
  fetch?: typeof globalThis.fetch;
  /** An undici Dispatcher (Agent, ProxyAgent, MockAgent) given by the user: undici's path with it. */
  dispatcher?: unknown;
  /**
   * Connections per origin of the client's own Agent; without it (and without a dispatcher), undici's
   * process-wide dispatcher, which needs no closing (the console's proxy).
   */
  connections?: number;
}

const isNode = typeof process !== 'undefined' && typeof process.versions?.node === 'string';
// Node's own fetch, as it was when this module loaded; msw and other interceptors replace it.
const nativeFetch = isNode ? globalThis.fetch : undefined;
// A computed specifier: bundlers leave the import alone, so browser bundles never include undici.
const UNDICI_SENDER = './undiciSender.js';

type UndiciModule = typeof import('./undiciSender.js');

/**
 * Picks the sender once per client: a `fetch` option wins; a `dispatcher` option means undici; in
 * Node, undici's `dispatch()` on a keep-alive Agent owned by the client, unless the global fetch has
 * been replaced (msw, nock and the like intercept fetch, not undici's request: their mocks must keep
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
      ({ createAgent, globalDispatcher, undiciSender }) =>
        (loaded =
          options.dispatcher !== undefined
            ? undiciSender(options.dispatcher as Parameters<typeof undiciSender>[0], false)
            : options.connections === undefined
              ? undiciSender(globalDispatcher(), false)
              : undiciSender(createAgent({ connections: options.connections }), true)),
      // Where modules cannot be imported dynamically (a CommonJS jest run, say), fetch serves.
      () => (loaded = viaFetch),
    ));
  const fetchReplaced = () => globalThis.fetch !== nativeFetch || globalThis.fetch.name !== 'fetch';
  let closed = false;
  return {
    send(request): InFlight {
      if (closed) {
        const error = new TransportError({ kind: 'closed' }, 'the client is closed');
        return { reply: Promise.reject(error), cancel: () => undefined };
      }
      if (options.dispatcher === undefined && fetchReplaced()) return viaFetch.send(request);
      if (loaded) return loaded.send(request);
      let inner: InFlight | undefined;
      let cancelled = false;
      const reply = loadUndici().then((sender) => {
        inner = sender.send(request);
        if (cancelled) inner.cancel();
        return inner.reply;
      });
      return { reply, cancel: () => ((cancelled = true), inner?.cancel()) };
    },
    async close() {
      closed = true;
      if (loading) await (await loading).close();
    },
  };
}
