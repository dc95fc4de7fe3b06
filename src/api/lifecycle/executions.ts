import { OutcomeUnknownError, SpacesError, SpacesInputError } from '../../errors/SpacesError.js';
import {
  ExecuteProcessDocument,
  ListExecutionsDocument,
  ListExecutionsWithStatusDocument,
  type ExecutionFieldsFragment,
} from '../../generated/graphql.js';
import { sleep } from '../../retry/waitFor.js';
import { deadlineOf, type CallOptions } from '../../client/callOptions.js';
import type { Execute } from '../../executor/createExecutor.js';
import { fixDeadline } from '../callDeadline.js';
import { executionRequestSchema } from '../payloads/execution.js';
import { parseJsonField } from '../payloads/jsonField.js';
import { isAmbiguous } from '../reconcile.js';
import { Reader } from '../results.js';
import { requireId } from '../validate.js';
import { executionOf } from './readers.js';
import {
  FINAL_STATUSES,
  type ExecuteResult,
  type Execution,
  type ExecutionStatus,
  type ListExecutionsRequest,
  type RunRequest,
} from './types.js';

/** Options of `runProcess`. */
export interface RunOptions extends CallOptions {
  /** Waits for a final status (COMPLETE, COMPLETE_WARN, ERROR, ABORTED, DISCARDED) or the deadline. Default false. */
  wait?: boolean | undefined;
  /** First pause between looks at the history, in ms; it grows 1.5 times per look. Default 1000. */
  pollIntervalMs?: number | undefined;
  /** Longest pause between looks, in ms. Default 15000. */
  maxPollIntervalMs?: number | undefined;
}

/** Running processes and watching their executions. */
export interface ExecutionsApi {
  /**
   * Starts a process on an atom; the run is asynchronous. Never sent twice: after an ambiguous
   * failure the execution history decides (the run found → `reconciled: true`; nothing found →
   * `OutcomeUnknownError`, and nothing is re-sent).
   */
  executeProcess(request: RunRequest, options?: CallOptions): Promise<ExecuteResult>;
  /** A process's executions at or after `since`, oldest first; every state unless `status` is given. */
  listExecutions(request: ListExecutionsRequest, options?: CallOptions): Promise<Execution[]>;
  /**
   * `executeProcess`, then with `wait` the execution history is polled with backoff until the run
   * reaches a final status, which is returned (an ERROR run resolves too: look at `execution.status`).
   * The call's deadline passing first is `TIMEOUT` naming the execution, which goes on running.
   *
   * @example
   * ```ts
   * const { execution } = await client.runProcess({ processId, atomId }, { wait: true, timeoutMs: 600_000 });
   * if (execution?.status !== 'COMPLETE') console.error(execution?.message);
   * ```
   */
  runProcess(request: RunRequest, options?: RunOptions): Promise<ExecuteResult>;
}

/** How far back "before the run" looks, to tell a new execution from earlier ones despite clock skew. */
const LOOKBACK_MS = 15 * 60_000;
/** Looks at the history after a lost answer (the record may appear a little later). */
const RECONCILE_LOOKS = 3;

/** `yyyy-MM-ddTHH:mm:ssZ`, the format the execution history takes. */
function executionTimeOf(value: Date | string): string {
  const date = value instanceof Date ? value : new Date(value);
  if (typeof value === 'string' && (value.length > 64 || Number.isNaN(date.getTime())))
    throw new SpacesInputError(
      `\`since\` must be a date or an ISO-8601 time, not ${JSON.stringify(value.slice(0, 40))}`,
      {
        field: 'since',
      },
    );
  if (Number.isNaN(date.getTime())) throw new SpacesInputError('`since` is not a valid date', { field: 'since' });
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function createExecutionsApi({
  execute,
  patient,
}: {
  execute: Execute;
  patient: (options?: CallOptions) => CallOptions;
}): ExecutionsApi {
  async function listExecutions(request: ListExecutionsRequest, options?: CallOptions): Promise<Execution[]> {
    const processId = requireId(request?.processId, 'processId');
    const since = executionTimeOf(request.since);
    const read = new Reader(request.status ? 'listExecutionsWithStatus' : 'listExecutions');
    const raws: Array<[string, ExecutionFieldsFragment | null]> = [];
    if (request.status) {
      const { executions } = await execute(
        ListExecutionsWithStatusDocument,
        { processId, since, status: request.status },
        options,
      );
      for (const [i, e] of (executions ?? []).entries()) raws.push([`executions[${i}]`, e]);
    } else {
      const data = await execute(ListExecutionsDocument, { processId, since }, options);
      for (const [alias, list] of Object.entries(data))
        for (const [i, e] of (list ?? []).entries()) raws.push([`${alias}[${i}]`, e]);
    }
    const executions = raws.flatMap(([at, raw]) => (raw ? [executionOf(raw, read, at)] : []));
    // One execution moving between states may show twice across the aliases: the later state wins.
    const byId = new Map<string, Execution>();
    for (const e of executions) {
      const known = byId.get(e.executionId);
      if (!known || FINAL_STATUSES.has(e.status)) byId.set(e.executionId, e);
    }
    return [...byId.values()].sort((a, b) => a.executionTime.localeCompare(b.executionTime));
  }

  /** The first execution on the atom that was not there before the run was sent. */
  const newRun = (executions: Execution[], before: ReadonlySet<string>, atomId: string) =>
    executions.find((e) => !before.has(e.executionId) && (e.atomId === null || e.atomId === atomId));

  async function start(request: RunRequest, options: CallOptions | undefined) {
    const processId = requireId(request?.processId, 'processId');
    const atomId = requireId(request.atomId, 'atomId');
    const since = new Date(Date.now() - LOOKBACK_MS);
    const look = () => listExecutions({ processId, since }, patient(options));
    const before = new Set((await look()).map((e) => e.executionId));
    let answer: string | null;
    try {
      answer = (await execute(ExecuteProcessDocument, { atomId, processId }, options)).processExecute;
    } catch (error) {
      if (!isAmbiguous(error)) throw error;
      const found = await reconcile(error, { processId, atomId }, before, look, options);
      return { result: { execution: found, reconciled: true }, before, processId, atomId, look };
    }
    const parsed = parseJsonField(executionRequestSchema, answer, {
      operationName: 'executeProcess',
      field: 'processExecute',
    });
    const result: ExecuteResult = {
      request: { requestId: parsed.requestId, ...(parsed.recordUrl && { recordUrl: parsed.recordUrl }) },
      reconciled: false,
    };
    return { result, before, processId, atomId, look };
  }

  async function reconcile(
    failure: unknown,
    key: { processId: string; atomId: string },
    before: ReadonlySet<string>,
    look: () => Promise<Execution[]>,
    options: CallOptions | undefined,
  ): Promise<Execution> {
    for (let n = 1; ; n++) {
      let found: Execution | undefined;
      try {
        found = newRun(await look(), before, key.atomId);
      } catch (listingFailure) {
        throw unknownRun(
          key,
          failure,
          `the execution history could not be read either (${String((listingFailure as Error).message)})`,
        );
      }
      if (found) return found;
      if (n >= RECONCILE_LOOKS) throw unknownRun(key, failure, 'the execution history shows no new run yet');
      await pause(500 * n, options);
    }
  }

  async function executeProcess(request: RunRequest, callOptions?: CallOptions) {
    return (await start(request, fixDeadline(callOptions))).result;
  }

  return {
    executeProcess,
    listExecutions,

    async runProcess(request, callOptions) {
      const options = fixDeadline(callOptions);
      const started = await start(request, options);
      if (!callOptions?.wait) return started.result;
      let interval = callOptions.pollIntervalMs ?? 1000;
      const maxInterval = callOptions.maxPollIntervalMs ?? 15_000;
      let execution = started.result.execution;
      while (!execution || !FINAL_STATUSES.has(execution.status)) {
        await pause(interval, options, execution);
        interval = Math.min(maxInterval, interval * 1.5);
        const executions = await started.look();
        execution = execution
          ? (executions.find((e) => e.executionId === execution!.executionId) ?? execution)
          : newRun(executions, started.before, started.atomId);
      }
      return { ...started.result, execution };
    },
  };
}

function unknownRun(key: { processId: string; atomId: string }, failure: unknown, why: string) {
  return new OutcomeUnknownError(
    `executeProcess: the answer was lost (${(failure as Error).message}) and ${why}. The run may or may not have ` +
      'started; it was not sent again. Look at the executions before running it again.',
    { operation: 'execute', ...key },
    { cause: failure, operationName: 'executeProcess' },
  );
}

/** Waits `ms`, within the call's deadline and signal; past the deadline, TIMEOUT naming the run seen. */
async function pause(ms: number, options: CallOptions | undefined, execution?: Execution): Promise<void> {
  const deadline = deadlineOf(options);
  const left = deadline === undefined ? undefined : deadline - Date.now();
  if (left !== undefined && left <= ms) {
    if (left > 0) await sleep(left, options?.signal, () => aborted());
    const state: ExecutionStatus | 'not yet in the history' = execution?.status ?? 'not yet in the history';
    throw new SpacesError(
      `the call's deadline passed while the run was ${state}` +
        (execution ? ` (execution ${execution.executionId})` : '') +
        '; it goes on running',
      { code: 'TIMEOUT', operationName: 'executeProcess', mayHaveExecuted: true },
    );
  }
  await sleep(ms, options?.signal, () => aborted());
}

const aborted = () =>
  new SpacesError('the call was aborted while waiting for the run; it goes on running', {
    code: 'ABORTED',
    operationName: 'executeProcess',
    mayHaveExecuted: true,
  });
