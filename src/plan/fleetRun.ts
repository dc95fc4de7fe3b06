// What planning, applying and reading the status of a fleet share: the accounts `only` picks, a
// client per account (its own JWT provider and pacing: limits are per account), a small pool.
import { DEFAULT_AUTH_URL } from '../auth/createJwtProvider.js';
import { createSpacesClient, type SpacesClient } from '../client/createSpacesClient.js';
import { DEFAULT_ENDPOINT } from '../client/options.js';
import { printable, shorten } from '../text/printable.js';
import { codeOf } from './fleetClient.js';
import { FleetError, type FleetAccount, type FleetFile } from './fleetFile.js';

/** What every fleet run takes. */
export interface FleetRunOptions {
  /** Only these account ids (each must be in the fleet). */
  only?: readonly string[];
  /** Stops the run: accounts under way stop between requests, the rest are not started. */
  signal?: AbortSignal;
  /**
   * Makes an account's client. Default: a client of its own for each account (its JWT provider,
   * its pacing), at `endpoint` / `authUrl`.
   */
  connect?: (account: FleetAccount) => SpacesClient;
  /** The plan's `fromEnv` values, and `BOOMI_ENDPOINT` / `BOOMI_AUTH_URL`. Default `process.env`. */
  env?: Readonly<Record<string, string | undefined>>;
  /** The GraphQL endpoint; else `BOOMI_ENDPOINT`, else Boomi's. */
  endpoint?: string;
  /** The JWT endpoint without the account id; else `BOOMI_AUTH_URL`, else Boomi's. */
  authUrl?: string;
}

/** The fleet's accounts `only` names, in the fleet's order; an id not in the fleet is a `FleetError`. */
export function selectAccounts(fleet: FleetFile, only: readonly string[] | undefined): FleetAccount[] {
  if (!only) return fleet.accounts;
  const known = new Set(fleet.accounts.map((a) => a.id));
  const unknown = only.filter((id) => !known.has(id));
  if (unknown.length > 0)
    throw new FleetError([
      `${fleet.file}: no account ${unknown.map((id) => printable(shorten(id, 80))).join(', ')} in the fleet (--only takes ids from its accounts)`,
    ]);
  const wanted = new Set(only);
  return fleet.accounts.filter((a) => wanted.has(a.id));
}

/** The default `connect`: a client per account, with its own JWT provider and pacing. */
export function connectorOf(options: FleetRunOptions): (account: FleetAccount) => SpacesClient {
  if (options.connect) return options.connect;
  const env = options.env ?? process.env;
  const endpoint = options.endpoint ?? (env.BOOMI_ENDPOINT?.trim() || DEFAULT_ENDPOINT);
  const authUrl = options.authUrl ?? (env.BOOMI_AUTH_URL?.trim() || DEFAULT_AUTH_URL);
  return (account) =>
    createSpacesClient({
      endpoint,
      spaceGuid: account.spaceGuid,
      jwt: {
        accountId: account.id,
        username: account.credentials.username,
        apiToken: account.credentials.apiToken(),
        authUrl,
      },
    });
}

/** Runs `work` on every item, at most `limit` at once; `work` must not throw. */
export async function eachLimited<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>) {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/** A failure as the fleet reports it: a code and a one-line message, printable. */
export function failureOf(error: unknown): { code: string; message: string } {
  const message = error instanceof Error ? error.message : String(error);
  return { code: codeOf(error), message: printable(shorten(message.split('\n').join(' '), 500)) };
}

/** Runs `body` with the account's client, closed after. */
export async function withAccountClient<T>(
  connect: (account: FleetAccount) => SpacesClient,
  account: FleetAccount,
  body: (client: SpacesClient) => Promise<T>,
): Promise<T> {
  const client = connect(account);
  try {
    return await body(client);
  } finally {
    await client.close();
  }
}
