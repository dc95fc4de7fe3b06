import { printable, quote, shorten } from '../text/printable.js';
import { naturalKeyOf } from '../api/naturalKey.js';
import type { IntegrationPackInstance } from '../api/types.js';
import { UNREAD, type ConfigureChange, type ScheduleChange } from './settingsPlan.js';
import type { AccountView, ResolvedEntry } from './resolvePlan.js';

/** One thing `apply` does. */
export type Change =
  | { action: 'install'; entry: ResolvedEntry }
  | { action: 'attach'; entry: ResolvedEntry; instanceId: string | null; environment: { id: string; name: string } }
  | {
      action: 'detach';
      instance: IntegrationPackInstance;
      attachmentId: string;
      environment: { id: string; name: string };
    }
  | { action: 'uninstall'; instance: IntegrationPackInstance }
  | ConfigureChange
  | ScheduleChange;

/** Words the plan shows in place of a value; real values are quoted. */
const MARKERS = new Set([
  '(secret)',
  '(not set)',
  '(default)',
  ...Object.values(UNREAD).flatMap(({ from, to }) => [from, to]),
]);

/**
 * What it takes to bring the account to the plan: installs for missing entries, attachments for
 * missing environments; with `prune`, uninstalls of the Space's pack instances the plan does not list
 * and detaches from environments an entry does not list.
 */
export function computeChanges(entries: ResolvedEntry[], view: AccountView, { prune }: { prune: boolean }): Change[] {
  const installs: Change[] = [];
  const attaches: Change[] = [];
  const detaches: Change[] = [];
  const matched = new Set<string>();
  // Indexed once, so a plan of thousands of entries against thousands of instances stays linear.
  const names = new Map(view.environments.map((e) => [e.id, e.name]));
  const environmentName = (id: string) => names.get(id) ?? id;
  const byKey = new Map<string, IntegrationPackInstance>();
  for (const instance of view.instances) {
    const key = naturalKeyOf({
      integrationPackId: instance.integrationPackId,
      integrationPackOverrideName: instance.integrationPackOverrideName,
    });
    if (!byKey.has(key)) byKey.set(key, instance);
  }
  const attachmentsByInstance = new Map<string, Array<{ id: string; environmentId: string }>>();
  for (const env of view.environments) {
    for (const a of env.integrationPackEnvironmentAttachment) {
      const list = attachmentsByInstance.get(a.integrationPackInstanceId) ?? [];
      list.push({ id: a.id, environmentId: env.id });
      attachmentsByInstance.set(a.integrationPackInstanceId, list);
    }
  }
  const attachmentsOf = (instanceId: string) => attachmentsByInstance.get(instanceId) ?? [];

  for (const entry of entries) {
    const existing = byKey.get(
      naturalKeyOf({ integrationPackId: entry.pack.id, integrationPackOverrideName: entry.name }),
    );
    if (!existing) {
      installs.push({ action: 'install', entry });
      for (const environment of entry.environments ?? [])
        attaches.push({ action: 'attach', entry, instanceId: null, environment });
      continue;
    }
    matched.add(existing.id);
    const attached = attachmentsOf(existing.id);
    for (const environment of entry.environments ?? []) {
      if (!attached.some((a) => a.environmentId === environment.id))
        attaches.push({ action: 'attach', entry, instanceId: existing.id, environment });
    }
    if (prune && entry.environments) {
      for (const attachment of attached) {
        if (!entry.environments.some((e) => e.id === attachment.environmentId)) {
          detaches.push({
            action: 'detach',
            instance: existing,
            attachmentId: attachment.id,
            environment: { id: attachment.environmentId, name: environmentName(attachment.environmentId) },
          });
        }
      }
    }
  }

  // Only instances of packs this Space shares are the plan's to prune.
  const managed = new Set(view.space.sharedIpacks.map((p) => p.id));
  const uninstalls: Change[] = prune
    ? view.instances
        .filter((i) => managed.has(i.integrationPackId) && !matched.has(i.id))
        .map((instance) => ({ action: 'uninstall', instance }))
    : [];
  return [...installs, ...attaches, ...detaches, ...uninstalls];
}

/** A one-line description of a change, for people. */
export function describeChange(change: Change): string {
  // Names come from the plan and the server: one line each, control characters shown, long ones shortened.
  const show = (text: string) => printable(shorten(text, 80));
  const entryLabel = (entry: ResolvedEntry) => `${show(entry.pack.name)}${entry.name ? ` ${quote(entry.name)}` : ''}`;
  const instanceLabel = (i: IntegrationPackInstance) =>
    `${show(i.integrationPack?.name ?? i.integrationPackId)}${i.integrationPackOverrideName ? ` ${quote(i.integrationPackOverrideName)}` : ''} (${show(i.id)})`;
  switch (change.action) {
    case 'install':
      return `+ install ${entryLabel(change.entry)} (${change.entry.pack.installationType})`;
    case 'attach':
      return `+ attach ${entryLabel(change.entry)} to ${show(change.environment.name)}`;
    case 'detach':
      return `- detach ${instanceLabel(change.instance)} from ${show(change.environment.name)}`;
    case 'uninstall':
      return `- uninstall ${instanceLabel(change.instance)}`;
    case 'configure': {
      const { setting } = change;
      const value = (text: string) => (MARKERS.has(text) ? text : quote(text));
      return `~ ${entryLabel(change.entry)} / ${show(change.environment.name)} / ${show(setting.component)}.${show(setting.setting)}: ${value(setting.from)} → ${value(setting.to)}`;
    }
    case 'schedule': {
      const lines = (list: string[] | null) =>
        list === null ? '(after install)' : `[${list.map((l) => quote(l)).join(', ')}]`;
      return `~ ${entryLabel(change.entry)} / ${show(change.process.name)}: schedules ${lines(change.from)} → ${lines(change.to)}`;
    }
  }
}

/** Plain data for --json. */
export function changeToJson(change: Change): Record<string, unknown> {
  switch (change.action) {
    case 'install':
      return { action: 'install', packId: change.entry.pack.id, pack: change.entry.pack.name, name: change.entry.name };
    case 'attach':
      return {
        action: 'attach',
        packId: change.entry.pack.id,
        pack: change.entry.pack.name,
        name: change.entry.name,
        instanceId: change.instanceId,
        environmentId: change.environment.id,
        environment: change.environment.name,
      };
    case 'detach':
      return {
        action: 'detach',
        instanceId: change.instance.id,
        attachmentId: change.attachmentId,
        environmentId: change.environment.id,
        environment: change.environment.name,
      };
    case 'uninstall':
      return {
        action: 'uninstall',
        instanceId: change.instance.id,
        packId: change.instance.integrationPackId,
        name: change.instance.integrationPackOverrideName,
      };
    case 'configure':
      return {
        action: 'configure',
        packId: change.entry.pack.id,
        name: change.entry.name,
        instanceId: change.instanceId,
        environmentId: change.environment.id,
        environment: change.environment.name,
        ...change.setting,
      };
    case 'schedule':
      return {
        action: 'schedule',
        packId: change.entry.pack.id,
        name: change.entry.name,
        instanceId: change.instanceId,
        processId: change.process.id,
        process: change.process.name,
        from: change.from,
        to: change.to,
      };
  }
}

export function summarise(changes: Change[]): Record<Change['action'], number> {
  const counts = { install: 0, attach: 0, detach: 0, uninstall: 0, configure: 0, schedule: 0 };
  for (const change of changes) counts[change.action] += 1;
  return counts;
}
