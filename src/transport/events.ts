/** What the transport reports for `--verbose` and logging. Never carries a credential. */
export type TransportEvent =
  | {
      type: 'request';
      operationName: string;
      attempt: number;
      method: string;
      url: string;
      headers: Record<string, string>;
    }
  | { type: 'response'; operationName: string; attempt: number; status: number; durationMs: number }
  | { type: 'failure'; operationName: string; attempt: number; code: string; message: string; durationMs: number }
  | {
      type: 'retry';
      operationName: string;
      attempt: number;
      delayMs: number;
      reason: string;
      /** The client's pacing rate at this retry, when it paces: lower than configured after 429s. */
      requestsPerSecond?: number;
    }
  | { type: 'token-refresh'; operationName: string; reason: string }
  /** A deprecated option was used; told once per client. */
  | { type: 'deprecation'; message: string };

/** The client's `logger` option: called with each {@link TransportEvent}, synchronously. */
export type TransportLogger = (event: TransportEvent) => void;

const SECRET_HEADERS = new Set(['authorization', 'cookie', 'x-boomi-otp', 'proxy-authorization']);

/** Headers for a log line: credential headers keep their scheme and lose their value. */
export function redactHeaders(headers: Headers): Record<string, string> {
  const out: Record<string, string> = {};
  headers.forEach((value, name) => {
    if (SECRET_HEADERS.has(name)) {
      const scheme = /^(Bearer|Basic)\s/i.exec(value)?.[1];
      out[name] = scheme ? `${scheme} [REDACTED]` : '[REDACTED]';
    } else out[name] = value;
  });
  return out;
}
