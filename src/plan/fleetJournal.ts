// The journal of a fleet apply: one JSON line per event (a run starting or resuming, an account
// starting or done, every mutation's intent and outcome), appended and written through at once, so a
// crash or `kill -9` leaves every line written before it. No secrets: ids, names, operation names,
// outcome codes.
import { closeSync, mkdirSync, openSync, readdirSync, writeSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { describeFileError } from '../errors/fileErrors.js';
import { readBoundedFile } from './yamlSource.js';
import { FleetError } from './fleetFile.js';

/** Bounds of one run's journal: past them one `truncated` line is written and no more. */
export const JOURNAL_LIMITS = { maxLines: 200_000, maxBytes: 32 * 1024 * 1024 } as const;

/** One line of a fleet journal, also given to `applyFleet`'s `onEvent`. */
export type FleetEvent =
  | { type: 'run'; run: string; at: string; fleet: string; accounts: number; resumed: boolean }
  | { type: 'account'; run: string; at: string; account: string; state: 'start' }
  | { type: 'account'; run: string; at: string; account: string; state: 'done'; outcome: string; code?: string }
  | { type: 'intent'; run: string; at: string; account: string; seq: number; op: string; ids: string[] }
  | { type: 'outcome'; run: string; at: string; account: string; seq: number; op: string; outcome: string }
  | { type: 'truncated'; run: string; at: string };

/** Events without their run and time: the journal adds both. */
type FleetEventInput = FleetEvent extends infer E ? (E extends FleetEvent ? Omit<E, 'run' | 'at'> : never) : never;

/** A journal being written. */
export interface FleetJournal {
  readonly runId: string;
  readonly path: string;
  write(event: FleetEventInput): FleetEvent;
  close(): void;
}

/** A run id: its start time, sortable, and a random tail. */
export function newRunId(now = new Date()): string {
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  return `${stamp}-${Math.random().toString(36).slice(2, 8)}`;
}

/** Opens (or, resuming, reopens) the journal of `runId` in `dir` for appending. */
export function openJournal(dir: string, runId: string, onEvent?: (event: FleetEvent) => void): FleetJournal {
  const path = join(dir, `${runId}.jsonl`);
  let fd: number;
  try {
    mkdirSync(dir, { recursive: true });
    fd = openSync(path, 'a', 0o600);
  } catch (error) {
    throw unwritable(error, dir);
  }
  let lines = 0;
  let bytes = 0;
  let full = false;
  const append = (event: FleetEvent) => {
    const line = `${JSON.stringify(event)}\n`;
    writeSync(fd, line);
    lines += 1;
    bytes += Buffer.byteLength(line);
  };
  return {
    runId,
    path,
    write(input) {
      const event = { run: runId, at: new Date().toISOString(), ...input };
      if (!full && (lines + 1 >= JOURNAL_LIMITS.maxLines || bytes + 4096 >= JOURNAL_LIMITS.maxBytes)) {
        full = true;
        append({ type: 'truncated', run: runId, at: event.at });
      }
      if (!full) append(event);
      onEvent?.(event);
      return event;
    },
    close: () => closeSync(fd),
  };
}

/**
 * A journal that cannot be written. A relative folder (the default) is relative to where the apply
 * runs, so the next step is another folder to run it from: the CLI has no option for the journal's.
 */
function unwritable(error: unknown, dir: string): unknown {
  const nextStep = isAbsolute(dir)
    ? undefined
    : `run it from another folder, one you can write to (the journal goes in ${dir} there)`;
  const problem = describeFileError(error, { path: dir, ...(nextStep && { nextStep }) });
  return problem === undefined ? error : new FleetError([`cannot write the fleet's journal: ${problem}`]);
}

/** What a journal says of an earlier run of the same fleet. */
export interface JournalState {
  runId: string;
  /** Accounts whose apply ended `converged`. */
  converged: Set<string>;
  /** Accounts started and not done: the crash found them in flight. */
  inFlight: Set<string>;
}

/**
 * The latest run of `fleetFile` in `dir` (run ids sort by their start time), read back; undefined
 * when there is none. A last line cut short by a crash is ignored.
 */
export function readLatestRun(dir: string, fleetFile: string): JournalState | undefined {
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => n.endsWith('.jsonl'));
  } catch {
    return undefined;
  }
  const fleet = resolve(fleetFile);
  for (const name of names.sort().reverse()) {
    const events = readEvents(join(dir, name));
    const first = events[0];
    if (first?.type === 'run' && first.fleet === fleet) return stateOf(first.run, events);
  }
  return undefined;
}

function readEvents(path: string): FleetEvent[] {
  const text = readBoundedFile(path, JOURNAL_LIMITS.maxBytes + 64 * 1024, {
    what: 'journal',
    fail: (problems) => new FleetError(problems),
  });
  return text.split('\n').flatMap((line) => {
    try {
      return line ? [JSON.parse(line) as FleetEvent] : [];
    } catch {
      return [];
    }
  });
}

function stateOf(runId: string, events: FleetEvent[]): JournalState {
  const converged = new Set<string>();
  const inFlight = new Set<string>();
  for (const event of events) {
    if (event.type !== 'account') continue;
    if (event.state === 'start') inFlight.add(event.account);
    else {
      inFlight.delete(event.account);
      if (event.outcome === 'converged') converged.add(event.account);
      else converged.delete(event.account);
    }
  }
  return { runId, converged, inFlight };
}
