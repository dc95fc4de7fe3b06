// What browser bundles load instead of chooseSender.ts (package.json "browser" swaps the built file):
// a browser has no undici and no Node, so the global fetch (or the `fetch` option) is the sender, as
// chooseSender.ts decides there too, without the Node-only path a bundler cannot drop by itself.
import { fetchSender } from './fetchSender.js';
import type { SenderOptions } from './chooseSender.js';
import type { HttpSender } from './types.js';

/**
 * The browser's sender: the `fetch` option, else the global fetch (looked up per request, so a
 * fetch replaced later is used).
 *
 * @example
 * ```ts
 * const sender = chooseSender({ fetch: window.fetch.bind(window) });
 * ```
 */
export function chooseSender(options: SenderOptions): HttpSender {
  return fetchSender(options.fetch ?? ((input, init) => globalThis.fetch(input, init)));
}
