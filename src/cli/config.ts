import type { Readable } from 'node:stream';
import { DEFAULT_AUTH_URL } from '../auth/createJwtProvider.js';
import { DEFAULT_ENDPOINT, MAX_LIMITS, REGIONS, type Region } from '../client/options.js';
import { DEFAULT_RATE_LIMIT } from '../retry/pacer.js';
import { serviceUrlProblem } from '../transport/endpoints.js';
import { shorten } from '../text/printable.js';
import { CliUsageError } from './CliUsageError.js';

/** The connection flags every API command takes. */
export interface ConnectionFlags {
  endpoint?: string;
  /** A Boomi region (`us`, `gb`): its GraphQL and JWT endpoints. */
  region?: string;
  authUrl?: string;
  account?: string;
  username?: string;
  apiTokenStdin?: boolean;
  spaceGuid?: string;
  /** Requests per second at most, client side; 0 turns pacing off. */
  pace?: string;
  /** The longest answer read, in MiB (the SDK's `maxResponseBytes`). */
  maxResponseMb?: string;
}

/** How the CLI reaches the platform, credentials aside: all the public catalog needs. */
export interface PublicConnection {
  endpoint: string;
  spaceGuid: string | undefined;
  /** Requests per second at most (0: no pacing). */
  pace: number;
  /** The longest answer read, in bytes; absent: the SDK's default. */
  maxResponseBytes?: number;
}

/** How the CLI reaches the platform and authenticates. */
export interface Connection extends PublicConnection {
  authUrl: string;
  credentials:
    { kind: 'apiToken'; accountId: string; username: string; apiToken: string } | { kind: 'jwt'; jwt: string };
}

/** Flags over environment, credentials left out (never read): the endpoint, SPACE_GUID, pacing, limits. */
export function resolvePublicConnection(flags: ConnectionFlags, env: NodeJS.ProcessEnv): PublicConnection {
  const pick = (flag: string | undefined, name: string) => nonEmpty(flag) ?? nonEmpty(env[name]);
  const region = regionOf(flags, env);
  const endpoint = serviceUrl(
    pick(flags.endpoint, 'BOOMI_ENDPOINT') ?? (region ? REGIONS[region].endpoint : DEFAULT_ENDPOINT),
    '--endpoint / BOOMI_ENDPOINT',
    DEFAULT_ENDPOINT,
  );
  const spaceGuid = pick(flags.spaceGuid, 'BOOMI_SPACE_GUID');
  const paceText = pick(flags.pace, 'BOOMI_PACE') ?? String(DEFAULT_RATE_LIMIT.requestsPerSecond);
  const pace = Number(paceText);
  // The SDK paces in whole requests per second: a fraction is refused here, before anything starts.
  if (!/^\d{1,5}$/.test(paceText)) {
    throw new CliUsageError(
      `--pace / BOOMI_PACE must be a whole number of requests per second ≥ 0 (0: no pacing), not "${shorten(paceText, 40)}"`,
    );
  }
  const maxResponseBytes = responseLimit(pick(flags.maxResponseMb, 'BOOMI_MAX_RESPONSE_MB'));
  return { endpoint, spaceGuid, pace, ...(maxResponseBytes !== undefined && { maxResponseBytes }) };
}

/**
 * Flags over environment. The API token comes from BOOMI_API_TOKEN or stdin, never from a flag
 * value (flags show up in `ps` and shell history).
 */
export async function resolveConnection(
  flags: ConnectionFlags,
  env: NodeJS.ProcessEnv,
  stdin: Readable,
): Promise<Connection> {
  const pick = (flag: string | undefined, name: string) => nonEmpty(flag) ?? nonEmpty(env[name]);
  const base = resolvePublicConnection(flags, env);
  const authUrl = resolveAuthUrl(flags, env);
  const accountId = pick(flags.account, 'BOOMI_ACCOUNT_ID');
  const username = pick(flags.username, 'BOOMI_USERNAME');
  const apiToken = flags.apiTokenStdin ? await readSecretFromStdin(stdin) : nonEmpty(env.BOOMI_API_TOKEN);
  const jwt = nonEmpty(env.BOOMI_JWT);

  if (apiToken !== undefined || jwt === undefined) {
    const missing = [
      accountId === undefined && '--account or BOOMI_ACCOUNT_ID',
      username === undefined && '--username or BOOMI_USERNAME',
      apiToken === undefined && 'BOOMI_API_TOKEN or --api-token-stdin',
    ].filter((m): m is string => typeof m === 'string');
    if (missing.length > 0) {
      throw new CliUsageError(`missing credentials: ${missing.join(', ')} (or set BOOMI_JWT to a ready JWT)`);
    }
    return {
      ...base,
      authUrl,
      credentials: { kind: 'apiToken', accountId: accountId!, username: username!, apiToken: apiToken! },
    };
  }
  return { ...base, authUrl, credentials: { kind: 'jwt', jwt } };
}

/** The JWT endpoint: --auth-url, BOOMI_AUTH_URL, the region's or the default. */
export function resolveAuthUrl(flags: ConnectionFlags, env: NodeJS.ProcessEnv): string {
  const region = regionOf(flags, env);
  return serviceUrl(
    nonEmpty(flags.authUrl) ?? nonEmpty(env.BOOMI_AUTH_URL) ?? (region ? REGIONS[region].authUrl : DEFAULT_AUTH_URL),
    '--auth-url / BOOMI_AUTH_URL',
    DEFAULT_AUTH_URL,
  );
}

/**
 * --region / BOOMI_REGION: one of the SDK's regions, which presets the GraphQL and JWT endpoints. An
 * endpoint or JWT URL given explicitly, by flag or environment, wins over it, as in the SDK: a GB
 * user's BOOMI_REGION does not stand in the way of the simulator's BOOMI_ENDPOINT.
 */
function regionOf(flags: ConnectionFlags, env: NodeJS.ProcessEnv): Region | undefined {
  const fromFlag = nonEmpty(flags.region);
  const text = fromFlag ?? nonEmpty(env.BOOMI_REGION);
  if (text === undefined) return undefined;
  if (!Object.hasOwn(REGIONS, text)) {
    throw new CliUsageError(
      `${fromFlag !== undefined ? '--region' : 'BOOMI_REGION'} must be one of ${Object.keys(REGIONS).join(', ')}, not "${shorten(text, 40)}"`,
    );
  }
  return text as Region;
}

/**
 * A GraphQL or JWT endpoint as the SDK will check it, refused in the CLI's words: the flag and its
 * variable, and what a valid one looks like (the SDK's own message names its option instead).
 */
function serviceUrl(value: string, names: string, example: string): string {
  const problem = serviceUrlProblem(value);
  if (problem !== undefined)
    throw new CliUsageError(`${names} ${problem}; give a whole URL such as ${example}, or --region/BOOMI_REGION`);
  return value;
}

const MIB = 1024 * 1024;

/** --max-response-mb / BOOMI_MAX_RESPONSE_MB in bytes: a whole number of MiB within the SDK's bound. */
function responseLimit(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const mb = Number(text);
  const most = MAX_LIMITS.maxResponseBytes / MIB;
  if (!/^\d{1,4}$/.test(text) || mb < 1 || mb > most) {
    throw new CliUsageError(
      `--max-response-mb / BOOMI_MAX_RESPONSE_MB must be a whole number of MiB from 1 to ${most} (default 8), not "${shorten(text, 40)}"`,
    );
  }
  return mb * MIB;
}

function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

/** A secret read from standard input is at most this long: a token or a password, never a file. */
const MAX_STDIN_SECRET = 64 * 1024;

/** Reads one secret from a pipe (never from a terminal, where it would echo), bounded in size. */
export async function readSecretFromStdin(
  stdin: Readable,
  flag = '--api-token-stdin',
  example = '`printenv BOOMI_API_TOKEN | boomi-spaces …`',
): Promise<string> {
  if ((stdin as { isTTY?: boolean }).isTTY) throw new CliUsageError(`${flag} reads from a pipe, e.g. ${example}`);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stdin) {
    size += (chunk as Buffer).length;
    if (size > MAX_STDIN_SECRET)
      throw new CliUsageError(`${flag}: standard input holds more than ${MAX_STDIN_SECRET} bytes`);
    chunks.push(Buffer.from(chunk as Buffer));
  }
  const secret = Buffer.concat(chunks).toString('utf8').trim();
  if (!secret) throw new CliUsageError(`${flag}: standard input held nothing`);
  return secret;
}
