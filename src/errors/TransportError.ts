import type { ClientErrorCode } from './codes.js';

/** Whether the server may have executed the request: `no` only when it certainly did not. */
export type Execution = 'no' | 'maybe';

/**
 * A failure below GraphQL (no answer, an unreadable one, a redirect). Thrown by the transport inside
 * urql's fetch, so urql reports it as the network error; the executor turns it into a SpacesError
 * named after the operation. Internal: never reaches users as such.
 */
export class TransportError extends Error {
  override name = 'TransportError';
  constructor(
    readonly code: ClientErrorCode,
    message: string,
    readonly details: {
      execution: Execution;
      status?: number;
      bodySnippet?: string;
      /** Sending the same request again would fail the same way (a 413, an answer over the limits). */
      final?: boolean;
    } = { execution: 'maybe' },
  ) {
    super(message);
  }
}
