// Plan and apply one plan across a fleet of accounts: accounts in parallel up to the fleet's
// concurrency, one account's failure never stopping the others; applies journaled and resumable.
import { resolve } from 'node:path';
import { applyPlan, PlanAbortedError } from './applyPlan.js';
import { journaledClient } from './fleetClient.js';
import type { SpacesClient } from '../client/createSpacesClient.js';
import { FleetError, type FleetAccount, type FleetFile } from './fleetFile.js';
import { newRunId, openJournal, readLatestRun, type FleetEvent, type FleetJournal } from './fleetJournal.js';
import { eachAccount, failureOf, selectAccounts, type FleetRunOptions } from './fleetRun.js';
import { planChanges } from './planChanges.js';
import { sumTotals, totalsOf, type PlanResult, type PlanTotals } from './result.js';

export type { FleetRunOptions } from './fleetRun.js';

/**
 * What became of one account. Planning: `converged` (no change to make), `changed` (changes to
 * make). Applying: `converged` (the account matches the plan: every change applied, or none
 * needed), `changed` (stopped part way: some changes made, the rest not). `failed`: see `error`.
 */
export interface FleetAccountResult {
  id: string;
  name?: string;
  outcome: 'converged' | 'changed' | 'failed';
  /** The account's plan or apply (absent when it failed before planning). */
  result?: PlanResult;
  error?: { code: string; message: string };
  /** Converged in an earlier attempt of this run (`resume`): not contacted again. */
  resumed?: boolean;
}

/** A fleet planned or applied: one result per account, in the fleet's order, and the totals. */
export interface FleetResult {
  runId: string;
  accounts: FleetAccountResult[];
  totals: PlanTotals;
}

/** How {@link applyFleet} runs. */
export interface ApplyFleetOptions extends FleetRunOptions {
  /** Continue the latest run of this fleet from its journal: accounts converged in it are skipped. */
  resume?: boolean | undefined;
  /** Where journals go. Default `.boomi-fleet`. */
  journalDir?: string | undefined;
  /** Called as each account ends. */
  onAccountDone?: ((result: FleetAccountResult) => void) | undefined;
  /** Called with each journal event (account start and end, each mutation's intent and outcome). */
  onEvent?: ((event: FleetEvent) => void) | undefined;
}

const aborted = { code: 'ABORTED', message: 'not started: the run was aborted' };
const base = (account: FleetAccount) => ({ id: account.id, ...(account.name && { name: account.name }) });

function fleetResult(runId: string, accounts: FleetAccountResult[]): FleetResult {
  return { runId, accounts, totals: sumTotals(accounts.map((a) => a.result?.totals ?? totalsOf([]))) };
}

/**
 * Works out, per account, what applying the fleet's plan would change; sends nothing that changes
 * anything. An account that cannot be read is `failed` and the others go on.
 *
 * @example
 * ```ts
 * import { loadFleetFile, planFleet } from 'boomi-spaces/plan';
 *
 * const fleet = await loadFleetFile('fleet.yaml');
 * const result = await planFleet(fleet, { only: ['acme-K3X9QA'] });
 * for (const a of result.accounts) console.log(a.id, a.outcome, a.result?.totals.status.planned);
 * ```
 */
export async function planFleet(fleet: FleetFile, options: FleetRunOptions = {}): Promise<FleetResult> {
  const accounts = await eachAccount<FleetAccountResult>(fleet, options, {
    skip: (account) => (options.signal?.aborted ? { ...base(account), outcome: 'failed', error: aborted } : undefined),
    work: async (client, account, signal) => {
      const planned = await planChanges(client, account.plan, {
        ...(signal && { signal }),
        variables: options.env ?? process.env,
      });
      return { ...base(account), outcome: planned.changes.length > 0 ? 'changed' : 'converged', result: planned };
    },
    failed: (account, error) => ({ ...base(account), outcome: 'failed', error: failureOf(error) }),
  });
  return fleetResult(newRunId(), accounts);
}

/**
 * Applies the fleet's plan to every account, up to the fleet's `concurrency` at once, each with its
 * own client. One account failing (a bad token, a 5xx storm, a refused setting) never stops the
 * others. Every mutation's intent and outcome goes to `<journalDir>/<runId>.jsonl`; after a crash,
 * `resume: true` continues the latest run of this fleet file: accounts it saw converge are skipped,
 * the others are planned afresh and applied (what was done is found done: nothing is repeated). An
 * abort (`signal`) stops the accounts under way between requests; those not started are `failed`
 * with code `ABORTED`. Rejects only with a `FleetError` (nothing sent).
 *
 * @example
 * ```ts
 * import { applyFleet, loadFleetFile } from 'boomi-spaces/plan';
 *
 * const fleet = await loadFleetFile('fleet.yaml');
 * const result = await applyFleet(fleet, {
 *   onAccountDone: (a) => console.log(a.id, a.outcome, a.error?.code ?? ''),
 * });
 * if (result.accounts.some((a) => a.outcome !== 'converged')) process.exitCode = 1;
 * ```
 */
export async function applyFleet(fleet: FleetFile, options: ApplyFleetOptions = {}): Promise<FleetResult> {
  const accounts = selectAccounts(fleet, options.only);
  const dir = options.journalDir ?? '.boomi-fleet';
  const earlier = options.resume ? readLatestRun(dir, fleet.file) : undefined;
  if (options.resume && !earlier)
    throw new FleetError([
      `${fleet.file}: nothing to resume: no journal of this fleet in ${dir}; run the apply without resume first`,
    ]);
  const journal = openJournal(dir, earlier?.runId ?? newRunId(), options.onEvent);
  try {
    journal.write({ type: 'run', fleet: resolve(fleet.file), accounts: accounts.length, resumed: Boolean(earlier) });
    const results = await eachAccount<FleetAccountResult>(fleet, options, {
      skip: (account) =>
        earlier?.converged.has(account.id)
          ? { ...base(account), outcome: 'converged', resumed: true }
          : options.signal?.aborted
            ? { ...base(account), outcome: 'failed', error: aborted }
            : undefined,
      work: (client, account, signal) => applyAccount(client, account, journal, { ...options, signal }),
      failed: (account, error) => ended(journal, { ...base(account), outcome: 'failed', error: failureOf(error) }),
      ...(options.onAccountDone && { done: options.onAccountDone }),
    });
    return fleetResult(journal.runId, results);
  } finally {
    journal.close();
  }
}

/** Applies the plan to one account through a journaling client; journals the account's start and end. */
async function applyAccount(
  client: SpacesClient,
  account: FleetAccount,
  journal: FleetJournal,
  { signal, env = process.env }: ApplyFleetOptions,
): Promise<FleetAccountResult> {
  journal.write({ type: 'account', account: account.id, state: 'start' });
  let seq = 0;
  const record = (op: string, ids: string[]) => {
    const n = ++seq;
    journal.write({ type: 'intent', account: account.id, seq: n, op, ids });
    return (outcome: string) => journal.write({ type: 'outcome', account: account.id, seq: n, op, outcome });
  };
  try {
    const applied = await applyPlan(journaledClient(client, record), account.plan, {
      ...(signal && { signal }),
      variables: env,
    });
    const failed = applied.items.filter((i) => i.status === 'failed' || i.status === 'skipped');
    return ended(
      journal,
      failed.length === 0
        ? { ...base(account), outcome: 'converged', result: applied }
        : {
            ...base(account),
            outcome: 'failed',
            result: applied,
            error: {
              code: failed[0]!.error?.code ?? 'FAILED',
              message: `${failed.length} of ${applied.items.length} changes not made; first: ${failed[0]!.description}: ${failureOf(failed[0]!.error ?? failed[0]!.reason).message}`,
            },
          },
    );
  } catch (error) {
    const partial = error instanceof PlanAbortedError ? error.result : undefined;
    return ended(journal, {
      ...base(account),
      outcome: partial && partial.totals.status.applied > 0 ? 'changed' : 'failed',
      ...(partial && { result: partial }),
      error: failureOf(error),
    });
  }
}

/** Journals the end of an account's apply; returns its result. */
function ended(journal: FleetJournal, result: FleetAccountResult): FleetAccountResult {
  journal.write({
    type: 'account',
    account: result.id,
    state: 'done',
    outcome: result.outcome,
    ...(result.error && { code: result.error.code }),
  });
  return result;
}
