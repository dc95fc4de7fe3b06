import { createInterface } from 'node:readline/promises';
import type { SpacesClient } from '../../client/createSpacesClient.js';
import { SpacesError } from '../../errors/SpacesError.js';
import { DEFAULT_RETRY } from '../../retry/policy.js';
import type { TransportLogger } from '../../transport/events.js';
import { applyChanges, type ChangeResult } from '../../plan/applyChanges.js';
import { changeToJson, computeChanges, describeChange, summarise, type Change } from '../../plan/changes.js';
import { PlanError, readPlanFile } from '../../plan/planFile.js';
import { applyLifecycle } from '../../plan/applyLifecycle.js';
import { planLifecycle } from '../../plan/lifecycle.js';
import { checkPlanVariables, resolvePlan, type AccountView, type ResolvedEntry } from '../../plan/resolvePlan.js';
import { naturalKeyOf } from '../../api/naturalKey.js';
import { CliUsageError } from '../CliUsageError.js';
import { resolveConnection, type ConnectionFlags } from '../config.js';
import { connect } from '../connect.js';
import type { CliIO } from '../context.js';
import { show, type Output } from '../output.js';

export interface PlanFlags extends ConnectionFlags {
  prune?: boolean;
  json?: boolean;
  /** Send secrets again even where the platform says one is set. */
  rotateSecrets?: boolean;
}

/** The run's environment and terminal (the process's, or a test's). */
export type PlanIO = Pick<CliIO, 'env' | 'stdin' | 'stdout'>;

interface Planned {
  client: SpacesClient;
  view: AccountView;
  entries: ResolvedEntry[];
  changes: Change[];
  /** The instance an entry already has, by natural key. */
  existingOf: (entry: ResolvedEntry) => string | undefined;
}

/** Reads the plan and the account, and works out the changes; sends nothing that changes anything. */
async function makePlan(
  file: string,
  flags: PlanFlags,
  logger: TransportLogger | undefined,
  io: PlanIO,
): Promise<Planned> {
  const parsed = readPlanFile(file);
  const { plan, where } = parsed;
  // Local inputs first: a missing variable is reported before any request.
  checkPlanVariables(parsed, io.env);
  const connection = await resolveConnection(flags, io.env, io.stdin);
  const spaceGuid = plan.spaceGuid ?? connection.spaceGuid;
  if (!spaceGuid) {
    throw new PlanError([
      `${where(['spaceGuid'])}: the plan needs a SPACE_GUID to read the instances (spaceGuid in the file, --space-guid or BOOMI_SPACE_GUID)`,
    ]);
  }
  const client = connect({ ...connection, spaceGuid }, logger);
  // The reads a whole apply rests on are queries: retried patiently, as reconciliation listings are.
  const patient = { maxAttempts: DEFAULT_RETRY.reconcileAttempts };
  const [space, instances, environments] = await Promise.all([
    client.getSpace(plan.space, patient).catch((error: unknown) => {
      // A Space that does not exist is a mistake in the plan: said where it is.
      if (error instanceof SpacesError && error.code === 'SPACE_NOT_FOUND') {
        throw new PlanError([`${where(['space'])}: no space has the id "${show(plan.space)}"`]);
      }
      throw error;
    }),
    client.listIntegrationPackInstances(patient),
    client.listEnvironments(patient),
  ]);
  const view = { space, instances, environments };
  const entries = resolvePlan(parsed, view, io.env);
  const existing = new Map(
    instances.map((i) => [
      naturalKeyOf({
        integrationPackId: i.integrationPackId,
        integrationPackOverrideName: i.integrationPackOverrideName,
      }),
      i.id,
    ]),
  );
  const existingOf = (entry: ResolvedEntry) =>
    existing.get(naturalKeyOf({ integrationPackId: entry.pack.id, integrationPackOverrideName: entry.name }));
  const lifecycle = await planLifecycle(client, entries, existingOf, flags.rotateSecrets ? 'always' : 'when-unset');
  const changes = [...computeChanges(entries, view, { prune: Boolean(flags.prune) }), ...lifecycle];
  return { client, view, entries, changes, existingOf };
}

function planDocument({ view, changes }: Planned) {
  return {
    space: { id: view.space.id, name: view.space.name },
    changes: changes.map(changeToJson),
    summary: summarise(changes),
  };
}

function renderPlan(out: Output, { view, changes }: Planned): void {
  if (changes.length === 0)
    return out.line(`No changes: the account matches the plan for space "${show(view.space.name)}".`);
  out.line(`Plan for space "${show(view.space.name)}" (${show(view.space.id)}):`);
  for (const change of changes) out.line(`  ${describeChange(change)}`);
  const counts = summarise(changes);
  out.line(
    `${counts.install} to install, ${counts.attach} to attach, ${counts.detach} to detach, ${counts.uninstall} to uninstall, ` +
      `${counts.configure} settings to configure, ${counts.schedule} processes to schedule.`,
  );
}

/** `boomi-spaces plan`: resolves to whether there are changes. */
export async function planCommand(
  out: Output,
  file: string,
  flags: PlanFlags,
  logger?: TransportLogger,
  io: PlanIO = process,
): Promise<boolean> {
  const planned = await makePlan(file, flags, logger, io);
  out.result(planDocument(planned), () => renderPlan(out, planned));
  return planned.changes.length > 0;
}

/** `boomi-spaces apply`: resolves to whether every change succeeded. */
export async function applyCommand(
  out: Output,
  file: string,
  flags: PlanFlags & { yes?: boolean; batchSize?: number },
  logger?: TransportLogger,
  io: PlanIO = process,
): Promise<boolean> {
  // Refused before the plan is read or anything is sent: a script without --yes learns at once.
  if (!flags.yes && !(io.stdin.isTTY && io.stdout.isTTY)) {
    throw new CliUsageError('apply changes the account: confirm with --yes when not running on a terminal');
  }
  const planned = await makePlan(file, flags, logger, io);
  if (planned.changes.length === 0) {
    out.result({ ...planDocument(planned), results: [], applied: 0, failed: 0 }, () => renderPlan(out, planned));
    return true;
  }
  if (!flags.json) renderPlan(out, planned);
  if (!flags.yes && !(await confirm(out, io))) {
    out.result({ ...planDocument(planned), results: [], applied: 0, failed: 0, cancelled: true }, () =>
      out.line('Apply cancelled; nothing was changed.'),
    );
    return true;
  }

  const progress = await startProgress(out, planned.changes.length, io);
  const results = await applyChanges(planned.client, planned.changes, {
    ...(flags.batchSize !== undefined && { batchSize: flags.batchSize }),
    onResult: progress.tick,
  });
  // Then the settings and schedules, read afresh now that every instance exists and is attached.
  const installed = new Map<number, string>();
  for (const r of results)
    if (r.ok && r.change.action === 'install' && r.instanceId) installed.set(r.change.entry.index, r.instanceId);
  await applyLifecycle(
    planned.client,
    planned.entries,
    (entry) => planned.existingOf(entry) ?? installed.get(entry.index),
    flags.rotateSecrets ? 'always' : 'when-unset',
    (outcome) => {
      const result: ChangeResult = outcome.ok
        ? {
            change: outcome.change,
            ok: true,
            ...(outcome.change.instanceId && { instanceId: outcome.change.instanceId }),
          }
        : { change: outcome.change, ok: false, error: asSpacesError(outcome.error) };
      results.push(result);
      progress.tick(result);
    },
  );
  progress.stop();

  const failed = results.filter((r) => !r.ok);
  out.result(
    {
      ...planDocument(planned),
      results: results.map((r) => ({
        ...changeToJson(r.change),
        ok: r.ok,
        instanceId: r.instanceId ?? null,
        ...(r.error && { error: { code: r.error.code, message: r.error.message } }),
      })),
      applied: results.length - failed.length,
      failed: failed.length,
    },
    () => {
      const done = summarise(results.filter((r) => r.ok).map((r) => r.change));
      out.line(
        `Applied ${results.length - failed.length} of ${results.length} changes: ${done.install} installed, ${done.attach} attached, ` +
          `${done.detach} detached, ${done.uninstall} uninstalled, ${done.configure} settings configured, ${done.schedule} processes scheduled.`,
      );
      if (failed.length > 0) {
        out.line(`${failed.length} failed:`);
        for (const r of failed)
          out.line(`  ${describeChange(r.change)}: ${show(r.error?.code)}: ${show(r.error?.message)}`);
        out.line(
          failed.some((r) => r.error?.code === 'INVALID_PLAN')
            ? 'Fix the plan and run apply again: what succeeded will not be repeated.'
            : 'Run apply again to finish the rest: what succeeded will not be repeated.',
        );
      }
    },
  );
  return failed.length === 0;
}

async function confirm(out: Output, io: PlanIO): Promise<boolean> {
  const rl = createInterface({ input: io.stdin, output: io.stdout });
  try {
    const answer = await rl.question('Apply these changes? Only "yes" is accepted: ');
    return answer.trim().toLowerCase() === 'yes';
  } finally {
    rl.close();
    out.line();
  }
}

/** A progress bar on a terminal (cli-progress); otherwise one plain line per settled change. */
async function startProgress(
  out: Output,
  total: number,
  io: PlanIO,
): Promise<{ tick: (result: ChangeResult) => void; stop: () => void }> {
  const line = (r: ChangeResult) =>
    `${r.ok ? 'ok    ' : 'FAILED'} ${describeChange(r.change)}${r.ok ? '' : `: ${show(r.error?.code)}: ${show(r.error?.message)}`}`;
  if (!io.stdout.isTTY || out.json) {
    return { tick: (r) => out.note(line(r)), stop: () => undefined };
  }
  const { SingleBar, Presets } = (await import('cli-progress')).default;
  const bar = new SingleBar(
    { format: 'Applying [{bar}] {value}/{total} | {item}', hideCursor: true, clearOnComplete: false },
    Presets.shades_classic,
  );
  bar.start(total, 0, { item: '' });
  let done = 0;
  return {
    tick: (r) => {
      done += 1;
      bar.update(done, { item: line(r) });
    },
    stop: () => bar.stop(),
  };
}

/** Lifecycle failures as SpacesErrors (a plan error found while applying keeps its code). */
function asSpacesError(error: unknown): SpacesError {
  if (error instanceof SpacesError) return error;
  const code = error instanceof PlanError ? error.code : 'UNEXPECTED';
  return new SpacesError(error instanceof Error ? error.message : String(error), { code });
}
