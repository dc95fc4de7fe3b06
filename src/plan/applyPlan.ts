import type { SpacesClient } from '../client/createSpacesClient.js';
import { SpacesError } from '../errors/SpacesError.js';
import { applyChanges, type ChangeResult } from './applyChanges.js';
import { applySettings } from './applySettings.js';
import type { Change } from './changes.js';
import { followed } from './followedSignal.js';
import type { ParsedPlan } from './planFile.js';
import { planChanges, type PlanChangesOptions, type PlannedChanges } from './planChanges.js';
import { asSpacesError, itemOf, totalsOf, type PlanItem, type PlanResult } from './result.js';

/** How a plan is applied. */
export interface ApplyPlanOptions extends PlanChangesOptions {
  /** Installs per GraphQL request. Default 25. */
  batchSize?: number | undefined;
  /** Called as each change settles (applied, failed or skipped), for progress. */
  onProgress?: ((item: PlanItem) => void) | undefined;
}

/** A plan applied: each change `applied`, `failed` or `skipped`, in the order they settled. */
export interface AppliedPlan extends PlanResult {
  /** What was planned, and applied from. */
  planned: PlannedChanges;
}

/**
 * The run was aborted: what settled before is in `result` (applied or failed), the changes not
 * reached are `skipped`. Changes already sent are not undone; applying again finishes the rest.
 *
 * @example
 * ```ts
 * try {
 *   await applyPlan(client, plan, { signal });
 * } catch (error) {
 *   if (error instanceof PlanAbortedError) console.log(error.result.totals.status.applied, 'applied before the abort');
 * }
 * ```
 */
export class PlanAbortedError extends SpacesError {
  override name = 'PlanAbortedError';
  constructor(readonly result: AppliedPlan) {
    const { applied, skipped } = result.totals.status;
    super(`the apply was aborted: ${applied} changes applied, ${skipped} not made`, { code: 'ABORTED' });
  }
}

const fromResult = (result: ChangeResult): PlanItem =>
  itemOf(result.change, 'applied', {
    ...(result.error && { error: result.error }),
    ...(result.instanceId && { instanceId: result.instanceId }),
  });

/**
 * Makes the account match a plan: installs (batched), attachments, detaches and uninstalls (with
 * `prune`), then the settings and schedules, read afresh once every instance exists. A failed change
 * does not stop the others; applying again finishes the rest (what succeeded is not repeated). Given
 * a parsed plan, plans it first (`planChanges`); given `planChanges`' result, applies that as it is.
 * Rejects with a `PlanError` when the plan does not fit the account (nothing is sent), and with
 * {@link PlanAbortedError} when `signal` aborts.
 *
 * @example
 * ```ts
 * import { applyPlan, loadPlanFile } from 'boomi-spaces/plan';
 *
 * const result = await applyPlan(client, loadPlanFile('plan.yaml'), {
 *   onProgress: (item) => console.log(item.status, item.description),
 * });
 * if (result.totals.status.failed > 0) process.exitCode = 1;
 * ```
 */
export async function applyPlan(
  client: SpacesClient,
  plan: ParsedPlan | PlannedChanges,
  options: ApplyPlanOptions = {},
): Promise<AppliedPlan> {
  // Requests in flight listen to the plan's own signal, not to the caller's: one listener there.
  const run = followed(options.signal);
  try {
    return await applyFollowing(client, plan, { ...options, ...(run.signal && { signal: run.signal }) });
  } finally {
    run.dispose();
  }
}

async function applyFollowing(
  client: SpacesClient,
  plan: ParsedPlan | PlannedChanges,
  options: ApplyPlanOptions,
): Promise<AppliedPlan> {
  const { signal, batchSize, onProgress } = options;
  const planned = 'changes' in plan ? plan : await planChanges(client, plan, options);
  const items: PlanItem[] = [];
  const settle = (item: PlanItem) => {
    items.push(item);
    onProgress?.(item);
  };
  const results = await applyChanges(client, planned.changes, {
    ...(batchSize !== undefined && { batchSize }),
    ...(signal && { signal }),
    onResult: (result) => settle(fromResult(result)),
  });
  // Settings and schedules go to the instances as they are now, the ones just installed included.
  const installed = new Map<number, string>();
  for (const r of results)
    if (r.ok && r.change.action === 'install' && r.instanceId) installed.set(r.change.entry.index, r.instanceId);
  await applySettings(
    client,
    planned.entries,
    (entry) => planned.existing.get(entry.index) ?? installed.get(entry.index),
    planned.options.rotateSecrets ? 'always' : 'when-unset',
    (outcome) =>
      settle(
        outcome.ok
          ? itemOf(
              outcome.change,
              'applied',
              outcome.change.instanceId ? { instanceId: outcome.change.instanceId } : {},
            )
          : itemOf(outcome.change, 'failed', { error: asSpacesError(outcome.error) }),
      ),
    signal ? { signal } : {},
  );
  const applied = (list: PlanItem[]): AppliedPlan => ({
    space: planned.space,
    items: list,
    totals: totalsOf(list),
    planned,
  });
  if (!signal?.aborted) return applied(items);
  throw new PlanAbortedError(applied([...items, ...notReached(planned.changes, items)]));
}

/** What a change is about, as one string: settings and schedules are worked out afresh while applying. */
function keyOf(change: Change): string {
  switch (change.action) {
    case 'install':
      return `install ${change.entry.index}`;
    case 'attach':
      return `attach ${change.entry.index} ${change.environment.id}`;
    case 'detach':
      return `detach ${change.attachmentId}`;
    case 'uninstall':
      return `uninstall ${change.instance.id}`;
    case 'configure': {
      const { kind, component, setting } = change.setting;
      return JSON.stringify([change.entry.index, change.environment.id, kind, component, setting]);
    }
    case 'schedule':
      return JSON.stringify([change.entry.index, change.process.name]);
  }
}

/** The planned changes no item settled, as skipped. */
function notReached(changes: readonly Change[], settled: readonly PlanItem[]): PlanItem[] {
  const done = new Set(settled.map((item) => keyOf(item.change)));
  const reason = 'not made: the apply was aborted';
  return changes.filter((change) => !done.has(keyOf(change))).map((change) => itemOf(change, 'skipped', { reason }));
}
