// Node only: loaded on the client's first request in Node (see chooseSender.ts), never by a bundler
// following imports, so browser bundles stay free of undici.
import { STATUS_CODES } from 'node:http';
import { Agent, getGlobalDispatcher, util, type Dispatcher } from 'undici';
import { readCapped } from '../../bounded/readBody.js';
import type { HeaderReader, HttpReply, HttpSender, InFlight } from './types.js';

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
 * Sends through the dispatcher's own `dispatch()` with one handler object per request (the request,
 * its answer and its body at once): what undici's `request()` does underneath, without the
 * AsyncResource, the Readable stream, the abort-signal wiring and the promise it adds per request.
 * Redirects are not followed (dispatch does not). The handler speaks undici's long-standing handler
 * API (`onConnect` … `onComplete`), which every undici Dispatcher accepts (Agent, ProxyAgent,
 * MockAgent, and those of earlier undici majors a caller may pass). undici's idle timeouts stay at
 * their defaults: the pipeline's deadline is what ends an exchange.
 */
export function undiciSender(dispatcher: Dispatcher, owned: boolean): HttpSender {
  // A client sends to one endpoint: its URL is split once, not on every request.
  let target: { url: string; origin: string; path: string } | undefined;
  return {
    send({ url, method, headers, body }) {
      const exchange = new UndiciExchange();
      try {
        if (target?.url !== url) target = targetOf(url);
        dispatcher.dispatch(
          { origin: target.origin, path: target.path, method, headers, body: body ?? null },
          exchange,
        );
      } catch (error) {
        exchange.onError(error as Error);
      }
      return exchange;
    },
    close: () => (owned ? dispatcher.close() : Promise.resolve()),
  };
}

function targetOf(url: string): { url: string; origin: string; path: string } {
  const { origin, pathname, search } = new URL(url);
  return { url, origin, path: `${pathname}${search}` };
}

// Body bytes held unread before undici is asked to pause the connection (its Readable's default).
const HIGH_WATER = 64 * 1024;
const decoder = new TextDecoder();
const ENDED: IteratorResult<Uint8Array> = Object.freeze({ value: undefined, done: true });

type Waiting =
  | { whole: true; resolve: (text: string) => void; reject: (error: unknown) => void }
  | { whole: false; resolve: (next: IteratorResult<Uint8Array>) => void; reject: (error: unknown) => void };

/**
 * One request of the undici sender: undici's handler, the pipeline's {@link InFlight} and, once its
 * headers arrive, the {@link HttpReply} with its body (read at once through `whole`, or as chunks,
 * pausing the connection while more than {@link HIGH_WATER} bytes wait unread).
 */
class UndiciExchange implements InFlight, HttpReply, AsyncIterableIterator<Uint8Array> {
  readonly reply: Promise<HttpReply>;
  status = 0;
  statusText = '';
  headers: HeaderReader = NO_HEADERS;
  readonly redirected = false;
  /** Content-Length, when the server declared one. */
  declaredLength: number | undefined;
  #answered = false;
  #settle!: { resolve: (reply: HttpReply) => void; reject: (error: unknown) => void };
  #abort: ((reason: Error) => void) | undefined;
  #resume: (() => void) | undefined;
  #cancelled = false;
  #paused = false;
  #chunks: Buffer[] = [];
  #buffered = 0;
  #received = 0;
  #ended = false;
  #failure: { error: Error } | undefined;
  #waiting: Waiting | undefined;

  constructor() {
    this.reply = new Promise<HttpReply>((resolve, reject) => (this.#settle = { resolve, reject }));
  }

  cancel(): void {
    if (this.#cancelled) return;
    this.#cancelled = true;
    this.#abort?.(new Error('the request was cancelled'));
  }

  // undici's handler API.
  onConnect(abort: (reason?: Error) => void): void {
    this.#abort = abort;
    if (this.#cancelled) abort(new Error('the request was cancelled'));
  }

  onHeaders(status: number, rawHeaders: Buffer[], resume: () => void): boolean {
    // 1xx answers are informational: the answer itself follows.
    if (status < 200) return true;
    const headers = new RawHeaders(rawHeaders);
    const declared = Number(headers.get('content-length') ?? NaN);
    this.status = status;
    this.statusText = STATUS_CODES[status] ?? '';
    this.headers = headers;
    this.declaredLength = Number.isFinite(declared) ? declared : undefined;
    this.#resume = resume;
    this.#answered = true;
    this.#settle.resolve(this);
    return true;
  }

  onData(chunk: Buffer): boolean {
    this.#received += chunk.byteLength;
    // undici's parser holds an HTTP/1.1 body to its Content-Length; this holds any dispatcher to it.
    if (this.declaredLength !== undefined && this.#received > this.declaredLength) {
      this.#abort?.(new Error('the body is longer than its Content-Length'));
      return false;
    }
    const waiting = this.#waiting;
    if (waiting !== undefined && !waiting.whole) {
      this.#waiting = undefined;
      waiting.resolve({ value: chunk, done: false });
      return true;
    }
    this.#chunks.push(chunk);
    this.#buffered += chunk.byteLength;
    if (waiting === undefined && this.#buffered >= HIGH_WATER) this.#paused = true;
    return !this.#paused;
  }

  onComplete(): void {
    this.#ended = true;
    const waiting = this.#waiting;
    this.#waiting = undefined;
    if (waiting?.whole) waiting.resolve(this.#text());
    else waiting?.resolve(ENDED);
  }

  onError(error: Error): void {
    if (!this.#answered) return this.#settle.reject(error);
    this.#failure = { error };
    this.#chunks = [];
    const waiting = this.#waiting;
    this.#waiting = undefined;
    waiting?.reject(error);
  }

  // The answer's body, as HttpReply gives it: a length declared within the limit is read at once
  // (undici's parser, and onData for any dispatcher, hold the peer to it), any other in chunks.
  read(maxBytes: number): Promise<string> {
    const declared = this.declaredLength;
    return declared !== undefined && declared <= maxBytes ? this.whole() : readCapped(this, maxBytes, declared);
  }

  /** The whole body at once, without a chunk loop. */
  whole(): Promise<string> {
    if (this.#failure) return Promise.reject(this.#failure.error);
    if (this.#ended) return Promise.resolve(this.#text());
    this.#unpause();
    return new Promise((resolve, reject) => (this.#waiting = { whole: true, resolve, reject }));
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  next(): Promise<IteratorResult<Uint8Array>> {
    const value = this.#chunks.shift();
    if (value !== undefined) this.#buffered -= value.byteLength;
    if (this.#buffered < HIGH_WATER) this.#unpause();
    if (value !== undefined) return Promise.resolve({ value, done: false });
    if (this.#failure) return Promise.reject(this.#failure.error);
    if (this.#ended) return Promise.resolve(ENDED);
    return new Promise((resolve, reject) => (this.#waiting = { whole: false, resolve, reject }));
  }

  /** The reader stopped early (its limit, an error): the rest is not wanted. */
  return(): Promise<IteratorResult<Uint8Array>> {
    this.discard();
    return Promise.resolve(ENDED);
  }

  discard(): void {
    this.#chunks = [];
    this.#buffered = 0;
    if (!this.#ended && !this.#failure) this.#abort?.(new Error('the body was not wanted'));
  }

  #unpause(): void {
    if (!this.#paused) return;
    this.#paused = false;
    this.#resume?.();
  }

  #text(): string {
    const chunks = this.#chunks;
    this.#chunks = [];
    return decoder.decode(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks));
  }
}

/** The answer's headers as undici hands them (name, value, name, value, …), read when asked. */
class RawHeaders implements HeaderReader {
  readonly #raw: Buffer[];
  #parsed: Record<string, string | string[]> | undefined;
  constructor(raw: Buffer[]) {
    this.#raw = raw;
  }
  get(name: string): string | null {
    this.#parsed ??= util.parseHeaders(this.#raw);
    const value = this.#parsed[name.toLowerCase()];
    return value === undefined ? null : Array.isArray(value) ? value.join(', ') : value;
  }
}

const NO_HEADERS: HeaderReader = { get: () => null };
