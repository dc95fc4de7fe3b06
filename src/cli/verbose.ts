import { printable } from '../text/printable.js';
import type { TransportEvent } from '../transport/events.js';

/**
 * One stderr line per attempt, retry and token refresh; the events carry no credential, and what
 * they quote of a server (a failure's message, a retry's reason) is shown as text.
 */
export function verboseLogger(write: (line: string) => void = (line) => process.stderr.write(`${printable(line)}\n`)) {
  return (event: TransportEvent): void => {
    switch (event.type) {
      case 'request': {
        const headers = Object.entries(event.headers)
          .map(([name, value]) => `${name}: ${value}`)
          .join(', ');
        return write(
          `[verbose] → ${event.method} ${event.url} ${event.operationName} (attempt ${event.attempt}) ${headers}`,
        );
      }
      case 'response':
        return write(`[verbose] ← HTTP ${event.status} ${event.operationName} in ${event.durationMs} ms`);
      case 'failure':
        return write(`[verbose] ✗ ${event.operationName} attempt ${event.attempt}: ${event.code} ${event.message}`);
      case 'retry': {
        const pace = event.requestsPerSecond === undefined ? '' : `; pacing at ${event.requestsPerSecond} requests/s`;
        return write(`[verbose] ↻ ${event.operationName}: retry in ${event.delayMs} ms (${event.reason}${pace})`);
      }
      case 'token-refresh':
        return write(`[verbose] ⟳ ${event.operationName}: token refresh (${event.reason})`);
    }
  };
}
