import { resolveExtensionChanges, type SecretPolicy } from '../api/lifecycle/extensionChanges.js';
import type { ExtensionChange } from '../api/lifecycle/types.js';
import type { EnvironmentExtensions, ExtensionChanges, ResolvedChanges } from '../api/payloads/extensions.js';
import { cronToSchedule, scheduleToCron, type Schedule } from '../api/payloads/schedules.js';
import type { SpacesClient } from '../client/createSpacesClient.js';
import { PlanError } from './planFile.js';
import type { ResolvedEntry, WantedExtensions } from './resolvePlan.js';

/** A setting to change in an environment of an instance (one per setting, for people to read). */
export interface ConfigureChange {
  action: 'configure';
  entry: ResolvedEntry;
  /** Null while the instance is still to be installed. */
  instanceId: string | null;
  environment: { id: string; name: string };
  setting: ExtensionChange;
}

/** Schedules to give a process of an instance. */
export interface ScheduleChange {
  action: 'schedule';
  entry: ResolvedEntry;
  instanceId: string | null;
  process: { id: string | null; name: string };
  /** The cron lines now; null while the instance or its deployment is still to come. */
  from: string[] | null;
  to: string[];
}

const PENDING = '(after install)';
const NOT_ATTACHED = '(after attach)';
/** Reads of extensions and processes in flight at once while planning. */
const READ_CONCURRENCY = 8;

/** What the plan asks, shown before it can be compared (the instance or attachment does not exist yet). */
function unreadSettings(wanted: WantedExtensions, from: string): ExtensionChange[] {
  const out: ExtensionChange[] = [];
  for (const kind of ['connections', 'processProperties'] as const)
    for (const [component, values] of Object.entries(wanted.asked[kind] ?? {}))
      for (const [setting, value] of Object.entries(values)) {
        const secret = wanted.fromEnv.has(`${component}\u0000${setting}`);
        const to = typeof value !== 'string' ? '(default)' : secret ? '(secret)' : value;
        out.push({
          kind: kind === 'connections' ? 'connection' : 'processProperty',
          component,
          setting,
          from,
          to,
          secret,
        });
      }
  return out;
}

/** The settings that differ. A plain value for an encrypted field is a plan error: secrets come from variables. */
export function diffExtensions(
  current: EnvironmentExtensions,
  wanted: WantedExtensions,
  secrets: SecretPolicy,
): { changes: ExtensionChange[]; send: ExtensionChanges } {
  const { resolved, changes } = resolveExtensionChanges(current, wanted.asked, secrets);
  for (const [component, values] of Object.entries(wanted.asked.connections ?? {})) {
    const connection = current.connections.find((c) => c.id === component || c.name === component);
    for (const setting of Object.keys(values)) {
      const field = connection?.field.find((f) => f.id === setting);
      if (field?.usesEncryption && !wanted.fromEnv.has(`${component}\u0000${setting}`))
        throw new PlanError([
          `${wanted.at}.connections.${component}.${setting}: the field is encrypted; give it as { fromEnv: VARIABLE }, never in the file`,
        ]);
    }
  }
  return { changes, send: byIds(resolved) };
}

/** The resolved changes keyed by ids, as `updateExtensions` takes them. */
function byIds(resolved: ResolvedChanges): ExtensionChanges {
  const connections: NonNullable<ExtensionChanges['connections']> = {};
  for (const { connection, fields } of resolved.connections)
    connections[connection.id] = Object.fromEntries(fields.map(({ field, value }) => [field.id, value]));
  const processProperties: NonNullable<ExtensionChanges['processProperties']> = {};
  for (const { component, properties } of resolved.processProperties)
    processProperties[component.id] = Object.fromEntries(
      properties.map(({ property, value }) => [property.key, value]),
    );
  return { connections, processProperties };
}

const sameSchedules = (a: readonly Schedule[], b: readonly Schedule[]) => {
  const key = (list: readonly Schedule[]) =>
    list
      .map((s) => [s.minutes, s.hours, s.daysOfMonth, s.months, s.daysOfWeek, s.years].join(' '))
      .sort()
      .join('|');
  return key(a) === key(b);
};

/** Runs `work` over the items, at most `limit` at a time, results in order. */
async function mapLimited<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/**
 * The configure and schedule changes of the entries: for existing instances read and compared (only
 * what differs), for instances still to install or environments still to attach shown as asked.
 */
export async function planLifecycle(
  client: SpacesClient,
  entries: readonly ResolvedEntry[],
  instanceIdOf: (entry: ResolvedEntry) => string | undefined,
  secrets: SecretPolicy,
): Promise<Array<ConfigureChange | ScheduleChange>> {
  const work = entries.filter((e) => e.extensions.length > 0 || e.schedules.length > 0);
  const perEntry = await mapLimited(work, READ_CONCURRENCY, async (entry) => {
    const out: Array<ConfigureChange | ScheduleChange> = [];
    const instanceId = instanceIdOf(entry) ?? null;
    const configure = (environment: { id: string; name: string }, setting: ExtensionChange): ConfigureChange => ({
      action: 'configure',
      entry,
      instanceId,
      environment,
      setting,
    });
    if (instanceId === null) {
      for (const wanted of entry.extensions)
        for (const setting of unreadSettings(wanted, PENDING)) out.push(configure(wanted.environment, setting));
      for (const { process, lines } of entry.schedules)
        out.push({
          action: 'schedule',
          entry,
          instanceId,
          process: { id: null, name: process },
          from: null,
          to: lines,
        });
      return out;
    }
    if (entry.extensions.length > 0) {
      const found = await client.getExtensions(
        instanceId,
        entry.extensions.map((w) => w.environment.id),
      );
      for (const wanted of entry.extensions) {
        const current = found.find((a) => a.environmentId === wanted.environment.id)?.extensions;
        const settings = current
          ? diffExtensions(current, wanted, secrets).changes
          : unreadSettings(wanted, NOT_ATTACHED);
        for (const setting of settings) out.push(configure(wanted.environment, setting));
      }
    }
    if (entry.schedules.length > 0) {
      const processes = await client.listProcesses(instanceId);
      for (const { process: wanted, lines, at } of entry.schedules) {
        const process = processes.find((p) => p.id === wanted) ?? processes.find((p) => p.name === wanted);
        if (!process)
          throw new PlanError([
            `${at}: the instance has no process "${wanted}"; it has ${processes.map((p) => `"${p.name}"`).join(', ') || 'none'}`,
          ]);
        const current = process.processSchedules?.schedule;
        if (current && sameSchedules(current, lines.map(cronToSchedule))) continue;
        out.push({
          action: 'schedule',
          entry,
          instanceId,
          process: { id: process.id, name: process.name },
          from: current ? current.map(scheduleToCron) : null,
          to: lines,
        });
      }
    }
    return out;
  });
  return perEntry.flat();
}

/** What became of one lifecycle change in `applyLifecycle`. */
export type LifecycleResult =
  | { change: ConfigureChange | ScheduleChange; ok: true }
  | { change: ConfigureChange | ScheduleChange; ok: false; error: unknown };

/**
 * Makes the entries' settings and schedules so, after installs and attachments: each instance and
 * environment read afresh, only what differs sent, as a partial update. Secrets already set are
 * left alone unless `secrets` is `always` (--rotate-secrets).
 */
export async function applyLifecycle(
  client: SpacesClient,
  entries: readonly ResolvedEntry[],
  instanceIdOf: (entry: ResolvedEntry) => string | undefined,
  secrets: SecretPolicy,
  settle: (result: LifecycleResult) => void,
): Promise<void> {
  for (const entry of entries) {
    const instanceId = instanceIdOf(entry);
    if (!instanceId || (entry.extensions.length === 0 && entry.schedules.length === 0)) continue;
    for (const wanted of entry.extensions) {
      let changes: ExtensionChange[] = [];
      try {
        const [found] = await client.getExtensions(instanceId, [wanted.environment.id]);
        if (!found?.extensions) throw new Error(`the instance has no extensions in ${wanted.environment.name}`);
        const diff = diffExtensions(found.extensions, wanted, secrets);
        changes = diff.changes;
        if (changes.length > 0)
          await client.updateExtensions({ instanceId, environmentId: wanted.environment.id, ...diff.send });
        for (const setting of changes)
          settle({
            change: { action: 'configure', entry, instanceId, environment: wanted.environment, setting },
            ok: true,
          });
      } catch (error) {
        const failed = changes.length > 0 ? changes : unreadSettings(wanted, '?');
        for (const setting of failed)
          settle({
            change: { action: 'configure', entry, instanceId, environment: wanted.environment, setting },
            ok: false,
            error,
          });
      }
    }
    if (entry.schedules.length === 0) continue;
    let processes: Awaited<ReturnType<SpacesClient['listProcesses']>> = [];
    try {
      processes = await client.listProcesses(instanceId);
    } catch (error) {
      for (const { process, lines } of entry.schedules)
        settle({
          change: {
            action: 'schedule',
            entry,
            instanceId,
            process: { id: null, name: process },
            from: null,
            to: lines,
          },
          ok: false,
          error,
        });
      continue;
    }
    for (const { process: wanted, lines } of entry.schedules) {
      const process = processes.find((p) => p.id === wanted) ?? processes.find((p) => p.name === wanted);
      const current = process?.processSchedules?.schedule;
      const change: ScheduleChange = {
        action: 'schedule',
        entry,
        instanceId,
        process: { id: process?.id ?? null, name: process?.name ?? wanted },
        from: current ? current.map(scheduleToCron) : null,
        to: lines,
      };
      if (current && sameSchedules(current, lines.map(cronToSchedule))) continue;
      try {
        if (!process) throw new Error(`the instance has no process "${wanted}"`);
        await client.updateSchedules({ instanceId, processId: process.id, schedules: lines });
        settle({ change, ok: true });
      } catch (error) {
        settle({ change, ok: false, error });
      }
    }
  }
}
