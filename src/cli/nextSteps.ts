// What to do next after a failure, in the CLI's words: the flag, the environment variable or the
// command to run first. The SDK's messages say what went wrong (and, for a few codes, which client
// option to give: src/errors/nextSteps.ts); these say where to go from there, in place of the SDK's.
import { describeFileError } from '../errors/fileErrors.js';
import { withoutSdkNextStep } from '../errors/nextSteps.js';
import { CLOSED_BEFORE_ANSWER } from '../transport/diagnostics.js';
import { show } from './output.js';

const CREDENTIALS =
  'check --account/BOOMI_ACCOUNT_ID, --username/BOOMI_USERNAME and BOOMI_API_TOKEN (or BOOMI_JWT), and --auth-url/BOOMI_AUTH_URL or --region/BOOMI_REGION';
const REACH =
  'check --endpoint/BOOMI_ENDPOINT or --region/BOOMI_REGION, and the network (--verbose shows each attempt)';

/** The next step for an API failure, by its code; none for codes whose message says it already. */
const BY_CODE: Record<string, string> = {
  MISSING_SPACE_ID:
    'give the Space with --space-guid <guid> or BOOMI_SPACE_GUID (its id; `boomi-spaces spaces` lists them)',
  SPACE_NOT_FOUND: '`boomi-spaces spaces` lists the Spaces you can see',
  SPACE_IS_DELETED: '`boomi-spaces spaces` lists the Spaces you can see',
  IPACK_NOT_FOUND_IN_SPACE: '`boomi-spaces space <spaceId>` lists the packs a Space shares',
  ARTIFACT_NOT_IN_SPACE: '`boomi-spaces space <spaceId>` lists the packs a Space shares',
  IPACK_INSTANCE_ID_INVALID: '`boomi-spaces instances` lists the instances (it needs --space-guid)',
  ATTACHMENT_ID_INVALID: '`boomi-spaces environments` lists the attachments',
  UNAUTHORIZED: CREDENTIALS,
  AUTH_ERROR: CREDENTIALS,
  INVALID_AUTH_METHOD: CREDENTIALS,
  NETWORK_ERROR: REACH,
  TIMEOUT: REACH,
  REDIRECT_REFUSED: 'point --endpoint/BOOMI_ENDPOINT at the GraphQL endpoint itself, not at a page that redirects',
  RATE_LIMITED: 'send less: lower --pace/BOOMI_PACE (requests per second) and try again',
  RESPONSE_TOO_LARGE: 'raise --max-response-mb/BOOMI_MAX_RESPONSE_MB (up to 256)',
  OUTCOME_UNKNOWN: 'look before repeating it: `boomi-spaces instances` or `boomi-spaces environments`',
  GENERIC_SYSTEM_ERROR: 'the platform failed: try again later; --verbose shows each attempt',
  HTTP_ERROR: 'the platform failed: try again later; --verbose shows each attempt',
};

// Reached, then cut off before the answer: the address is right, the server or something on the way dropped it.
const CUT_OFF =
  'the server was reached, but the connection ended before its answer: try again; if it goes on, a proxy or load balancer may be cutting it (--verbose shows each attempt)';

/**
 * `message; next step` unless the message names its next step already. The CLI's step replaces the
 * SDK's (which names client options, not flags). A server that closed the connection before its
 * answer was reached: not the address to check then (a TLS or other failure still is).
 */
export function withNextStep(error: { code: string }, message: string): string {
  const cutOff = error.code === 'NETWORK_ERROR' && message.includes(CLOSED_BEFORE_ANSWER);
  const step = cutOff ? CUT_OFF : BY_CODE[error.code];
  if (!step) return message;
  const own = withoutSdkNextStep(error.code, message);
  return own.includes(step) ? own : `${own}; ${step}`;
}

interface SystemError extends Error {
  code: string;
  syscall?: string;
  port?: number;
  address?: string;
  hostname?: string;
}

/**
 * A foreseeable OS error (a busy port, a host name that does not resolve, a missing file, no
 * permission) as a message naming the port, host or path and the next step; undefined for any other
 * error. Files are worded as everywhere else (describeFileError).
 */
export function osUsageMessage(error: unknown): string | undefined {
  // By shape, not `instanceof Error`: Node's errors may come from another realm (a vm context, tests).
  const e = error as Partial<SystemError> | null;
  if (typeof e?.message !== 'string' || typeof e.code !== 'string') return undefined;
  const where = e.port !== undefined ? `${show(e.address ?? 'localhost')}:${e.port}` : undefined;
  const port = e.port !== undefined ? `port ${e.port}` : 'the port';
  switch (e.code) {
    case 'EADDRINUSE':
      return `${port} is in use${where ? ` (${where})` : ''}: stop what listens there, or pick another with --port <port> (--port 0 picks a free one)`;
    case 'EADDRNOTAVAIL':
      return `cannot listen on ${where ?? show(e.address ?? 'that address')}: it is not an address of this machine; check --host`;
    case 'ENOTFOUND':
      // Outbound calls fail as SpacesErrors: a bare lookup failure is a server's --host.
      return `cannot listen on ${show(e.hostname ?? 'that host')}: the host name does not resolve; check --host (an address of this machine, such as 127.0.0.1)`;
    case 'EACCES':
    case 'EPERM':
      if (e.syscall === 'listen' || e.syscall === 'bind')
        return `no permission to listen on ${where ?? port}: ports below 1024 need privileges; pick --port 1024 or above (0: a free one)`;
  }
  return describeFileError(error);
}
