import type { SecretPolicy } from '../api/lifecycle/extensionChanges.js';
import type { ExtensionChange, Process } from '../api/lifecycle/types.js';
import type { CallOptions } from '../client/callOptions.js';
import type { SpacesClient } from '../client/createSpacesClient.js';
import {
  configureChange,
  diffExtensions,
  lookupProcess,
  patientReads,
  refusalError,
  scheduleChange,
  unreadSettings,
  type ConfigureChange,
  type ScheduleChange,
} from './settingsPlan.js';
import { PlanError } from './planFile.js';
import type { ResolvedEntry, WantedExtensions } from './resolvePlan.js';

/** What became of one settings or schedule change in `applySettings`. */
type SettingsResult =
  | { change: ConfigureChange | ScheduleChange; ok: true }
  | { change: ConfigureChange | ScheduleChange; ok: false; error: unknown };

type Settle = (result: SettingsResult) => void;

/** One instance's settings in one environment, read and checked, not yet sent. */
interface Checked {
  entry: ResolvedEntry;
  instanceId: string;
  wanted: WantedExtensions;
  outcome: { ok: true; diff: ReturnType<typeof diffExtensions> } | { ok: false; error: unknown };
}

/**
 * Makes the entries' settings and schedules so, after installs and attachments: each instance and
 * environment read afresh, only what differs sent, as a partial update. Every setting of the run is
 * checked before any is sent: a plain value for an encrypted field (known only now, for an instance
 * just installed) stops the settings of the run, each reported as not sent (`INVALID_PLAN`, naming
 * the file and line). Secrets already set are left alone unless `secrets` is `always`
 * (--rotate-secrets). Any other failure is reported per change and does not stop the others.
 */
export async function applySettings(
  client: SpacesClient,
  entries: readonly ResolvedEntry[],
  instanceIdOf: (entry: ResolvedEntry) => string | undefined,
  secrets: SecretPolicy,
  settle: Settle,
  call: CallOptions = {},
): Promise<void> {
  const work = entries.flatMap((entry) => {
    const instanceId = instanceIdOf(entry);
    return instanceId ? [{ entry, instanceId }] : [];
  });
  const checked: Checked[] = [];
  // An abort stops the run between requests; what was not reached is not reported (the caller skips it).
  for (const { entry, instanceId } of work)
    for (const wanted of entry.extensions) {
      if (call.signal?.aborted) return;
      checked.push({
        entry,
        instanceId,
        wanted,
        outcome: await checkExtensions(client, instanceId, wanted, secrets, call),
      });
    }
  const refused = checked.flatMap((c) => (c.outcome.ok ? c.outcome.diff.refused : []));
  const stop =
    refused.length > 0
      ? new PlanError([
          `not sent: the settings of this run stopped at ${refused[0]!.at}${refused.length > 1 ? ` (and ${refused.length - 1} more)` : ''}`,
        ])
      : undefined;
  for (const item of checked) {
    if (call.signal?.aborted) return;
    await sendExtensions(client, item, stop, settle, call);
  }
  for (const { entry, instanceId } of work) {
    if (call.signal?.aborted) return;
    if (entry.schedules.length > 0) await applySchedules(client, entry, instanceId, settle, call);
  }
}

async function checkExtensions(
  client: SpacesClient,
  instanceId: string,
  wanted: WantedExtensions,
  secrets: SecretPolicy,
  call: CallOptions,
): Promise<Checked['outcome']> {
  try {
    const [found] = await client.getExtensions(instanceId, [wanted.environment.id], patientReads(call));
    if (!found?.extensions) throw new Error(`the instance has no extensions in ${wanted.environment.name}`);
    return { ok: true, diff: diffExtensions(found.extensions, wanted, secrets) };
  } catch (error) {
    return { ok: false, error };
  }
}

/** Sends one checked update, or reports each of its settings as not done (and why). */
async function sendExtensions(
  client: SpacesClient,
  { entry, instanceId, wanted, outcome }: Checked,
  stop: PlanError | undefined,
  settle: Settle,
  call: CallOptions,
): Promise<void> {
  const change = (setting: ExtensionChange) => configureChange(entry, instanceId, wanted.environment, setting);
  const fail = (settings: ExtensionChange[], error: unknown) => {
    for (const setting of settings) settle({ change: change(setting), ok: false, error });
  };
  if (!outcome.ok) return fail(unreadSettings(wanted, 'failed'), outcome.error);
  const { changes, send, refused } = outcome.diff;
  if (refused.length > 0) return fail(unreadSettings(wanted, 'refused'), refusalError(refused));
  if (stop) return fail(changes, stop);
  if (changes.length === 0) return;
  try {
    await client.updateExtensions({ instanceId, environmentId: wanted.environment.id, ...send }, call);
  } catch (error) {
    return fail(changes, error);
  }
  for (const setting of changes) settle({ change: change(setting), ok: true });
}

async function applySchedules(
  client: SpacesClient,
  entry: ResolvedEntry,
  instanceId: string,
  settle: Settle,
  call: CallOptions,
) {
  let processes: Process[];
  try {
    processes = await client.listProcesses(instanceId, patientReads(call));
  } catch (error) {
    for (const { process, lines } of entry.schedules)
      settle({ change: scheduleChange(entry, instanceId, process, lines)!, ok: false, error });
    return;
  }
  for (const { process: wanted, lines } of entry.schedules) {
    const found = lookupProcess(processes, wanted);
    const change = scheduleChange(entry, instanceId, wanted, lines, 'item' in found ? found.item : undefined);
    if (!change) continue;
    if (call.signal?.aborted) return;
    try {
      if ('error' in found) throw found.error;
      await client.updateSchedules({ instanceId, processId: found.item.id, schedules: lines }, call);
      settle({ change, ok: true });
    } catch (error) {
      settle({ change, ok: false, error });
    }
  }
}
