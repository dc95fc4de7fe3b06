import type { ClientErrorCode } from './codes.js';

/** Whether the server may have executed the request: `no` only when it certainly did not. */
export type Execution = 'no' | 'maybe';

/**
 * What went wrong below GraphQL, as a kind the retry classifier switches on (after Octokit's
 * RequestError and smithy's error kinds): whether it is repeatable follows from the kind, not from
 * flags set beside it.
 */
export type TransportFailure =
  /** The connection never opened (refused, unknown host): nothing was sent. */
  | { kind: 'unreachable' }
  /** The connection failed once the request may have left. */
  | { kind: 'connection-lost' }
  /** The client was closed before this request. */
  | { kind: 'closed' }
  /** The attempt's or the call's deadline passed; `sent` is false while waiting for a token or a turn. */
  | { kind: 'timeout'; sent: boolean }
  /** The caller's signal fired. */
  | { kind: 'aborted'; sent: boolean }
  /** A 3xx: credentials never follow a redirect. */
  | { kind: 'redirect' }
  /** The answer was longer than the reader's bound. */
  | { kind: 'too-large' }
  /** The request was larger than maxRequestBytes: never sent. */
  | { kind: 'request-too-large' }
  /** An answer that is not what was asked for (not GraphQL, not a JWT); `final` when re-sending cannot help. */
  | { kind: 'invalid-answer'; final: boolean }
  /** A non-GraphQL 4xx (a proxy's 413 or 400): the request was refused as sent. */
  | { kind: 'refused' }
  /** A failed status after the last attempt (`HTTP_ERROR`, `RATE_LIMITED`). */
  | { kind: 'status'; rateLimited: boolean; execution: Execution }
  /** No credentials: the token source failed for good or the server refused them. */
  | { kind: 'auth' };

const CODES: { [K in TransportFailure['kind']]: ClientErrorCode } = {
  unreachable: 'NETWORK_ERROR',
  'connection-lost': 'NETWORK_ERROR',
  closed: 'NETWORK_ERROR',
  timeout: 'TIMEOUT',
  aborted: 'ABORTED',
  redirect: 'REDIRECT_REFUSED',
  'too-large': 'RESPONSE_TOO_LARGE',
  'request-too-large': 'INVALID_INPUT',
  'invalid-answer': 'INVALID_RESPONSE',
  refused: 'HTTP_ERROR',
  status: 'HTTP_ERROR',
  auth: 'AUTH_ERROR',
};

function executionOf(failure: TransportFailure): Execution {
  switch (failure.kind) {
    case 'timeout':
    case 'aborted':
      return failure.sent ? 'maybe' : 'no';
    case 'status':
      return failure.execution;
    case 'connection-lost':
    case 'too-large':
    case 'invalid-answer':
      return 'maybe';
    default:
      return 'no';
  }
}

/**
 * A failure below GraphQL (no answer, an unreadable one, a redirect), typed by its
 * {@link TransportFailure} kind. The executor turns it into a SpacesError named after the
 * operation. Internal: never reaches users as such.
 */
export class TransportError extends Error {
  override name = 'TransportError';
  readonly code: ClientErrorCode;
  readonly details: { execution: Execution; status?: number; bodySnippet?: string };

  constructor(
    readonly failure: TransportFailure,
    message: string,
    extra: { status?: number; bodySnippet?: string } = {},
  ) {
    super(message);
    this.code = failure.kind === 'status' && failure.rateLimited ? 'RATE_LIMITED' : CODES[failure.kind];
    this.details = { execution: executionOf(failure), ...extra };
  }
}
