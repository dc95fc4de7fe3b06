// run and executions: starting a process and watching how its runs went.
import type { Execution } from '../../api/lifecycle/types.js';
import { FINAL_STATUSES } from '../../api/lifecycle/types.js';
import type { SpacesClient } from '../../client/createSpacesClient.js';
import { CliUsageError } from '../CliUsageError.js';
import { EXIT, show, type Output } from '../output.js';
import { resolveEnvironment, resolveProcess } from '../resolve.js';

export interface RunArgs {
  instanceId: string;
  process: string;
  env?: string;
  wait?: boolean;
  timeout: number;
}

/** Where to run: the environment's first atom, or the atom the process is deployed to. */
async function atomFor(client: SpacesClient, args: RunArgs, deployedAtom: string | undefined) {
  if (args.env === undefined) {
    if (!deployedAtom)
      throw new CliUsageError('the process is not deployed to an atom: give --env, after attaching the instance there');
    return deployedAtom;
  }
  const environment = await resolveEnvironment(client, args.env);
  const atom = environment.atoms[0];
  if (!atom?.id) throw new CliUsageError(`environment ${show(environment.name)} has no atom to run on`);
  return atom.id;
}

/** Exit 0 on COMPLETE or COMPLETE_WARN (or, without --wait, once the run is accepted), 1 otherwise. */
export async function run(client: SpacesClient, out: Output, args: RunArgs): Promise<number> {
  const process = await resolveProcess(client, args.instanceId, args.process);
  const atomId = await atomFor(client, args, process.processSchedules?.atomId);
  if (!args.wait) out.note(`Starting ${show(process.name)}…`);
  else out.note(`Running ${show(process.name)} and waiting for it to finish (at most ${args.timeout} s)…`);
  const result = await client.runProcess(
    { processId: process.id, atomId },
    { wait: Boolean(args.wait), timeoutMs: args.timeout * 1000 },
  );
  const execution = result.execution;
  out.result({ process: { id: process.id, name: process.name }, atomId, ...result }, () => {
    if (!execution)
      return out.line(`Accepted: request ${show(result.request?.requestId)}. Watch it with \`executions\`.`);
    const line = `${show(process.name)}: ${show(execution.status)} (execution ${show(execution.executionId)})`;
    out.line(execution.message ? `${line}: ${show(execution.message)}` : line);
  });
  if (!args.wait) return EXIT.ok;
  return execution && (execution.status === 'COMPLETE' || execution.status === 'COMPLETE_WARN')
    ? EXIT.ok
    : EXIT.apiFailure;
}

export interface ExecutionsArgs {
  instanceId: string;
  process: string;
  since: Date;
  status?: Execution['status'];
}

export async function listExecutions(client: SpacesClient, out: Output, args: ExecutionsArgs): Promise<void> {
  const process = await resolveProcess(client, args.instanceId, args.process);
  const executions = await client.listExecutions({
    processId: process.id,
    since: args.since,
    ...(args.status && { status: args.status }),
  });
  out.result(executions, () => undefined);
  const seconds = (ms: number | null) => (ms === null ? '' : `${(ms / 1000).toFixed(1)} s`);
  await out.table(
    ['TIME', 'STATUS', 'TYPE', 'ATOM', 'DURATION', 'DOCS IN/OUT', 'MESSAGE'],
    executions.map((e) => [
      e.executionTime,
      FINAL_STATUSES.has(e.status) ? e.status : `${e.status}…`,
      e.executionType,
      e.atomName,
      seconds(e.executionDuration),
      `${e.inboundDocumentCount ?? 0}/${e.outboundDocumentCount ?? 0}`,
      e.message,
    ]),
    `No executions of ${show(process.name)} since ${args.since.toISOString()}.`,
  );
}
