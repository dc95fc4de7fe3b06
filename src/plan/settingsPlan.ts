import { isEncryptedSetting, resolveExtensionChanges, type SecretPolicy } from '../api/lifecycle/extensionChanges.js';
import type { ExtensionChange, Process } from '../api/lifecycle/types.js';
import {
  isSecretValue,
  textOf,
  type EnvironmentExtensions,
  type ExtensionChanges,
  type ResolvedChanges,
} from '../api/payloads/extensions.js';
import { cronToSchedule, scheduleToCron, type Schedule } from '../api/payloads/schedules.js';
import type { CallOptions } from '../client/callOptions.js';
import type { SpacesClient } from '../client/createSpacesClient.js';
import { lookupOne } from '../api/findOne.js';
import { DEFAULT_RETRY } from '../retry/policy.js';
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

/**
 * Why a setting is not compared yet, and what stands in for a plain value meanwhile: its field is
 * unknown, and may be encrypted, so the value is not shown until it is.
 */
export const UNREAD = {
  install: { from: PENDING, to: '(hidden until installed)' },
  attach: { from: NOT_ATTACHED, to: '(hidden until attached)' },
  failed: { from: '?', to: '(hidden)' },
  refused: { from: '(not sent)', to: '(hidden)' },
} as const;

/** What the plan asks, shown before it can be compared (the instance or attachment does not exist yet). */
export function unreadSettings(wanted: WantedExtensions, why: keyof typeof UNREAD): ExtensionChange[] {
  const out: ExtensionChange[] = [];
  for (const kind of ['connections', 'processProperties'] as const)
    for (const [component, values] of Object.entries(wanted.asked[kind] ?? {}))
      for (const [setting, value] of Object.entries(values)) {
        const secret = isSecretValue(value);
        const to = textOf(value) === undefined ? '(default)' : secret ? '(secret)' : UNREAD[why].to;
        out.push({
          kind: kind === 'connections' ? 'connection' : 'processProperty',
          component,
          setting,
          from: UNREAD[why].from,
          to,
          secret,
        });
      }
  return out;
}

/** A setting of the plan refused once its field is known: where it stands, and why. */
export interface Refusal {
  at: string;
  problem: string;
}

export const refusalError = (refused: readonly Refusal[]) =>
  new PlanError(refused.map(({ at, problem }) => `${at}: ${problem}`));

/**
 * The settings that differ, and the plain values given for encrypted fields: refused, as a secret
 * comes only from a variable (each refusal names the file, line and path of the setting).
 */
export function diffExtensions(
  current: EnvironmentExtensions,
  wanted: WantedExtensions,
  secrets: SecretPolicy,
): { changes: ExtensionChange[]; send: ExtensionChanges; refused: Refusal[] } {
  const { resolved, changes } = resolveExtensionChanges(current, wanted.asked, secrets);
  const refused: Refusal[] = [];
  for (const kind of ['connections', 'processProperties'] as const)
    for (const [component, values] of Object.entries(wanted.asked[kind] ?? {}))
      for (const [setting, value] of Object.entries(values))
        if (typeof value === 'string' && isEncryptedSetting(current, kind, component, setting))
          refused.push({
            at: wanted.settingAt(kind, component, setting),
            problem: 'the field is encrypted; give it as { fromEnv: VARIABLE }, never in the file',
          });
  return { changes, send: byIds(resolved), refused };
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

/** An entry's process by id, or else by a name no other process of the instance has (findOne's rule). */
export const lookupProcess = (processes: readonly Process[], wanted: string) =>
  lookupOne(processes, wanted, { what: 'process', within: 'of the instance' });

/** The change that gives `process` these schedules; none when it has them already. */
export function scheduleChange(
  entry: ResolvedEntry,
  instanceId: string | null,
  wanted: string,
  lines: string[],
  process?: Process,
): ScheduleChange | undefined {
  const current = process?.processSchedules?.schedule;
  if (current && sameSchedules(current, lines.map(cronToSchedule))) return undefined;
  return {
    action: 'schedule',
    entry,
    instanceId,
    process: { id: process?.id ?? null, name: process?.name ?? wanted },
    from: current ? current.map(scheduleToCron) : null,
    to: lines,
  };
}

export const configureChange = (
  entry: ResolvedEntry,
  instanceId: string | null,
  environment: { id: string; name: string },
  setting: ExtensionChange,
): ConfigureChange => ({ action: 'configure', entry, instanceId, environment, setting });

/**
 * The settings reads (extensions, processes) retried as patiently as the account's listings: a read
 * that runs out of attempts fails its changes, even ones already made, so a converged account would
 * report a failure.
 */
export const patientReads = (call: CallOptions): CallOptions => ({
  ...call,
  maxAttempts: DEFAULT_RETRY.reconcileAttempts,
});

/** One entry's changes: read and compared for an existing instance, as asked for one still to install. */
async function planEntry(
  client: SpacesClient,
  entry: ResolvedEntry,
  instanceId: string | null,
  secrets: SecretPolicy,
  call: CallOptions,
): Promise<Array<ConfigureChange | ScheduleChange>> {
  const out: Array<ConfigureChange | ScheduleChange> = [];
  if (instanceId === null) {
    for (const wanted of entry.extensions)
      for (const setting of unreadSettings(wanted, 'install'))
        out.push(configureChange(entry, null, wanted.environment, setting));
    for (const { process, lines } of entry.schedules) out.push(scheduleChange(entry, null, process, lines)!);
    return out;
  }
  if (entry.extensions.length > 0) {
    const found = await client.getExtensions(
      instanceId,
      entry.extensions.map((w) => w.environment.id),
      patientReads(call),
    );
    for (const wanted of entry.extensions) {
      const current = found.find((a) => a.environmentId === wanted.environment.id)?.extensions;
      const diff = current ? diffExtensions(current, wanted, secrets) : undefined;
      if (diff && diff.refused.length > 0) throw refusalError(diff.refused);
      const settings = diff ? diff.changes : unreadSettings(wanted, 'attach');
      for (const setting of settings) out.push(configureChange(entry, instanceId, wanted.environment, setting));
    }
  }
  if (entry.schedules.length === 0) return out;
  const processes = await client.listProcesses(instanceId, patientReads(call));
  for (const { process: wanted, lines, at } of entry.schedules) {
    const found = lookupProcess(processes, wanted);
    if ('error' in found) throw new PlanError([`${at}: ${found.error.problem}`]);
    const change = scheduleChange(entry, instanceId, wanted, lines, found.item);
    if (change) out.push(change);
  }
  return out;
}

/**
 * The configure and schedule changes of the entries: for existing instances read and compared (only
 * what differs), for instances still to install or environments still to attach shown as asked.
 */
export async function planSettings(
  client: SpacesClient,
  entries: readonly ResolvedEntry[],
  instanceIdOf: (entry: ResolvedEntry) => string | undefined,
  secrets: SecretPolicy,
  call: CallOptions = {},
): Promise<Array<ConfigureChange | ScheduleChange>> {
  const work = entries.filter((e) => e.extensions.length > 0 || e.schedules.length > 0);
  const perEntry = await mapLimited(work, READ_CONCURRENCY, (entry) =>
    planEntry(client, entry, instanceIdOf(entry) ?? null, secrets, call),
  );
  return perEntry.flat();
}
