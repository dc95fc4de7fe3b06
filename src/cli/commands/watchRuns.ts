// executions --watch: every execution printed once it ends; --on-error runs a command for each ERROR.
import type { Execution, ExecutionStatus } from '../../api/lifecycle/types.js';
import { watchExecutions } from '../../api/lifecycle/watchExecutions.js';
import type { SpacesClient } from '../../client/createSpacesClient.js';
import type { CliIO } from '../context.js';
import { listenForInterruption } from '../interrupt.js';
import { show, type Output } from '../output.js';
import { resolveInstance, resolveProcess } from '../resolve.js';
import { runOnErrorCommand } from './onErrorCommand.js';

export interface WatchArgs {
  instanceId?: string;
  process?: string;
  status?: ExecutionStatus;
  onError?: string;
  pollSeconds: number;
}

/** The processes to follow: the one named, an instance's, or (none given) every instance's. */
async function processesOf(client: SpacesClient, args: WatchArgs) {
  if (args.instanceId === undefined) return undefined;
  if (args.process !== undefined) return [await resolveProcess(client, args.instanceId, args.process)];
  return client.listProcesses((await resolveInstance(client, args.instanceId)).id);
}

/** One line per ended execution: text, or one JSON document per line with --json. */
export function executionLine(e: Execution, account?: string): string {
  const where = account === undefined ? '' : `${show(account)} `;
  const message = e.message ? `: ${show(e.message)}` : '';
  return `${e.executionTime} ${where}${show(e.processName)} ${e.status} (${e.executionId})${message}`;
}

/**
 * Prints what ends until Ctrl+C or SIGTERM, then exits 0. A failed poll is reported and the watch
 * goes on, unless the first poll fails for good (credentials, an unknown id): that error ends it.
 */
export async function watchRuns(client: SpacesClient, out: Output, io: CliIO, args: WatchArgs): Promise<number> {
  const interruption = listenForInterruption(io.signals);
  try {
    const processes = await processesOf(client, args);
    const what = args.status ? `${args.status} executions` : 'executions';
    out.note(`Watching ${what}${args.instanceId ? ` of instance ${show(args.instanceId)}` : ''}; Ctrl+C to stop.`);
    await watchExecutions(client, {
      signal: interruption.work,
      ...(args.status && { status: args.status }),
      ...(processes && { processes }),
      pollMs: args.pollSeconds * 1000,
      onExecution: (e) => reportExecution(out, io, e, args.onError),
      onError: (error) => out.note(`Polling failed, trying again: ${show((error as Error).message)}`),
    });
    return 0;
  } finally {
    interruption.dispose();
  }
}

/** Prints one ended execution; for an ERROR one, runs the --on-error command and reports how it ended. */
export async function reportExecution(
  out: Output,
  io: Pick<CliIO, 'stderr' | 'env'>,
  e: Execution & { accountId?: string },
  onError: string | undefined,
): Promise<void> {
  if (out.json) out.jsonLine(e);
  else out.line(executionLine(e, e.accountId));
  if (onError === undefined || e.status !== 'ERROR') return;
  const run = await runOnErrorCommand(onError, e, io);
  if (run.code === 0) return;
  const how = run.timedOut ? 'was stopped after its timeout' : `exited ${run.code ?? 'on a signal'}`;
  io.stderr.write(`boomi-spaces: --on-error command ${how} for execution ${show(e.executionId)}\n`);
}
