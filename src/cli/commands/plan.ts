import { createInterface } from 'node:readline/promises';
import type { SpacesClient } from '../../client/createSpacesClient.js';
import type { TransportLogger } from '../../transport/events.js';
import { applyPlan } from '../../plan/applyPlan.js';
import { changeToJson, describeChange, summarise } from '../../plan/changes.js';
import { planChanges, type PlannedChanges } from '../../plan/planChanges.js';
import { loadPlanFile, PlanError } from '../../plan/planFile.js';
import type { PlanItem } from '../../plan/result.js';
import { checkPlanVariables } from '../../plan/resolvePlan.js';
import { CliUsageError } from '../CliUsageError.js';
import { resolveConnection, type ConnectionFlags } from '../config.js';
import { connectInSpace } from '../connect.js';
import type { CliIO } from '../context.js';
import { show, type Output } from '../output.js';
import { counted } from '../../text/plural.js';

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
  planned: PlannedChanges;
}

/** Reads the plan and the account (src/plan), and works out the changes; sends nothing that changes anything. */
async function makePlan(
  file: string,
  flags: PlanFlags,
  logger: TransportLogger | undefined,
  io: PlanIO,
): Promise<Planned> {
  const parsed = loadPlanFile(file);
  // Local inputs first: a missing variable is reported before any request or prompt.
  checkPlanVariables(parsed, io.env);
  const connection = await resolveConnection(flags, io.env, io.stdin);
  const given = parsed.plan.spaceGuid ?? connection.spaceGuid;
  if (!given) {
    throw new PlanError([
      `${parsed.where(['spaceGuid'])}: the plan needs a SPACE_GUID to read the instances (spaceGuid in the file, --space-guid or BOOMI_SPACE_GUID)`,
    ]);
  }
  const { client } = connectInSpace(connection, given, logger);
  try {
    const planned = await planChanges(client, parsed, {
      prune: Boolean(flags.prune),
      rotateSecrets: Boolean(flags.rotateSecrets),
      variables: io.env,
    });
    return { client, planned };
  } catch (error) {
    await client.close();
    throw error;
  }
}

function planDocument({ planned: { space, changes } }: Planned) {
  return {
    space: { id: space.id, name: space.name },
    changes: changes.map(changeToJson),
    summary: summarise(changes),
  };
}

function renderPlan(out: Output, { planned: { space, changes } }: Planned): void {
  if (changes.length === 0)
    return out.line(`No changes: the account matches the plan for space "${show(space.name)}".`);
  out.line(`Plan for space "${show(space.name)}" (${show(space.id)}):`);
  for (const change of changes) out.line(`  ${describeChange(change)}`);
  const counts = summarise(changes);
  out.line(
    `${counts.install} to install, ${counts.attach} to attach, ${counts.detach} to detach, ${counts.uninstall} to uninstall, ` +
      `${counted(counts.configure, 'setting')} to configure, ${counted(counts.schedule, 'process')} to schedule.`,
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
  return planned.planned.changes.length > 0;
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
  if (planned.planned.changes.length === 0) {
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

  const progress = await startProgress(out, planned.planned.changes.length, io);
  const { items } = await applyPlan(planned.client, planned.planned, {
    ...(flags.batchSize !== undefined && { batchSize: flags.batchSize }),
    onProgress: progress.tick,
  });
  progress.stop();
  renderApplied(out, planned, items);
  return items.every(succeeded);
}

const succeeded = (item: PlanItem) => item.status === 'applied';

function renderApplied(out: Output, planned: Planned, items: PlanItem[]): void {
  const failed = items.filter((r) => !succeeded(r));
  out.result(
    {
      ...planDocument(planned),
      results: items.map((r) => ({
        ...changeToJson(r.change),
        ok: succeeded(r),
        instanceId: r.instanceId ?? null,
        ...(r.error && { error: { code: r.error.code, message: r.error.message } }),
      })),
      applied: items.length - failed.length,
      failed: failed.length,
    },
    () => {
      const done = summarise(items.filter(succeeded).map((r) => r.change));
      out.line(
        `Applied ${items.length - failed.length} of ${counted(items.length, 'change')}: ${done.install} installed, ${done.attach} attached, ` +
          `${done.detach} detached, ${done.uninstall} uninstalled, ${counted(done.configure, 'setting')} configured, ${counted(done.schedule, 'process')} scheduled.`,
      );
      if (failed.length > 0) {
        out.line(`${failed.length} failed:`);
        for (const r of failed) out.line(`  ${r.description}: ${show(r.error?.code)}: ${show(r.error?.message)}`);
        out.line(
          failed.some((r) => r.error?.code === 'INVALID_PLAN')
            ? 'Fix the plan and run apply again: what succeeded will not be repeated.'
            : 'Run apply again to finish the rest: what succeeded will not be repeated.',
        );
      }
    },
  );
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
): Promise<{ tick: (item: PlanItem) => void; stop: () => void }> {
  const line = (r: PlanItem) =>
    `${succeeded(r) ? 'ok    ' : 'FAILED'} ${r.description}${succeeded(r) ? '' : `: ${show(r.error?.code)}: ${show(r.error?.message)}`}`;
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
