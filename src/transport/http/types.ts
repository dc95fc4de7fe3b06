/** Reads one header of an answer (case-insensitive), or null. */
export interface HeaderReader {
  get(name: string): string | null;
}

/** One HTTP answer, its body not read yet. */
export interface HttpReply {
  status: number;
  statusText: string;
  headers: HeaderReader;
  /** True for a redirect that was not followed (fetch's `opaqueredirect`). */
  redirected: boolean;
  /** The body as text, read no further than `maxBytes` (BodyTooLargeError beyond). */
  readText(maxBytes: number): Promise<string>;
}

/** What one attempt sends. */
interface HttpRequest {
  method: string;
  headers: Record<string, string>;
  body: string | undefined;
  /** Aborts the attempt: the caller's signal or the attempt's own deadline. */
  signal: AbortSignal;
}

/**
 * Sends one HTTP request; the transport's only way out. Two kinds exist: over `fetch` (browsers,
 * other runtimes, a `fetch` option, and whenever the global fetch has been replaced, as msw does)
 * and over undici's `request()` on a keep-alive Agent (Node, the default there).
 */
export interface HttpSender {
  send(url: string, request: HttpRequest): Promise<HttpReply>;
  /** Releases connections the sender holds. */
  close(): Promise<void>;
}
