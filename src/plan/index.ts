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
 *
 * // The same plan across a fleet of accounts (fleet.yaml names the plan and the accounts):
 * import { applyFleet, loadFleetFile } from 'boomi-spaces/plan';
 * const fleet = await loadFleetFile('fleet.yaml');
 * const run = await applyFleet(fleet, { onAccountDone: (a) => console.log(a.id, a.outcome) });
 * ```
 */
export {
  applyFleet,
  planFleet,
  type ApplyFleetOptions,
  type FleetAccountResult,
  type FleetResult,
  type FleetRunOptions,
} from './fleet.js';
export {
  FleetError,
  FLEET_LIMITS,
  loadFleetFile,
  type FleetAccount,
  type FleetCredentials,
  type FleetFile,
  type LoadFleetOptions,
} from './fleetFile.js';
export { JOURNAL_LIMITS, type FleetEvent } from './fleetJournal.js';
export {
  fleetStatus,
  type FleetAccountStatus,
  type FleetInstanceStatus,
  type FleetProcessStatus,
  type FleetStatusOptions,
} from './fleetStatus.js';
export { applyPlan, PlanAbortedError, type AppliedPlan, type ApplyPlanOptions } from './applyPlan.js';
export { planChanges, type PlanChangesOptions, type PlannedChanges } from './planChanges.js';
export {
  loadPlanFile,
  parsePlan,
  PlanError,
  PLAN_LIMITS,
  type ParsedPlan,
  type ParsePlanOptions,
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
