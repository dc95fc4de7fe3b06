import { readBounded } from '../readBody.js';
import type { HttpSender } from './types.js';

/** Sends over a fetch implementation (looked up per call by the caller's function, so mocks apply). */
export function fetchSender(fetchImpl: typeof globalThis.fetch): HttpSender {
  return {
    async send(url, { method, headers, body, signal }) {
      // Credentials never follow a redirect: a 3xx is an error for the caller.
      const response = await fetchImpl(url, { method, headers, body: body ?? null, signal, redirect: 'manual' });
      return {
        status: response.status,
        statusText: response.statusText,
        headers: response.headers,
        redirected: response.type === 'opaqueredirect',
        readText: (maxBytes) => readBounded(response, maxBytes),
      };
    },
    close: () => Promise.resolve(),
  };
}
