// What planning, applying and reading the status of a fleet share: the accounts `only` picks, a
// client per account (its own JWT provider and pacing: limits are per account), a small pool.
import { DEFAULT_AUTH_URL } from '../auth/createJwtProvider.js';
import { createSpacesClient, type SpacesClient } from '../client/createSpacesClient.js';
import { DEFAULT_ENDPOINT } from '../client/options.js';
import { printable, shorten } from '../text/printable.js';
import { codeOf } from './fleetClient.js';
import { FleetError, FLEET_LIMITS, type FleetAccount, type FleetFile } from './fleetFile.js';
import { followed } from './followedSignal.js';

/** What every fleet run takes. */
export interface FleetRunOptions {
  /** Only these account ids (each must be in the fleet). */
  only?: readonly string[] | undefined;
  /** Accounts in flight at once, 1 to 64 (`FLEET_LIMITS.maxConcurrency`). Default: the fleet file's `concurrency`. */
  concurrency?: number | undefined;
  /** Stops the run: accounts under way stop between requests, the rest are not started. */
  signal?: AbortSignal | undefined;
  /**
   * Makes an account's client. Default: a client of its own for each account (its JWT provider,
   * its pacing), at `endpoint` / `authUrl`.
   */
  connect?: ((account: FleetAccount) => SpacesClient) | undefined;
  /** The plan's `fromEnv` values, and `BOOMI_ENDPOINT` / `BOOMI_AUTH_URL`. Default `process.env`. */
  env?: Readonly<Record<string, string | undefined>> | undefined;
  /** The GraphQL endpoint; else `BOOMI_ENDPOINT`, else Boomi's. */
  endpoint?: string | undefined;
  /** The JWT endpoint without the account id; else `BOOMI_AUTH_URL`, else Boomi's. */
  authUrl?: string | undefined;
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
function connectorOf(options: FleetRunOptions): (account: FleetAccount) => SpacesClient {
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
async function eachLimited<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>) {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/** The run's concurrency: the option, checked, else the fleet file's. */
function concurrencyOf(fleet: FleetFile, { concurrency }: FleetRunOptions): number {
  if (concurrency === undefined) return fleet.concurrency;
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > FLEET_LIMITS.maxConcurrency)
    throw new FleetError([
      `concurrency must be a whole number from 1 to ${FLEET_LIMITS.maxConcurrency}, not ${printable(shorten(String(concurrency), 40))}`,
    ]);
  return concurrency;
}

/** What {@link eachAccount} does with one account. */
export interface AccountSteps<R> {
  /** The account's result without connecting (resumed, aborted), or undefined to connect. */
  skip?: (account: FleetAccount) => R | undefined;
  /** The work on the account's client (closed after), stopped by `signal`: the run's, not the caller's. */
  work: (client: SpacesClient, account: FleetAccount, signal: AbortSignal | undefined) => Promise<R>;
  /** The account's result when `work` (or connecting) threw. */
  failed: (account: FleetAccount, error: unknown) => R;
  /** Called with each account's result as it ends. */
  done?: (result: R) => void;
}

/**
 * The loop every fleet run shares: the accounts `only` picks, each with its own client, at most
 * the fleet's concurrency at once; one account's failure never stops the others. The results come
 * back in the fleet's order.
 */
export async function eachAccount<R>(fleet: FleetFile, options: FleetRunOptions, steps: AccountSteps<R>): Promise<R[]> {
  const accounts = selectAccounts(fleet, options.only);
  const connect = connectorOf(options);
  const concurrency = concurrencyOf(fleet, options);
  const results = new Map<FleetAccount, R>();
  const run = followed(options.signal);
  try {
    await eachLimited(accounts, concurrency, async (account) => {
      let result = steps.skip?.(account);
      if (result === undefined) {
        try {
          result = await withAccountClient(connect, account, (client) => steps.work(client, account, run.signal));
        } catch (error) {
          result = steps.failed(account, error);
        }
      }
      results.set(account, result);
      steps.done?.(result);
    });
  } finally {
    run.dispose();
  }
  return accounts.map((account) => results.get(account)!);
}

/** A failure as the fleet reports it: a code and a one-line message, printable. */
export function failureOf(error: unknown): { code: string; message: string } {
  const message = error instanceof Error ? error.message : String(error);
  return { code: codeOf(error), message: printable(shorten(message.split('\n').join(' '), 500)) };
}

/** Runs `body` with the account's client, closed after. */
async function withAccountClient<T>(
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
