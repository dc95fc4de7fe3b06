import { SpacesError } from '../errors/SpacesError.js';
import { TransportError, type TransportFailure } from '../errors/TransportError.js';
import { waitFor, type StopReason } from '../retry/waitFor.js';
import type { SecretRedactor } from '../security/SecretRedactor.js';

/**
 * Gets the bearer token. `forceRefresh` after the server refused `rejectedToken`. `signal` and
 * `deadline` (epoch ms) belong to the call waiting for the token: a source that fetches tokens
 * should stop waiting for them (the transport stops waiting at the deadline in any case).
 */
export type TokenSource = (options: {
  forceRefresh: boolean;
  rejectedToken?: string;
  signal?: AbortSignal;
  deadline?: number;
}) => string | Promise<string>;

/** What a token source is asked: built per attempt by the transport, handed to the source as is. */
export type TokenRequest = Parameters<TokenSource>[0];

/**
 * The token step of one attempt: asks the source, waits no longer than the call may (a stalled JWT
 * endpoint costs a call its deadline, not the endpoint's own timeouts), and turns every failure into
 * a TransportError that nothing was sent. A token handed back as a string (a fixed token, a
 * provider's cached one) is returned as is: no wait, no timer, no promise on most calls.
 */
export function obtainToken(
  getToken: TokenSource,
  redactor: SecretRedactor,
  request: TokenRequest,
): string | Promise<string> {
  let given: string | Promise<string>;
  try {
    given = getToken(request);
  } catch (cause) {
    throw tokenFailure(cause, redactor);
  }
  if (typeof given === 'string') return accepted(given, redactor);
  return waitFor(Promise.resolve(given), request, stoppedWaiting).then(
    (value) => accepted(value, redactor),
    (cause: unknown) => {
      throw tokenFailure(cause, redactor);
    },
  );
}

const stoppedWaiting = (reason: StopReason) =>
  reason === 'aborted'
    ? new SpacesError('the call was aborted while waiting for a token', { code: 'ABORTED' })
    : new SpacesError('no token before the call’s deadline', { code: 'TIMEOUT' });

/** A source's failure as a TransportError: nothing was sent. */
function tokenFailure(cause: unknown, redactor: SecretRedactor): TransportError {
  // A JWT provider's SpacesError carries the JWT endpoint's status and, for its own deadline, TIMEOUT or ABORTED.
  const code = cause instanceof SpacesError ? cause.code : undefined;
  const failure: TransportFailure =
    code === 'TIMEOUT'
      ? { kind: 'timeout', sent: false }
      : code === 'ABORTED'
        ? { kind: 'aborted', sent: false }
        : { kind: 'auth' };
  const reason = cause instanceof Error ? cause.message : String(cause);
  const status = cause instanceof SpacesError ? cause.status : undefined;
  return new TransportError(failure, `could not obtain a token: ${redactor.redact(reason)}`, { status });
}

/** The token, remembered by the redactor; an empty one is refused. */
function accepted(value: unknown, redactor: SecretRedactor): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new TransportError({ kind: 'auth' }, 'could not obtain a token: getToken() returned no token');
  }
  redactor.add(value);
  return value;
}
