// Watching many accounts at once: one watch per account, each on its own client (its own JWT and
// pacing, as limits are per account), every execution tagged with the account it ran in.
import { watchExecutions, type WatchClient, type WatchOptions } from './watchExecutions.js';
import type { Execution } from './types.js';

/** One account to watch, with a client made for it. */
export interface FleetWatchAccount {
  id: string;
  name?: string | undefined;
  client: WatchClient;
}

/** An execution and the account it ran in. */
export interface FleetExecution extends Execution {
  accountId: string;
  accountName?: string;
}

/** Options of {@link watchFleet}: those of `watchExecutions`, with the account in each report. */
export interface FleetWatchOptions extends Omit<WatchOptions, 'onExecution' | 'onError' | 'processes'> {
  onExecution: (execution: FleetExecution) => void | Promise<void>;
  /**
   * A failed poll of one account (the others go on). Without it, that account's watch stops, as it
   * does when its first poll fails for good (see `WatchOptions.onError`).
   */
  onError?: ((accountId: string, error: unknown) => void) | undefined;
}

/**
 * How a fleet watch ended: the accounts whose watch stopped on an error (with `onError`, only those
 * whose first poll failed for good: bad credentials, a missing SPACE_GUID).
 */
export interface FleetWatchResult {
  failed: Array<{ accountId: string; error: unknown }>;
}

/**
 * Follows the executions of every account at once and reports each once it ends, tagged with its
 * account. One account failing never stops the others. Resolves when `signal` aborts.
 *
 * @example
 * ```ts
 * const stop = new AbortController();
 * const accounts = ids.map((id) => ({ id, client: createSpacesClient({ ...common, accountId: id }) }));
 * await watchFleet(accounts, {
 *   status: 'ERROR',
 *   signal: stop.signal,
 *   onExecution: (e) => console.log(e.accountId, e.processName, e.message),
 * });
 * ```
 */
export async function watchFleet(
  accounts: readonly FleetWatchAccount[],
  options: FleetWatchOptions,
): Promise<FleetWatchResult> {
  const { onExecution, onError, ...common } = options;
  const failed: FleetWatchResult['failed'] = [];
  await Promise.all(
    accounts.map(async ({ id, name, client }) => {
      const tag = (e: Execution): FleetExecution => ({
        ...e,
        accountId: id,
        ...(name !== undefined && { accountName: name }),
      });
      try {
        await watchExecutions(client, {
          ...common,
          onExecution: (e) => onExecution(tag(e)),
          ...(onError && { onError: (error: unknown) => onError(id, error) }),
        });
      } catch (error) {
        failed.push({ accountId: id, error });
      }
    }),
  );
  return { failed };
}
