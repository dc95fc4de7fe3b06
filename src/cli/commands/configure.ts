// processes, extensions, configure, schedule: reading and changing what an instance runs with.
import { isEncryptedSetting } from '../../api/lifecycle/extensionChanges.js';
import { requireId } from '../../api/validate.js';
import type { ExtensionChanges, ExtensionValue } from '../../api/payloads/extensions.js';
import { checkSchedules, cronToSchedule, scheduleToCron } from '../../api/payloads/schedules.js';
import type { SpacesClient } from '../../client/createSpacesClient.js';
import { CliUsageError } from '../CliUsageError.js';
import { readSecretFromStdin } from '../config.js';
import type { CliIO } from '../context.js';
import { show, type Output } from '../output.js';
import { assignment } from '../parsers.js';
import { resolveEnvironment, resolveInstance, resolveInstanceProcess, splitSetting } from '../resolve.js';

export async function listProcesses(client: SpacesClient, out: Output, instance: string): Promise<void> {
  const { id: instanceId } = await resolveInstance(client, instance);
  const processes = await client.listProcesses(instanceId);
  out.result(processes, () => undefined);
  await out.table(
    ['PROCESS ID', 'NAME', 'ATOM', 'SCHEDULES (cron, 0 = Sunday)', 'MAX RETRY'],
    processes.map((p) => [
      p.id,
      p.name,
      p.processSchedules?.atomId ?? 'not deployed',
      p.processSchedules ? p.processSchedules.schedule.map(scheduleToCron).join('; ') || 'none' : '',
      p.processSchedules?.retry.maxRetry,
    ]),
    'The instance has no processes.',
  );
}

export async function showExtensions(client: SpacesClient, out: Output, instance: string, env: string): Promise<void> {
  const { id: instanceId } = await resolveInstance(client, instance);
  const environment = await resolveEnvironment(client, env);
  const [found] = await client.getExtensions(instanceId, [environment.id]);
  out.result(found ?? null, () => undefined);
  if (out.json) return;
  const extensions = found?.extensions;
  if (!extensions) return out.line(`${nothingToConfigure(instance, environment.name)}.`);
  const rows: Array<Array<string | null>> = [];
  for (const c of extensions.connections)
    for (const f of c.field) {
      const value = f.usesEncryption ? (f.encryptedValueSet ? '(secret set)' : '(secret not set)') : (f.value ?? '');
      rows.push(['connection', `${c.name}.${f.id}`, value, f.useDefault ? 'default' : 'set']);
    }
  for (const p of extensions.processProperties)
    for (const v of p.ProcessPropertyValue)
      rows.push(['process property', `${p.name}.${v.label ?? v.key}`, v.value ?? '', v.useDefault ? 'default' : 'set']);
  await out.table(['KIND', 'SETTING', 'VALUE', 'SOURCE'], rows);
}

/**
 * No extensions for an instance in an environment: almost always an instance not attached there
 * (else a pack without connections or process properties). Says how to attach it.
 */
function nothingToConfigure(instance: string, environment: string): string {
  return (
    `Instance ${show(instance)} has no settings in ${show(environment)}: attach it there first with ` +
    `\`boomi-spaces attach ${argument(instance)} --env ${argument(environment)}\` (\`boomi-spaces environments\` shows ` +
    `what is attached where); an attached instance whose pack has no connections or process properties has nothing to configure`
  );
}

/** A value as it would be typed in a shell: quoted when it holds anything but plain characters. */
const argument = (value: string): string =>
  /^[\w.@:-]+$/.test(value) ? value : `"${show(value).replace(/"/g, '\\"')}"`;

export interface ConfigureArgs {
  instanceId: string;
  env: string;
  set: string[];
  setSecret: string[];
  secretStdin?: string;
  useDefault: string[];
}

/** Where --set-secret and --secret-stdin read secrets from: the run's environment and stdin. */
export type ConfigureIO = Pick<CliIO, 'env' | 'stdin'>;

/** One setting as given on the command line, its value read (secrets from their variable or stdin). */
interface Given {
  flag: '--set' | '--set-secret' | '--secret-stdin' | '--use-default';
  key: string;
  value: ExtensionValue;
}

/** Every local input read and checked, before the first request: flags, variables, standard input. */
async function readGiven(args: ConfigureArgs, io: ConfigureIO): Promise<Given[]> {
  const given: Given[] = args.set.map((text) => ({ flag: '--set', ...assignment('--set', text) }));
  const missing: string[] = [];
  for (const text of args.setSecret) {
    const { key, value: variable } = assignment('--set-secret', text);
    const secret = io.env[variable];
    if (secret) given.push({ flag: '--set-secret', key, value: { secret } });
    else missing.push(`--set-secret ${show(key)}: the environment variable ${show(variable)} is not set`);
  }
  if (missing.length > 0) throw new CliUsageError(missing.join('; '));
  if (args.secretStdin) {
    const secret = await readSecretFromStdin(
      io.stdin,
      '--secret-stdin',
      '`printenv SFTP_PASSWORD | boomi-spaces configure …`',
    );
    given.push({ flag: '--secret-stdin', key: args.secretStdin, value: { secret } });
  }
  for (const key of args.useDefault) given.push({ flag: '--use-default', key, value: { useDefault: true } });
  return given;
}

/**
 * Builds the changes from the flags (names resolved against the instance's extensions) and sends
 * them. A value from --set-secret or --secret-stdin is secret by its source; a --set value for an
 * encrypted field is refused before anything is changed.
 */
export async function configure(
  client: SpacesClient,
  out: Output,
  args: ConfigureArgs,
  io: ConfigureIO,
): Promise<void> {
  if (args.set.length + args.setSecret.length + args.useDefault.length === 0 && !args.secretStdin)
    throw new CliUsageError('configure needs at least one --set, --set-secret, --secret-stdin or --use-default');
  requireId(args.instanceId, 'instanceId');
  const given = await readGiven(args, io);
  const { id: instanceId } = await resolveInstance(client, args.instanceId);
  const environment = await resolveEnvironment(client, args.env);
  const [found] = await client.getExtensions(instanceId, [environment.id]);
  const extensions = found?.extensions;
  if (!extensions) throw new CliUsageError(nothingToConfigure(args.instanceId, environment.name));
  const changes: Required<ExtensionChanges> = { connections: {}, processProperties: {} };
  for (const { flag, key, value } of given) {
    const connections = extensions.connections;
    const { component, setting } = splitSetting(key, [...connections, ...extensions.processProperties], flag);
    const kind = connections.some((c) => c.name === component || c.id === component)
      ? 'connections'
      : 'processProperties';
    if (flag === '--set' && isEncryptedSetting(extensions, kind, component, setting))
      throw new CliUsageError(
        `--set ${show(key)}: the field is encrypted, so its value never comes from a flag: give it with --set-secret ${show(key)}=VARIABLE or --secret-stdin ${show(key)} (nothing was changed)`,
      );
    (changes[kind][component] ??= {})[setting] = value;
  }
  const result = await client.updateExtensions({
    instanceId,
    environmentId: environment.id,
    ...changes,
  });
  out.result({ instanceId, environmentId: environment.id, changes: result.changes }, () =>
    out.line(
      result.changes.length === 0
        ? `Nothing to change: ${show(environment.name)} already has these settings.`
        : `Configured instance ${show(args.instanceId)} in ${show(environment.name)} (a partial update: other settings untouched):`,
    ),
  );
  if (result.changes.length === 0) return;
  await out.table(
    ['SETTING', 'FROM', 'TO'],
    result.changes.map((c) => [`${c.component}.${c.setting}`, c.from, c.to]),
  );
}

export interface ScheduleArgs {
  instanceId: string;
  process: string;
  cron: string[];
  clear?: boolean;
  maxRetry?: number;
}

export async function schedule(client: SpacesClient, out: Output, args: ScheduleArgs): Promise<void> {
  if (args.clear && args.cron.length > 0) throw new CliUsageError('--clear and --cron exclude each other');
  if (!args.clear && args.cron.length === 0) throw new CliUsageError('schedule needs --cron (repeatable) or --clear');
  // The id and cron lines are checked before the process is looked up: a typo costs no request.
  requireId(args.instanceId, 'instanceId');
  checkSchedules(args.cron.map(cronToSchedule), 'schedules');
  const { instanceId, process } = await resolveInstanceProcess(client, args.instanceId, args.process);
  const updated = await client.updateSchedules({
    instanceId,
    processId: process.id,
    schedules: args.clear ? [] : args.cron,
    ...(args.maxRetry !== undefined && { retry: { maxRetry: args.maxRetry } }),
  });
  out.result({ process: { id: process.id, name: process.name }, processSchedules: updated }, () =>
    out.line(
      updated.schedule.length === 0
        ? `Process ${show(process.name)} has no schedules now.`
        : `Process ${show(process.name)} runs at: ${updated.schedule.map((s) => show(scheduleToCron(s))).join('; ')} (cron, 0 = Sunday; Boomi stores days 1 = Sunday).`,
    ),
  );
}
