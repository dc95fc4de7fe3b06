import { Dispatcher } from 'undici';
import type { SpacesClientOptions } from '../../src/index.js';

/**
 * An undici Dispatcher that hands each request to the global fetch (which msw intercepts), so the
 * SDK's undici path (undici's `request()`, its body streams, headers and aborts) runs against msw
 * handlers and fake clocks. Only the socket layer is skipped; tests against the simulator and the
 * hostile server use real sockets.
 */
class FetchDispatcher extends Dispatcher {
  override dispatch(options: Dispatcher.DispatchOptions, handler: Dispatcher.DispatchHandler): boolean {
    const legacy = handler as Required<
      Pick<Dispatcher.DispatchHandler, 'onConnect' | 'onHeaders' | 'onData' | 'onComplete' | 'onError'>
    >;
    const controller = new AbortController();
    let finished = false;
    const fail = (error: Error) => {
      if (finished) return;
      finished = true;
      legacy.onError(error);
    };
    legacy.onConnect((reason?: unknown) => {
      controller.abort();
      fail(reason instanceof Error ? reason : new Error('aborted'));
    });
    void (async () => {
      try {
        const response = await globalThis.fetch(new URL(options.path, String(options.origin)), {
          method: options.method,
          headers: options.headers as Record<string, string>,
          body: (options.body as string | null | undefined) ?? null,
          signal: controller.signal,
          redirect: 'manual',
        });
        const raw: Buffer[] = [];
        response.headers.forEach((value, name) => raw.push(Buffer.from(name), Buffer.from(value)));
        if (finished) return;
        legacy.onHeaders(response.status, raw, () => undefined, response.statusText);
        const reader = response.body?.getReader();
        for (;;) {
          const next = reader ? await reader.read() : { done: true as const, value: undefined };
          if (next.done) break;
          if (finished) return;
          legacy.onData(Buffer.from(next.value));
        }
        if (finished) return;
        finished = true;
        legacy.onComplete([]);
      } catch (error) {
        fail(error as Error);
      }
    })();
    return true;
  }

  override close(): Promise<void> {
    return Promise.resolve();
  }

  override destroy(): Promise<void> {
    return Promise.resolve();
  }
}

/** The two ways the SDK sends in Node, for tests that must hold on both. */
export const SENDERS: Array<{ name: string; options: () => Partial<SpacesClientOptions> }> = [
  { name: 'fetch', options: () => ({}) },
  { name: 'undici', options: () => ({ dispatcher: new FetchDispatcher() }) },
];

/** The same two ways against a real server (no msw in the file): undici by default, fetch when given. */
export const REAL_SERVER_SENDERS: Array<{ name: string; options: () => Partial<SpacesClientOptions> }> = [
  { name: 'undici (the default in Node)', options: () => ({}) },
  { name: 'fetch', options: () => ({ fetch: (input, init) => globalThis.fetch(input, init) }) },
];
