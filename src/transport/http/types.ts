/**
 * An undici Dispatcher (`Agent`, `ProxyAgent`, `MockAgent`), described by the one method the client
 * relies on, so the types hold without undici installed (it is optional for `@boomi-spaces/sdk`).
 */
export interface UndiciDispatcher {
  dispatch(options: never, handler: never): boolean;
}

/** Reads one header of an answer (case-insensitive), or null. */
export interface HeaderReader {
  get(name: string): string | null;
}

/** What one exchange sends. */
export interface HttpRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  body?: string | undefined;
}

/** One HTTP answer, its body not read yet. */
export interface HttpReply {
  status: number;
  statusText: string;
  headers: HeaderReader;
  /** True for a redirect that was not followed (fetch's `opaqueredirect`). */
  redirected: boolean;
  /**
   * Reads the body once, as text, within `maxBytes` (through `readCapped`): past it, or for a length
   * declared over it, a BodyTooLargeError.
   */
  read(maxBytes: number): Promise<string>;
  /** Drops the body unread, freeing the connection. */
  discard(): void;
}

/** One request on its way: its answer, and how to cancel it (the request and its body alike). */
export interface InFlight {
  reply: Promise<HttpReply>;
  cancel(): void;
}

/**
 * Sends one HTTP request; the pipeline's only way out. Two kinds exist: over `fetch` (browsers,
 * other runtimes, a `fetch` option, and whenever the global fetch has been replaced, as msw does)
 * and over undici's `dispatch()` on a keep-alive Agent (Node, the default there). Neither follows
 * redirects. Cancelling costs nothing until it is used: undici's calls the abort its handler was given.
 */
export interface HttpSender {
  send(request: HttpRequest): InFlight;
  /** Releases connections the sender holds. */
  close(): Promise<void>;
}
