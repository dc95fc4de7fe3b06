/**
 * boomi-spaces/plan: plan files as a library. Read a plan (the desired pack instances of a Space,
 * their environments, settings and schedules), see what applying it would change, and apply it:
 * what `boomi-spaces plan` and `apply` do, without the CLI. A separate entry, so the main one does
 * not load the YAML parser.
 *
 * @example
 * ```ts
 * import { createSpacesClient } from 'boomi-spaces';
 * import { applyPlan, loadPlanFile, planChanges } from 'boomi-spaces/plan';
 *
 * const plan = loadPlanFile('plan.yaml');
 * const client = createSpacesClient({ getToken, spaceGuid: plan.plan.spaceGuid });
 * const planned = await planChanges(client, plan);
 * console.log(planned.totals.status.planned, 'changes to make');
 * const result = await applyPlan(client, planned, {
 *   onProgress: (item) => console.log(item.status, item.description),
 * });
 * ```
 */
export { applyPlan, PlanAbortedError, type AppliedPlan, type ApplyPlanOptions } from './applyPlan.js';
export { planChanges, type PlanChangesOptions, type PlannedChanges } from './planChanges.js';
export {
  loadPlanFile,
  parsePlan,
  PlanError,
  PLAN_LIMITS,
  type ParsedPlan,
  type PlanEntry,
  type PlanExtensions,
  type PlanFile,
  type PlanSettings,
  type PlanValue,
} from './planFile.js';
export {
  sumTotals,
  totalsOf,
  type ChangeKind,
  type ChangeStatus,
  type PlanItem,
  type PlanResult,
  type PlanTarget,
  type PlanTotals,
} from './result.js';
export type { Change } from './changes.js';
export type { ConfigureChange, ScheduleChange } from './settingsPlan.js';
export type { ResolvedEntry, WantedExtensions } from './resolvePlan.js';
