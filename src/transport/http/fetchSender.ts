import { chunksOf, readCapped } from '../../bounded/readBody.js';
import type { HttpReply, HttpSender } from './types.js';

/** Sends over a fetch implementation (looked up per call by the caller's function, so mocks apply). */
export function fetchSender(fetchImpl: typeof globalThis.fetch): HttpSender {
  return {
    send({ url, method, headers, body }) {
      // fetch cancels only through an AbortSignal.
      const controller = new AbortController();
      const reply = fetchImpl(url, {
        method,
        headers,
        body: body ?? null,
        signal: controller.signal,
        redirect: 'manual',
      }).then((response): HttpReply => {
        const declared = Number(response.headers.get('content-length') ?? NaN);
        return {
          status: response.status,
          statusText: response.statusText,
          headers: response.headers,
          redirected: response.type === 'opaqueredirect',
          read: (maxBytes) =>
            readCapped(chunksOf(response.body), maxBytes, Number.isFinite(declared) ? declared : undefined),
          discard: () => void response.body?.cancel().catch(() => undefined),
        };
      });
      return { reply, cancel: () => controller.abort() };
    },
    close: () => Promise.resolve(),
  };
}
