import { NameLookupError } from '../api/findOne.js';
import { findSpaceId } from '../api/findSpace.js';
import { naturalKeyOf } from '../api/naturalKey.js';
import type { CallOptions } from '../client/callOptions.js';
import type { SpacesClient } from '../client/createSpacesClient.js';
import { SpacesError } from '../errors/SpacesError.js';
import { DEFAULT_RETRY } from '../retry/policy.js';
import { quote } from '../text/printable.js';
import { computeChanges, describeChange, type Change } from './changes.js';
import { planSettings } from './settingsPlan.js';
import { PlanError, type ParsedPlan } from './planFile.js';
import { hidden, itemOf, totalsOf, type PlanItem, type PlanResult } from './result.js';
import { checkPlanVariables, resolvePlan, type AccountView, type ResolvedEntry } from './resolvePlan.js';

/** How a plan is worked out (and, given to `applyPlan`, applied). */
export interface PlanChangesOptions {
  /** Aborts the reads: `planChanges` then rejects with the abort's error. */
  signal?: AbortSignal | undefined;
  /** Also uninstall the Space's pack instances the plan does not list, and detach unlisted environments. */
  prune?: boolean | undefined;
  /** Send secrets again even where the platform says one is set (else only unset ones are sent). */
  rotateSecrets?: boolean | undefined;
  /** Where `fromEnv` values are read; `process.env` by default. */
  variables?: Readonly<Record<string, string | undefined>> | undefined;
}

/**
 * A plan worked out against an account: every change `planned`, and each entry already installed
 * `unchanged`. Give it to `applyPlan` to make the changes without reading the account again.
 */
export interface PlannedChanges extends PlanResult {
  /**
   * The changes to make (the `planned` items' changes), in the order they are made. This and the
   * fields below are not enumerable: they hold the secrets of `fromEnv` values.
   */
  readonly changes: Change[];
  /** The plan's entries matched to the account: what applying works from. */
  readonly entries: readonly ResolvedEntry[];
  /** The instance each entry already has, by the entry's index in the plan. */
  readonly existing: ReadonlyMap<number, string>;
  /** The options it was planned with; applying uses the same. */
  readonly options: { prune: boolean; rotateSecrets: boolean };
}

/** The account as a plan sees it: the Space (a missing one said where the plan names it), instances, environments. */
async function readAccount(client: SpacesClient, parsed: ParsedPlan, call: CallOptions): Promise<AccountView> {
  // The reads a whole apply rests on are queries: retried patiently, as reconciliation listings are.
  const patient = { ...call, maxAttempts: DEFAULT_RETRY.reconcileAttempts };
  const [space, instances, environments] = await Promise.all([
    // By id or name (findSpace.ts): a name, or a Space that is not there, is said where the plan names it.
    findSpaceId(parsed.plan.space, () => client.listSpaces(patient))
      .then((id) => client.getSpace(id, patient))
      .catch((error: unknown) => {
        const where = parsed.where(['space']);
        if (error instanceof NameLookupError) throw new PlanError([`${where}: ${error.problem}`]);
        if (error instanceof SpacesError && error.code === 'SPACE_NOT_FOUND')
          throw new PlanError([`${where}: no space has the id ${quote(parsed.plan.space, 200)}`]);
        throw error;
      }),
    client.listIntegrationPackInstances(patient),
    client.listEnvironments(patient),
  ]);
  return { space, instances, environments };
}

/**
 * Reads the account and works out what applying `plan` would change; sends nothing that changes
 * anything. The client must carry the plan's SPACE_GUID (`plan.plan.spaceGuid` when it names one).
 * Rejects with a `PlanError` (code `INVALID_PLAN`; every problem with its file and line) when the
 * plan does not fit the account, and with the client's error when a read fails.
 *
 * @example
 * ```ts
 * import { loadPlanFile, planChanges } from 'boomi-spaces/plan';
 *
 * const plan = loadPlanFile('plan.yaml');
 * const planned = await planChanges(client, plan, { signal: AbortSignal.timeout(60_000) });
 * for (const item of planned.items) console.log(item.status, item.description);
 * ```
 */
export async function planChanges(
  client: SpacesClient,
  plan: ParsedPlan,
  options: PlanChangesOptions = {},
): Promise<PlannedChanges> {
  const { signal, prune = false, rotateSecrets = false, variables = process.env } = options;
  // Local inputs first: a missing variable is reported before any request.
  checkPlanVariables(plan, variables);
  const call: CallOptions = signal ? { signal } : {};
  const view = await readAccount(client, plan, call);
  const entries = resolvePlan(plan, view, variables);
  const byKey = new Map(
    view.instances.map((i) => [
      naturalKeyOf({
        integrationPackId: i.integrationPackId,
        integrationPackOverrideName: i.integrationPackOverrideName,
      }),
      i.id,
    ]),
  );
  const existing = new Map<number, string>();
  for (const entry of entries) {
    const id = byKey.get(naturalKeyOf({ integrationPackId: entry.pack.id, integrationPackOverrideName: entry.name }));
    if (id !== undefined) existing.set(entry.index, id);
  }
  const settings = await planSettings(
    client,
    entries,
    (entry) => existing.get(entry.index),
    rotateSecrets ? 'always' : 'when-unset',
    call,
  );
  const changes = [...computeChanges(entries, view, { prune }), ...settings];
  const items: PlanItem[] = [
    ...entries.flatMap((entry) => {
      const instanceId = existing.get(entry.index);
      if (instanceId === undefined) return [];
      const change = { action: 'install' as const, entry };
      const description = describeChange(change).replace(/^\+ /, '= ');
      return [itemOf(change, 'unchanged', { instanceId, reason: `installed as ${instanceId}`, description })];
    }),
    ...changes.map((change) => itemOf(change, 'planned')),
  ];
  const result = { space: { id: view.space.id, name: view.space.name }, items, totals: totalsOf(items) };
  // Changes and entries hold the secrets of `fromEnv` values: kept out of JSON and console.log.
  const withChanges = hidden(hidden(result, 'changes', changes), 'entries', entries);
  return hidden(hidden(withChanges, 'existing', existing), 'options', { prune, rotateSecrets });
}
