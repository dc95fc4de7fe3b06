// Following executions: poll the history through the client (so its pacing and retries apply),
// report each execution once when it reaches a final status, and poll less often while nothing moves.
import { withDefaults } from '../../client/optionDefaults.js';
import { isTransient, SpacesInputError } from '../../errors/SpacesError.js';
import { sleep } from '../../retry/waitFor.js';
import type { CallOptions } from '../../client/callOptions.js';
import {
  FINAL_STATUSES,
  type Execution,
  type ExecutionStatus,
  type ListExecutionsRequest,
  type Process,
} from './types.js';

/** What a watch needs of a client: `createSpacesClient(…)` is one. */
export interface WatchClient {
  listExecutions(request: ListExecutionsRequest, options?: CallOptions): Promise<Execution[]>;
  listIntegrationPackInstances(options?: CallOptions): Promise<ReadonlyArray<{ id: string }>>;
  listProcesses(instanceId: string, options?: CallOptions): Promise<Process[]>;
}

/** Options of {@link watchExecutions}. */
export interface WatchOptions {
  /** Stops the watch; the promise then resolves. */
  signal: AbortSignal;
  /** Called once per execution that ends after the watch started, oldest first; awaited. */
  onExecution: (execution: Execution) => void | Promise<void>;
  /** Only executions ending in this final status (a lighter request per process and poll). */
  status?: ExecutionStatus | undefined;
  /** The processes to follow. Default: every process of every instance, looked up again every 10 polls. */
  processes?: ReadonlyArray<{ id: string }> | undefined;
  /**
   * A failed poll (after the client's own retries) is reported here and the watch goes on; without
   * it, the watch rejects. Either way a first poll that fails for good (bad input, refused
   * credentials, an unknown id, a missing SPACE_GUID: not transient) rejects: the watch could never start.
   */
  onError?: ((error: unknown) => void) | undefined;
  /** Pause after a poll that saw something change, in ms. Default 5000. */
  pollMs?: number | undefined;
  /** Longest pause: it doubles up to this while nothing changes. Default 60000. */
  maxPollMs?: number | undefined;
  /** How far back each poll looks, in ms (covers clock skew and long runs). Default 15 minutes. */
  lookbackMs?: number | undefined;
  /** The clock (epoch ms). Default `Date.now`. */
  now?: (() => number) | undefined;
  /** Waits between polls (tests count them instead of sleeping). Default: a timer that the signal ends. */
  wait?: ((ms: number, signal: AbortSignal) => Promise<void>) | undefined;
}

const REDISCOVER_EVERY = 10;
const DEFAULTS = { pollMs: 5000, maxPollMs: 60_000, lookbackMs: 15 * 60_000 };

/**
 * Follows the executions of an account (or of the given processes) and reports each once it ends:
 * COMPLETE, COMPLETE_WARN, ERROR, ABORTED or DISCARDED, never while it runs. Executions that had
 * already ended at the first poll are not reported. Resolves when `signal` aborts.
 *
 * @example
 * ```ts
 * const stop = new AbortController();
 * await watchExecutions(client, {
 *   status: 'ERROR',
 *   signal: stop.signal,
 *   onExecution: (e) => console.log(e.processName, e.status, e.message),
 * });
 * ```
 */
export async function watchExecutions(client: WatchClient, options: WatchOptions): Promise<void> {
  const settings = checked(options);
  const { signal } = options;
  const now = options.now ?? Date.now;
  const wait = options.wait ?? ((ms: number, s: AbortSignal) => sleep(ms, s, () => new Error('aborted')));
  const seen = new Map<string, string>(); // ended executions: id → executionTime
  const running = new Map<string, string>();
  const baselined = new Set<string>(); // processes whose first listing only set what was already over
  let processes: ReadonlyArray<{ id: string }> = [];
  let interval = settings.pollMs;
  let started = false; // a poll went through: ids and credentials hold
  for (let poll = 0; !signal.aborted; poll++) {
    let changed = false;
    try {
      if (!options.processes && poll % REDISCOVER_EVERY === 0) processes = await discover(client, signal);
      else if (options.processes) processes = options.processes;
      const since = sinceOf(now() - settings.lookbackMs, running);
      const ended: Execution[] = [];
      for (const { id } of processes) {
        const request = { processId: id, since: new Date(since), ...(options.status && { status: options.status }) };
        const listed = await client.listExecutions(request, { signal });
        const report = baselined.has(id);
        baselined.add(id);
        for (const e of listed) changed = note(e, { seen, running, ended: report ? ended : [] }) || changed;
      }
      for (const e of ended.sort((a, b) => a.executionTime.localeCompare(b.executionTime)))
        await options.onExecution(e);
      prune(seen, since);
      started = true;
    } catch (error) {
      if (signal.aborted) return;
      if (!options.onError || (!started && !isTransient(error))) throw error;
      options.onError(error);
    }
    interval = changed ? settings.pollMs : Math.min(settings.maxPollMs, interval * 2);
    try {
      await wait(interval, signal);
    } catch {
      if (signal.aborted) return;
    }
  }
}

function checked(options: WatchOptions) {
  const { pollMs, maxPollMs, lookbackMs } = options;
  const settings = withDefaults(DEFAULTS, { pollMs, maxPollMs, lookbackMs });
  for (const key of ['pollMs', 'maxPollMs', 'lookbackMs'] as const) {
    const value = settings[key];
    if (!Number.isInteger(value) || value < 1 || value > 86_400_000)
      throw new SpacesInputError(`\`${key}\` must be a whole number of ms from 1 to 86400000`, { field: key });
  }
  if (settings.maxPollMs < settings.pollMs)
    throw new SpacesInputError('`maxPollMs` must be at least `pollMs`', { field: 'maxPollMs' });
  if (options.status !== undefined && !FINAL_STATUSES.has(options.status))
    throw new SpacesInputError(
      `\`status\` must be a final status (${[...FINAL_STATUSES].join(', ')}): a watch reports executions that ended`,
      { field: 'status' },
    );
  return settings;
}

/** Every process of every instance of the account. */
async function discover(client: WatchClient, signal: AbortSignal): Promise<Process[]> {
  const processes: Process[] = [];
  for (const instance of await client.listIntegrationPackInstances({ signal }))
    processes.push(...(await client.listProcesses(instance.id, { signal })));
  return processes;
}

/** Looks back `lookback`, or further to the oldest execution still running (it must be seen ending). */
function sinceOf(lookback: number, running: ReadonlyMap<string, string>): number {
  let since = lookback;
  for (const time of running.values()) since = Math.min(since, Date.parse(time) || since);
  return since;
}

/** Records one listed execution; true when it is news (newly running or newly ended). */
function note(
  e: Execution,
  state: { seen: Map<string, string>; running: Map<string, string>; ended: Execution[] },
): boolean {
  if (state.seen.has(e.executionId)) return false;
  if (!FINAL_STATUSES.has(e.status)) {
    if (state.running.has(e.executionId)) return false;
    state.running.set(e.executionId, e.executionTime);
    return true;
  }
  state.running.delete(e.executionId);
  state.seen.set(e.executionId, e.executionTime);
  state.ended.push(e);
  return true;
}

/** Forgets ended executions older than the window: the history will not list them again. */
function prune(seen: Map<string, string>, since: number): void {
  for (const [id, time] of seen) if (Date.parse(time) < since - 1000) seen.delete(id);
}
