// The one result of planning and applying: one item per instance, setting or schedule change, and
// totals that add up across plans (a fleet of accounts sums its accounts' totals).
import { SpacesError } from '../errors/SpacesError.js';
import { describeChange, type Change } from './changes.js';
import { PlanError } from './planFile.js';
import type { ResolvedEntry } from './resolvePlan.js';

/** What a change does: to instances (install, attach, detach, uninstall), settings, schedules. */
export type ChangeKind = Change['action'];

/**
 * Where a change stands: `planned` (not sent yet), `applied`, `unchanged` (already as the plan asks),
 * `failed` (sent or checked and refused; see `reason`), `skipped` (not sent: what it rests on failed,
 * or the run was aborted).
 */
export type ChangeStatus = 'planned' | 'applied' | 'unchanged' | 'failed' | 'skipped';

/** What a change is about; the fields that apply to its kind are set. */
export interface PlanTarget {
  /** The entry's index under `instances` in the plan file, for changes the plan asks for. */
  entry?: number;
  packId?: string;
  pack?: string;
  /** The instance's override name (MULTI packs). */
  name?: string | null;
  /** Null while the instance is still to be installed. */
  instanceId?: string | null;
  environmentId?: string;
  environment?: string;
  /** A setting: its connection or process property component, and its name. */
  component?: string;
  setting?: string;
  processId?: string | null;
  process?: string;
}

/** One change and what became of it. */
export interface PlanItem {
  kind: ChangeKind;
  target: PlanTarget;
  status: ChangeStatus;
  /** Why it failed, was skipped or is unchanged. */
  reason?: string;
  /** The failure, for `failed` and `skipped` items. */
  error?: SpacesError;
  /** The instance the change made or used, once applied (a failed setting or schedule has none). */
  instanceId?: string;
  /** One line for people: `+ install Invoice Sync "EU" (MULTI)`. */
  description: string;
  /**
   * The change in full. Not enumerable: it holds the plan's entry, with the secrets read from
   * `fromEnv` variables, so JSON and `console.log` of a result leave it out.
   */
  readonly change: Change;
}

/** How many items per status, and per kind. */
export interface PlanTotals {
  status: Record<ChangeStatus, number>;
  kind: Record<ChangeKind, number>;
}

/** A plan worked out or applied against one Space of one account. */
export interface PlanResult {
  space: { id: string; name: string };
  items: PlanItem[];
  totals: PlanTotals;
}

const noStatuses = (): Record<ChangeStatus, number> => ({
  planned: 0,
  applied: 0,
  unchanged: 0,
  failed: 0,
  skipped: 0,
});
const noKinds = (): Record<ChangeKind, number> => ({
  install: 0,
  attach: 0,
  detach: 0,
  uninstall: 0,
  configure: 0,
  schedule: 0,
});

/**
 * The totals of some items.
 *
 * @example
 * ```ts
 * const { status } = totalsOf(result.items);
 * console.log(`${status.applied} applied, ${status.failed} failed`);
 * ```
 */
export function totalsOf(items: readonly PlanItem[]): PlanTotals {
  const totals = { status: noStatuses(), kind: noKinds() };
  for (const item of items) {
    totals.status[item.status] += 1;
    totals.kind[item.kind] += 1;
  }
  return totals;
}

/**
 * Several totals added up: a fleet's from its accounts' results.
 *
 * @example
 * ```ts
 * const fleet = sumTotals(results.map((r) => r.totals));
 * ```
 */
export function sumTotals(all: readonly PlanTotals[]): PlanTotals {
  const sum = { status: noStatuses(), kind: noKinds() };
  for (const totals of all) {
    for (const key of Object.keys(sum.status) as ChangeStatus[]) sum.status[key] += totals.status[key];
    for (const key of Object.keys(sum.kind) as ChangeKind[]) sum.kind[key] += totals.kind[key];
  }
  return sum;
}

const ofEntry = (entry: ResolvedEntry): PlanTarget => ({
  entry: entry.index,
  packId: entry.pack.id,
  pack: entry.pack.name,
  name: entry.name,
});

/** What a change is about, as plain fields. */
function targetOf(change: Change): PlanTarget {
  switch (change.action) {
    case 'install':
      return { ...ofEntry(change.entry), instanceId: null };
    case 'attach':
      return { ...ofEntry(change.entry), instanceId: change.instanceId, ...environmentOf(change.environment) };
    case 'detach':
    case 'uninstall': {
      const { instance } = change;
      return {
        packId: instance.integrationPackId,
        ...(instance.integrationPack?.name && { pack: instance.integrationPack.name }),
        name: instance.integrationPackOverrideName,
        instanceId: instance.id,
        ...(change.action === 'detach' && environmentOf(change.environment)),
      };
    }
    case 'configure':
      return {
        ...ofEntry(change.entry),
        instanceId: change.instanceId,
        ...environmentOf(change.environment),
        component: change.setting.component,
        setting: change.setting.setting,
      };
    case 'schedule':
      return {
        ...ofEntry(change.entry),
        instanceId: change.instanceId,
        processId: change.process.id,
        process: change.process.name,
      };
  }
}

const environmentOf = (environment: { id: string; name: string }) => ({
  environmentId: environment.id,
  environment: environment.name,
});

/**
 * Keeps `value` at `key` out of JSON and `console.log`: changes and entries hold the secrets read
 * from `fromEnv` variables, and a result is the kind of thing people log.
 */
export function hidden<T extends object, K extends string, V>(target: T, key: K, value: V): T & Record<K, V> {
  return Object.defineProperty(target, key, { value, enumerable: false, writable: false }) as T & Record<K, V>;
}

/** An item for a change; a `SKIPPED` error makes it `skipped`, any other `failed`. */
export function itemOf(
  change: Change,
  status: ChangeStatus,
  {
    error,
    instanceId,
    reason,
    description = describeChange(change),
  }: { error?: SpacesError; instanceId?: string; reason?: string; description?: string } = {},
): PlanItem {
  const why = reason ?? error?.message;
  const item = {
    kind: change.action,
    target: targetOf(change),
    status: error?.code === 'SKIPPED' ? 'skipped' : error ? 'failed' : status,
    ...(why !== undefined && { reason: why }),
    ...(error && { error }),
    ...(instanceId && { instanceId }),
    description,
  } satisfies Omit<PlanItem, 'change'>;
  return hidden(item, 'change', change);
}

/** Failures of any kind as SpacesErrors (a plan error found while applying keeps its code). */
export function asSpacesError(error: unknown): SpacesError {
  if (error instanceof SpacesError) return error;
  const code = error instanceof PlanError ? error.code : 'UNEXPECTED';
  return new SpacesError(error instanceof Error ? error.message : String(error), { code });
}
