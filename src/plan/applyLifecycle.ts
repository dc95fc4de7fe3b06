import type { SecretPolicy } from '../api/lifecycle/extensionChanges.js';
import type { ExtensionChange, Process } from '../api/lifecycle/types.js';
import type { SpacesClient } from '../client/createSpacesClient.js';
import {
  configureChange,
  diffExtensions,
  findProcess,
  scheduleChange,
  unreadSettings,
  type ConfigureChange,
  type ScheduleChange,
} from './lifecycle.js';
import type { ResolvedEntry, WantedExtensions } from './resolvePlan.js';

/** What became of one lifecycle change in `applyLifecycle`. */
export type LifecycleResult =
  | { change: ConfigureChange | ScheduleChange; ok: true }
  | { change: ConfigureChange | ScheduleChange; ok: false; error: unknown };

type Settle = (result: LifecycleResult) => void;

/**
 * Makes the entries' settings and schedules so, after installs and attachments: each instance and
 * environment read afresh, only what differs sent, as a partial update. Secrets already set are
 * left alone unless `secrets` is `always` (--rotate-secrets). A failure is reported per change and
 * does not stop the others.
 */
export async function applyLifecycle(
  client: SpacesClient,
  entries: readonly ResolvedEntry[],
  instanceIdOf: (entry: ResolvedEntry) => string | undefined,
  secrets: SecretPolicy,
  settle: Settle,
): Promise<void> {
  for (const entry of entries) {
    const instanceId = instanceIdOf(entry);
    if (!instanceId) continue;
    for (const wanted of entry.extensions) await applyExtensions(client, entry, instanceId, wanted, secrets, settle);
    if (entry.schedules.length > 0) await applySchedules(client, entry, instanceId, settle);
  }
}

async function applyExtensions(
  client: SpacesClient,
  entry: ResolvedEntry,
  instanceId: string,
  wanted: WantedExtensions,
  secrets: SecretPolicy,
  settle: Settle,
): Promise<void> {
  const change = (setting: ExtensionChange) => configureChange(entry, instanceId, wanted.environment, setting);
  let changes: ExtensionChange[] = [];
  try {
    const [found] = await client.getExtensions(instanceId, [wanted.environment.id]);
    if (!found?.extensions) throw new Error(`the instance has no extensions in ${wanted.environment.name}`);
    const diff = diffExtensions(found.extensions, wanted, secrets);
    changes = diff.changes;
    if (changes.length > 0)
      await client.updateExtensions({ instanceId, environmentId: wanted.environment.id, ...diff.send });
    for (const setting of changes) settle({ change: change(setting), ok: true });
  } catch (error) {
    for (const setting of changes.length > 0 ? changes : unreadSettings(wanted, '?'))
      settle({ change: change(setting), ok: false, error });
  }
}

async function applySchedules(client: SpacesClient, entry: ResolvedEntry, instanceId: string, settle: Settle) {
  let processes: Process[];
  try {
    processes = await client.listProcesses(instanceId);
  } catch (error) {
    for (const { process, lines } of entry.schedules)
      settle({ change: scheduleChange(entry, instanceId, process, lines)!, ok: false, error });
    return;
  }
  for (const { process: wanted, lines } of entry.schedules) {
    const process = findProcess(processes, wanted);
    const change = scheduleChange(entry, instanceId, wanted, lines, process);
    if (!change) continue;
    try {
      if (!process) throw new Error(`the instance has no process "${wanted}"`);
      await client.updateSchedules({ instanceId, processId: process.id, schedules: lines });
      settle({ change, ok: true });
    } catch (error) {
      settle({ change, ok: false, error });
    }
  }
}
