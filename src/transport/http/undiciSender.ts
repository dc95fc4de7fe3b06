// Node only: loaded on the client's first request in Node (see chooseSender.ts), never by a bundler
// following imports, so browser bundles stay free of undici.
import { STATUS_CODES } from 'node:http';
import { Agent, getGlobalDispatcher, request, type Dispatcher } from 'undici';
import type { HeaderReader, HttpReply, HttpSender } from './types.js';

/** Options of the client's own Agent. */
export interface AgentOptions {
  /** Connections per origin at most. */
  connections: number;
}

/** A keep-alive Agent for one client: connections are reused across its calls until `close()`. */
export function createAgent({ connections }: AgentOptions): Dispatcher {
  return new Agent({ connections, keepAliveTimeout: 10_000, keepAliveMaxTimeout: 60_000 });
}

/** undici's process-wide dispatcher (the one Node's fetch uses): shared, never closed here. */
export const globalDispatcher = (): Dispatcher => getGlobalDispatcher();

/**
 * Sends with undici's `request()`, several times faster than `fetch` in Node (no WHATWG streams, no
 * Response object). Redirects are not followed (undici's request does not). Cancelling goes through
 * the least of an EventEmitter undici takes as a signal: far cheaper per request than an AbortController.
 * undici's idle timeouts stay at their defaults: the pipeline's deadline is what ends an exchange.
 */
export function undiciSender(dispatcher: Dispatcher, owned: boolean): HttpSender {
  return {
    send({ url, method, headers, body }) {
      const signal = new CancelSignal();
      const reply = request(url, { method, headers, body: body ?? null, signal, dispatcher }).then(replyOf);
      return { reply, cancel: () => signal.cancel() };
    },
    close: () => (owned ? dispatcher.close() : Promise.resolve()),
  };
}

/**
 * The least undici takes as a request's signal (it calls `once` and `removeListener` of an
 * EventEmitter): one listener, no EventEmitter per request.
 */
class CancelSignal {
  #listener: (() => void) | undefined;
  once(_event: 'abort', listener: () => void): this {
    this.#listener = listener;
    return this;
  }
  on(event: 'abort', listener: () => void): this {
    return this.once(event, listener);
  }
  removeListener(): this {
    this.#listener = undefined;
    return this;
  }
  cancel(): void {
    const listener = this.#listener;
    this.#listener = undefined;
    listener?.();
  }
}

function replyOf(response: Dispatcher.ResponseData): HttpReply {
  return new UndiciReply(response);
}

/** An answer of undici's: classes, so no closures per answer beyond `whole`. */
class UndiciReply implements HttpReply {
  readonly status: number;
  readonly statusText: string;
  readonly headers: HeaderReader;
  readonly redirected = false;
  readonly declaredLength: number | undefined;
  readonly body: AsyncIterable<Uint8Array>;
  readonly #body: Dispatcher.ResponseData['body'];

  constructor({ statusCode, headers, body }: Dispatcher.ResponseData) {
    const declared = Number(headers['content-length'] ?? NaN);
    this.status = statusCode;
    this.statusText = STATUS_CODES[statusCode] ?? '';
    this.declaredLength = Number.isFinite(declared) ? declared : undefined;
    this.body = body as AsyncIterable<Uint8Array>;
    this.headers = new UndiciHeaders(headers);
    this.#body = body;
  }

  // undici fails a body longer than its Content-Length: with the length declared, reading is bounded.
  readonly whole = (): Promise<string> => this.#body.text();

  discard(): void {
    void this.#body.dump().catch(() => undefined);
  }
}

class UndiciHeaders implements HeaderReader {
  readonly #headers: Dispatcher.ResponseData['headers'];
  constructor(headers: Dispatcher.ResponseData['headers']) {
    this.#headers = headers;
  }
  get(name: string): string | null {
    const value = this.#headers[name.toLowerCase()];
    return value === undefined ? null : Array.isArray(value) ? value.join(', ') : value;
  }
}
