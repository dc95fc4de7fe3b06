import { createHash, randomUUID } from 'node:crypto';
import { PlatformError } from './PlatformError.js';
import type { SimExecution, SimInstance, SimPack, SimSchedule, SimSchedules, SimState } from './state.js';

/** A process of an instance: MULTI instances get their own (wrapper) ids, SINGLE ones keep the pack's. */
export interface InstanceProcess {
  id: string;
  originalId: string;
  name: string;
}

/** A stable GUID-shaped id derived from the parts. */
function derivedId(...parts: string[]): string {
  const hex = createHash('sha256').update(parts.join(':')).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export function processesOf(pack: SimPack, instance: SimInstance): InstanceProcess[] {
  return (pack.definition?.processes ?? []).map((p) => ({
    id: pack.installationType === 'MULTI' ? derivedId('wrapper', instance.id, p.id) : p.id,
    originalId: p.id,
    name: p.name,
  }));
}

/** The extension group of an instance: its first wrapper process (MULTI), or the instance (SINGLE). */
export function extensionGroupOf(pack: SimPack, instance: SimInstance): string {
  return pack.installationType === 'MULTI' ? (processesOf(pack, instance)[0]?.id ?? instance.id) : instance.id;
}

/** Where an instance's processes run: the first atom of the first environment it is attached to. */
export function deploymentOf(state: SimState, instance: SimInstance): { envId: string; atomId: string } | undefined {
  for (const attachment of state.attachments.filter((a) => a.integrationPackInstanceId === instance.id)) {
    const atom = state.environments.find((e) => e.id === attachment.environmentId)?.atoms[0];
    if (atom) return { envId: attachment.environmentId, atomId: atom.id };
  }
  return undefined;
}

const base64url = (text: string) => Buffer.from(text).toString('base64url');

/** Schedule ids decode to `CPS<atomId>:<processId>`, as the samples' ids do. */
export function schedulesId(atomId: string, processId: string): string {
  return base64url(`CPS${atomId}:${processId}`);
}

export function parseSchedulesId(id: string): { atomId: string; processId: string } {
  const decoded = Buffer.from(id, 'base64url').toString('utf8');
  const match = /^CPS([^:]+):(.+)$/.exec(decoded);
  if (!match) throw new PlatformError('INVALID_PROCESS_SCHEDULES_ID', `No process schedules with id ${id}`);
  return { atomId: match[1]!, processId: match[2]! };
}

/** The schedules of a process on an atom; a deployed process has an (empty) object from the start. */
export function schedulesOf(state: SimState, atomId: string, processId: string): SimSchedules {
  return (
    state.schedules[`${atomId}:${processId}`] ?? {
      processId,
      atomId,
      schedule: [],
      retry: { schedule: [], maxRetry: 5 },
    }
  );
}

const CRON_FIELD = /^[0-9*,/-]{1,100}$/;

/** Boomi's ProcessSchedules JSON (capitalised keys), checked as the platform would. */
export function readSchedulesBody(text: string): { schedule: SimSchedule[]; retry: SimSchedules['retry'] } {
  let body: Record<string, unknown>;
  try {
    body = JSON.parse(text) as Record<string, unknown>;
  } catch {
    throw new PlatformError('INVALID_PROCESS_SCHEDULES', 'processSchedules is not valid JSON');
  }
  const list = (value: unknown, where: string): SimSchedule[] => {
    if (value === undefined) return [];
    if (!Array.isArray(value)) throw new PlatformError('INVALID_PROCESS_SCHEDULES', `${where} must be a list`);
    return value.map((item: Record<string, unknown>, i) => {
      const out = {} as SimSchedule;
      for (const key of ['minutes', 'hours', 'daysOfWeek', 'daysOfMonth', 'months', 'years'] as const) {
        const field = item?.[key] ?? (key === 'years' ? '*' : undefined);
        if (typeof field !== 'string' || !CRON_FIELD.test(field))
          throw new PlatformError('INVALID_PROCESS_SCHEDULES', `${where}[${i}].${key} is not a schedule field`);
        out[key] = field;
      }
      return out;
    });
  };
  const retry = (body.Retry ?? {}) as Record<string, unknown>;
  const maxRetry = retry.maxRetry ?? 5;
  if (typeof maxRetry !== 'number' || !Number.isInteger(maxRetry) || maxRetry < 1 || maxRetry > 5)
    throw new PlatformError('INVALID_PROCESS_SCHEDULES', 'Retry.maxRetry must be from 1 to 5');
  return {
    schedule: list(body.Schedule, 'Schedule'),
    retry: { schedule: list(retry.Schedule, 'Retry.Schedule'), maxRetry },
  };
}

/** How long a run spends STARTED, then INPROCESS, before its final status (simulated time). */
export const RUN_PHASES_MS = { started: 500, inProcess: 1000 } as const;

export function statusOf(execution: SimExecution, now: number): string {
  const elapsed = now - execution.startedAt;
  if (elapsed < RUN_PHASES_MS.started) return 'STARTED';
  if (elapsed < RUN_PHASES_MS.started + RUN_PHASES_MS.inProcess) return 'INPROCESS';
  return execution.outcome;
}

/** The execution as the schema's ExecutionHistory type shows it. */
export function executionView(execution: SimExecution, now: number, accountId: string) {
  const status = statusOf(execution, now);
  const final = status === 'COMPLETE' || status === 'ERROR';
  const documents = final && status === 'COMPLETE' ? 12 : 0;
  const typed = (n: number) => (final ? ['Long', String(n)] : null);
  return {
    executionId: execution.executionId,
    originalExecutionId: execution.executionId,
    account: accountId,
    executionTime: new Date(execution.startedAt).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    status,
    executionType: execution.executionType,
    processName: execution.processName,
    atomName: execution.atomName,
    atomId: execution.atomId,
    message: final ? execution.message : '',
    inboundDocumentCount: documents,
    inboundErrorDocumentCount: status === 'ERROR' ? 1 : 0,
    outboundDocumentCount: documents,
    executionDuration: typed(RUN_PHASES_MS.started + RUN_PHASES_MS.inProcess),
    inboundDocumentSize: typed(documents * 1450),
    outboundDocumentSize: typed(documents * 980),
  };
}

/** A new run's ids: `execution-<uuid>-<yyyy.MM.dd>` and the request's `executionrecord-<uuid>`. */
export function newRunIds(now: number): { executionId: string; requestId: string } {
  const day = new Date(now).toISOString().slice(0, 10).replace(/-/g, '.');
  return { executionId: `execution-${randomUUID()}-${day}`, requestId: `executionrecord-${randomUUID()}` };
}
