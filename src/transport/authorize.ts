import { SpacesError } from '../errors/SpacesError.js';
import { TransportError, type TransportFailure } from '../errors/TransportError.js';
import { waitFor } from '../retry/waitFor.js';
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

export interface TokenRequest {
  rejectedToken?: string;
  signal?: AbortSignal;
  /** Epoch ms: the call's deadline, or the end of the attempt's timeout. */
  deadline: number;
}

/**
 * The token step of one attempt: asks the source, waits no longer than the call may (a stalled JWT
 * endpoint costs a call its deadline, not the endpoint's own timeouts), and turns every failure into
 * a TransportError that nothing was sent.
 */
export async function obtainToken(
  getToken: TokenSource,
  redactor: SecretRedactor,
  request: TokenRequest,
): Promise<string> {
  const { rejectedToken, signal, deadline } = request;
  const options: Parameters<TokenSource>[0] = { forceRefresh: rejectedToken !== undefined, deadline };
  if (rejectedToken !== undefined) options.rejectedToken = rejectedToken;
  if (signal) options.signal = signal;
  let value: unknown;
  try {
    const given = getToken(options);
    // A fixed token (or a provider's cached one, handed back as is) needs no wait, so no timer.
    value =
      typeof given === 'string'
        ? given
        : await waitFor(Promise.resolve(given), { signal, deadline }, (reason) =>
            reason === 'aborted'
              ? new SpacesError('the call was aborted while waiting for a token', { code: 'ABORTED' })
              : new SpacesError('no token before the call’s deadline', { code: 'TIMEOUT' }),
          );
  } catch (cause) {
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
    throw new TransportError(failure, `could not obtain a token: ${redactor.redact(reason)}`, {
      ...(status !== undefined && { status }),
    });
  }
  if (typeof value !== 'string' || value.trim() === '') {
    throw new TransportError({ kind: 'auth' }, 'could not obtain a token: getToken() returned no token');
  }
  redactor.add(value);
  return value;
}
