// `fleet plan`, `fleet apply`, `fleet status`: the plan module's fleets (src/plan) with the CLI's
// connection (endpoints and pacing from the global flags and BOOMI_*; credentials from the fleet file).
import type { FleetAccountResult, FleetResult } from '../../plan/fleet.js';
import type { FleetAccount } from '../../plan/fleetFile.js';
import { resolveAuthUrl, resolvePublicConnection } from '../config.js';
import { CliUsageError } from '../CliUsageError.js';
import { connectInSpace } from '../connect.js';
import type { CliIO, GlobalFlags } from '../context.js';
import { show, type Output } from '../output.js';
import { counted } from '../../text/plural.js';
import type { ExecutionStatus } from '../../api/lifecycle/types.js';
import type { TransportLogger } from '../../transport/events.js';

export interface FleetFlags extends GlobalFlags {
  only?: string[];
  /** Accounts in flight at once, instead of the fleet file's (checked by the option's parser). */
  concurrency?: number;
  yes?: boolean;
  resume?: boolean;
}

/** The fleet file and the run options every fleet command shares. */
async function prepare(file: string, flags: FleetFlags, io: Pick<CliIO, 'env'>, logger?: TransportLogger) {
  const { loadFleetFile } = await import('../../plan/fleetFile.js');
  const fleet = await loadFleetFile(file, { env: io.env });
  const base = resolvePublicConnection(flags, io.env);
  const authUrl = resolveAuthUrl(flags, io.env);
  const only = flags.only?.flatMap((ids) =>
    ids
      .split(',')
      .map((id) => id.trim())
      .filter(Boolean),
  );
  const options = {
    env: io.env,
    ...(only && only.length > 0 && { only }),
    ...(flags.concurrency !== undefined && { concurrency: flags.concurrency }),
    // The account's Space by the one rule (id or name), looked up by that account's client.
    connect: (account: FleetAccount) =>
      connectInSpace(
        {
          ...base,
          authUrl,
          credentials: {
            kind: 'apiToken' as const,
            accountId: account.id,
            username: account.credentials.username,
            apiToken: account.credentials.apiToken(),
          },
        },
        account.spaceGuid,
        logger,
      ).client,
  };
  return { fleet, options };
}

const counts = (a: FleetAccountResult) => {
  const s = a.result?.totals.status;
  return s ? `${s.planned} planned, ${s.applied} applied, ${s.unchanged} unchanged, ${s.failed} failed` : '';
};

/** One account as --json shows it: no change's secrets (items carry descriptions only). */
const accountJson = (a: FleetAccountResult) => ({
  id: a.id,
  name: a.name ?? null,
  outcome: a.outcome,
  ...(a.resumed && { resumed: true }),
  ...(a.error && { error: a.error }),
  ...(a.result && {
    totals: a.result.totals,
    changes: a.result.items.map((i) => ({
      kind: i.kind,
      status: i.status,
      description: i.description,
      ...(i.error && { error: { code: i.error.code } }),
    })),
  }),
});

async function report(out: Output, result: FleetResult, verb: 'plan' | 'apply'): Promise<void> {
  const document = { runId: result.runId, accounts: result.accounts.map(accountJson), totals: result.totals };
  if (out.json) return out.result(document, () => undefined);
  if (verb === 'plan')
    for (const a of result.accounts.filter((r) => r.result && r.outcome === 'changed')) {
      out.line(`${show(a.id)}:`);
      for (const item of a.result!.items.filter((i) => i.status === 'planned')) out.line(`  ${item.description}`);
    }
  await out.table(
    ['ACCOUNT', 'NAME', 'OUTCOME', 'CHANGES', 'REASON'],
    result.accounts.map((a) => [
      a.id,
      a.name,
      a.resumed ? 'converged (earlier)' : a.outcome,
      counts(a),
      a.error && `${a.error.code}: ${a.error.message}`,
    ]),
  );
  const by = (o: string) => result.accounts.filter((a) => a.outcome === o).length;
  out.line(
    `${counted(result.accounts.length, 'account')}: ${by('converged')} converged, ${by('changed')} changed, ${by('failed')} failed (run ${result.runId}).`,
  );
}

/** `fleet plan`: resolves to the exit code (0 no change, 2 changes with --detailed-exitcode, 1 a failure). */
export async function fleetPlan(
  out: Output,
  file: string,
  flags: FleetFlags & { detailedExitcode?: boolean },
  io: CliIO,
  logger?: TransportLogger,
) {
  const { planFleet } = await import('../../plan/fleet.js');
  const { fleet, options } = await prepare(file, flags, io, logger);
  const result = await planFleet(fleet, options);
  await report(out, result, 'plan');
  if (result.accounts.some((a) => a.outcome === 'failed')) return 1;
  return flags.detailedExitcode && result.accounts.some((a) => a.outcome === 'changed') ? 2 : 0;
}

/** `fleet apply`: exit 0 only when every account converged. */
export async function fleetApply(
  out: Output,
  file: string,
  flags: FleetFlags,
  io: CliIO,
  signal: AbortSignal,
  logger?: TransportLogger,
) {
  if (!flags.yes) throw new CliUsageError('fleet apply changes every account of the fleet: confirm with --yes');
  const { applyFleet } = await import('../../plan/fleet.js');
  const { fleet, options } = await prepare(file, flags, io, logger);
  let done = 0;
  const total = options.only?.length ?? fleet.accounts.length;
  const result = await applyFleet(fleet, {
    ...options,
    signal,
    ...(flags.resume && { resume: true }),
    onAccountDone: (a) => {
      done += 1;
      out.note(
        `[${done}/${total}] ${a.id} ${a.resumed ? 'converged (earlier)' : a.outcome}${a.error ? `: ${a.error.code}: ${a.error.message}` : ''}`,
      );
    },
  });
  await report(out, result, 'apply');
  return result.accounts.every((a) => a.outcome === 'converged') ? 0 : 1;
}

/** `fleet status`: exit 0, or 1 when an account could not be read. */
export async function fleetStatusCommand(
  out: Output,
  file: string,
  flags: FleetFlags,
  io: CliIO,
  logger?: TransportLogger,
) {
  const { fleetStatus } = await import('../../plan/fleetStatus.js');
  const { fleet, options } = await prepare(file, flags, io, logger);
  const { accounts } = await fleetStatus(fleet, options);
  out.result({ accounts }, () => {
    for (const a of accounts) {
      out.line(
        `${show(a.id)}${a.name ? ` (${show(a.name)})` : ''}: ${a.error ? `FAILED ${a.error.code}: ${show(a.error.message)}` : `drift ${a.drift ? 'yes' : 'no'}, ${counted(a.instances!.length, 'instance')}`}`,
      );
      for (const i of a.instances ?? []) {
        out.line(
          `  ${show(i.pack)}${i.name ? ` "${show(i.name)}"` : ''} (${show(i.id)}) in ${i.environments.map(show).join(', ') || 'no environment'}`,
        );
        for (const p of i.processes)
          out.line(
            `  ${p.last?.status === 'ERROR' ? '!' : ' '} ${show(p.name)}: ${p.last ? `${show(p.last.status)} at ${show(p.last.executionTime)}${p.last.status === 'ERROR' ? `: ${show(p.last.message ?? '')}` : ''}` : 'no execution'}`,
          );
      }
    }
  });
  return accounts.some((a) => a.error) ? 1 : 0;
}

/** `fleet watch`: every account's ended executions, tagged with the account, until Ctrl+C (exit 0). */
export async function fleetWatch(
  out: Output,
  file: string,
  flags: FleetFlags & { status?: ExecutionStatus; onError?: string; pollSeconds: number },
  io: CliIO,
  logger?: TransportLogger,
) {
  const [{ watchFleet }, { reportExecution }, { listenForInterruption }] = await Promise.all([
    import('../../api/lifecycle/watchFleet.js'),
    import('./watchRuns.js'),
    import('../interrupt.js'),
  ]);
  const { fleet, options } = await prepare(file, flags, io, logger);
  const chosen = options.only ? fleet.accounts.filter((a) => options.only!.includes(a.id)) : fleet.accounts;
  const unknown = (options.only ?? []).filter((id) => !fleet.accounts.some((a) => a.id === id));
  if (unknown.length > 0)
    throw new CliUsageError(`--only names accounts the fleet file does not have: ${unknown.map(show).join(', ')}`);
  const accounts = chosen.map((a) => ({ id: a.id, ...(a.name && { name: a.name }), client: options.connect(a) }));
  const interruption = listenForInterruption(io.signals);
  try {
    out.note(`Watching ${flags.status ?? 'ended'} executions in ${accounts.length} accounts; Ctrl+C to stop.`);
    const { failed } = await watchFleet(accounts, {
      signal: interruption.work,
      ...(flags.status && { status: flags.status }),
      pollMs: flags.pollSeconds * 1000,
      onExecution: (e) => reportExecution(out, io, e, flags.onError),
      onError: (id, error) => out.note(`${show(id)}: polling failed, trying again: ${show((error as Error).message)}`),
    });
    // Accounts whose first poll failed for good (credentials, SPACE_GUID) were never watched.
    for (const { accountId, error } of failed)
      out.note(`${show(accountId)}: not watched: ${show((error as Error).message)}`);
    return failed.length > 0 ? 1 : 0;
  } finally {
    interruption.dispose();
    await Promise.all(accounts.map((a) => a.client.close()));
  }
}
