import type { ExtensionChanges, ExtensionValue } from '../api/payloads/extensions.js';
import { lookupOne, type FindOneOptions } from '../api/findOne.js';
import { naturalKeyOf } from '../api/naturalKey.js';
import { quote } from '../text/printable.js';
import type { Environment, IntegrationPackInstance, Space } from '../api/types.js';
import { PlanError, type ParsedPlan, type PlanEntry, type PlanSettings } from './planFile.js';

/** What the account holds, read before planning. */
export interface AccountView {
  space: Space;
  instances: IntegrationPackInstance[];
  environments: Environment[];
}

/** A plan entry matched to the Space's pack and the account's environments. */
export interface ResolvedEntry {
  /** Where the entry stands in the file (`instances[index]`). */
  index: number;
  pack: { id: string; name: string; installationType: 'SINGLE' | 'MULTI' };
  name: string | null;
  /** The environments to attach to; undefined when the entry names none. */
  environments: Array<{ id: string; name: string }> | undefined;
  /** The settings wanted per environment. */
  extensions: WantedExtensions[];
  /** The schedules wanted per process (name or id), as cron lines. */
  schedules: Array<{ process: string; lines: string[]; at: string }>;
}

/**
 * The settings an entry wants in one environment. A value from `fromEnv` is read from its variable
 * as `{ secret }`: secret by its source, whatever the field.
 */
export interface WantedExtensions {
  environment: { id: string; name: string };
  asked: ExtensionChanges;
  /** Where in the plan, for messages. */
  at: string;
  /** Where one setting stands in the plan (file, line and path), for messages. */
  settingAt: (kind: 'connections' | 'processProperties', component: string, setting: string) => string;
}

/**
 * Every `fromEnv` variable of the plan is set; read before anything is sent, every missing one
 * reported at once with where it stands.
 */
export function checkPlanVariables(
  { plan, where }: ParsedPlan,
  variables: Readonly<Record<string, string | undefined>> = process.env,
): void {
  const problems: string[] = [];
  plan.instances.forEach((entry, index) => {
    for (const [environment, settings] of Object.entries(entry.extensions ?? {}))
      for (const kind of ['connections', 'processProperties'] as const)
        for (const [component, values] of Object.entries(settings[kind] ?? {}))
          for (const [setting, value] of Object.entries(values))
            if (typeof value === 'object' && 'fromEnv' in value && !variables[value.fromEnv])
              problems.push(
                `${where(['instances', index, 'extensions', environment, kind, component, setting])}: the environment variable ${value.fromEnv} is not set`,
              );
  });
  if (problems.length > 0) throw new PlanError(problems);
}

/**
 * Checks the plan against the account before anything is sent: the packs exist in the Space (a name
 * matching several packs is an error listing them), SINGLE entries carry no name, MULTI entries carry
 * one, no (pack, name) pair twice, the environments exist. Every problem is reported at once.
 */
export function resolvePlan(
  parsed: ParsedPlan,
  view: AccountView,
  variables: Readonly<Record<string, string | undefined>> = process.env,
): ResolvedEntry[] {
  checkPlanVariables(parsed, variables);
  const { plan, where } = parsed;
  const problems: string[] = [];
  const packs = view.space.sharedIpacks;
  const resolved: ResolvedEntry[] = [];
  const seen = new Map<string, number>();

  plan.instances.forEach((entry, index) => {
    const at = (...rest: PropertyKey[]) => where(['instances', index, ...rest]);
    const pack = pick(
      packs,
      entry.pack,
      { what: 'pack', within: `in space ${quote(view.space.name)}` },
      at('pack'),
      problems,
    );
    const environments = entry.environments?.map((wanted, e) =>
      pick(view.environments, wanted, { what: 'environment' }, at('environments', e), problems),
    );
    if (!pack) return;
    const type = pack.installationType === 'SINGLE' ? 'SINGLE' : 'MULTI';
    const label = `"${pack.name}"`;
    if (type === 'SINGLE' && entry.name)
      problems.push(`${at('name')}: pack ${label} is SINGLE, so the entry takes no name`);
    if (type === 'MULTI' && !entry.name)
      problems.push(`${at('name')}: pack ${label} is MULTI, so the entry needs a name`);
    const name = type === 'MULTI' ? (entry.name ?? null) : null;
    const key = naturalKeyOf({ integrationPackId: pack.id, integrationPackOverrideName: name });
    const first = seen.get(key);
    if (first !== undefined) {
      problems.push(`${at()}: duplicates instances[${first}] (pack ${label}${name ? `, name "${name}"` : ''})`);
      return;
    }
    seen.set(key, index);
    if (environments?.some((env) => env === undefined)) return;
    const attached = environments?.map((env) => ({ id: env!.id, name: env!.name ?? env!.id })) ?? [];
    resolved.push({
      index,
      pack: { id: pack.id, name: pack.name ?? pack.id, installationType: type },
      name,
      environments: environments && attached,
      extensions: wantedExtensions(entry, attached, at, variables, problems),
      schedules: Object.entries(entry.schedules ?? {}).map(([process, lines]) => ({
        process,
        lines,
        at: at('schedules', process),
      })),
    });
  });

  if (problems.length > 0) throw new PlanError(problems);
  return resolved;
}

/** The one item `wanted` names (findOne's rule); a problem at `at` when none or several match. */
function pick<T>(items: readonly T[], wanted: string, options: FindOneOptions<T>, at: string, problems: string[]) {
  const found = lookupOne(items, wanted, options);
  if ('item' in found) return found.item;
  problems.push(`${at}: ${found.error.problem}`);
  return undefined;
}

/** The entry's `extensions`, each environment one the entry attaches to, `fromEnv` values read. */
function wantedExtensions(
  entry: PlanEntry,
  attached: Array<{ id: string; name: string }>,
  at: (...rest: PropertyKey[]) => string,
  variables: Readonly<Record<string, string | undefined>>,
  problems: string[],
): WantedExtensions[] {
  const wanted: WantedExtensions[] = [];
  for (const [key, settings] of Object.entries(entry.extensions ?? {})) {
    const found = lookupOne(attached, key, { what: 'environment' });
    const environment = 'item' in found ? found.item : undefined;
    if ('error' in found && found.error.reason === 'ambiguous') {
      problems.push(`${at('extensions', key)}: ${found.error.problem}`);
      continue;
    }
    if (!environment) {
      problems.push(
        `${at('extensions', key)}: "${key}" is not one of the entry's environments (${attached.map((e) => `"${e.name}"`).join(', ') || 'none'})`,
      );
      continue;
    }
    const read = (kind: 'connections' | 'processProperties', given: PlanSettings | undefined) => {
      const out: Record<string, Record<string, ExtensionValue>> = {};
      for (const [component, values] of Object.entries(given ?? {}))
        for (const [setting, value] of Object.entries(values))
          // Every variable is set: checkPlanVariables has run.
          (out[component] ??= {})[setting] =
            typeof value === 'object' && 'fromEnv' in value ? { secret: variables[value.fromEnv]! } : value;
      return out;
    };
    wanted.push({
      environment,
      asked: {
        connections: read('connections', settings.connections),
        processProperties: read('processProperties', settings.processProperties),
      },
      at: at('extensions', key),
      settingAt: (kind, component, setting) => at('extensions', key, kind, component, setting),
    });
  }
  return wanted;
}
