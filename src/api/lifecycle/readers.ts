import { SpacesError } from '../../errors/SpacesError.js';
import type {
  ExecutionFieldsFragment,
  GetExtensionsQuery,
  ListProcessesQuery,
  ProcessSchedulesFieldsFragment,
  ScheduleFieldsFragment,
} from '../../generated/graphql.js';
import { environmentExtensionsSchema, mapExtensionsSchema } from '../payloads/extensions.js';
import { parseJsonField } from '../payloads/jsonField.js';
import { typedNumber } from '../payloads/primitives.js';
import type { ProcessSchedules, Schedule } from '../payloads/schedules.js';
import { oneOf, Reader } from '../results.js';
import type { AttachmentExtensions, Execution, Process } from './types.js';

type Item<T> = NonNullable<NonNullable<T>[number & keyof NonNullable<T>]>;

function schedulesOf(list: ReadonlyArray<ScheduleFieldsFragment | null> | null | undefined): Schedule[] {
  return (list ?? []).flatMap((s) =>
    s
      ? [
          {
            minutes: s.minutes ?? '*',
            hours: s.hours ?? '*',
            daysOfWeek: s.daysOfWeek ?? '*',
            daysOfMonth: s.daysOfMonth ?? '*',
            months: s.months ?? '*',
            years: s.years ?? '*',
          },
        ]
      : [],
  );
}

/** A ProcessSchedules object; its id, process and atom are what an update needs. */
export function processSchedulesOf(raw: ProcessSchedulesFieldsFragment, read: Reader, at: string): ProcessSchedules {
  return {
    id: read.present(raw.id, `${at}.id`),
    processId: read.present(raw.processId, `${at}.processId`),
    atomId: read.present(raw.atomId, `${at}.atomId`),
    envId: raw.envId,
    schedule: schedulesOf(raw.schedule),
    retry: { schedule: schedulesOf(raw.retry?.schedule), maxRetry: raw.retry?.maxRetry ?? null },
  };
}

export function processesOf(raw: ListProcessesQuery['processes']): Process[] {
  const read = new Reader('listProcesses');
  return read.list(raw, 'processes', (p: Item<ListProcessesQuery['processes']>, at) => {
    // A list in the published answer; one object is read as well.
    const pack = oneOf(p.integrationPack);
    return {
      id: read.present(p.id, `${at}.id`),
      name: read.present(p.name, `${at}.name`),
      integrationPackId: pack?.integrationPackId ?? null,
      integrationPackInstanceId: pack?.integrationPackInstanceId ?? null,
      processSchedules: p.processSchedules
        ? processSchedulesOf(p.processSchedules, read, `${at}.processSchedules`)
        : null,
    };
  });
}

/** Each attachment's JSON strings parsed and checked; an empty string means nothing. */
export function attachmentExtensionsOf(
  raw: GetExtensionsQuery['attachments'],
  instanceId: string,
  environmentIds: readonly string[],
): AttachmentExtensions[] {
  const operationName = 'getExtensions';
  const read = new Reader(operationName);
  return read.list(raw, 'attachments', (a: Item<GetExtensionsQuery['attachments']>, at, index) => {
    const text = a.environmentExtensions;
    const extensions =
      text === null || text.trim() === ''
        ? null
        : parseJsonField(environmentExtensionsSchema, text, { operationName, field: `${at}.environmentExtensions` });
    const mapExtensions = (a.environmentMapExtension ?? []).flatMap((entry, i) =>
      entry === null || entry.trim() === ''
        ? []
        : parseJsonField(mapExtensionsSchema, entry, { operationName, field: `${at}.environmentMapExtension[${i}]` }),
    );
    return {
      integrationPackInstanceId: a.integrationPackInstanceId ?? instanceId,
      // Without extensions the answer does not say its environment: the request's order tells.
      environmentId: extensions?.environmentId ?? environmentIds[index] ?? '',
      extensions,
      mapExtensions,
    };
  });
}

export function executionOf(raw: ExecutionFieldsFragment, read: Reader, at: string): Execution {
  const number = (value: ReadonlyArray<string | null> | null, field: string) => {
    const parsed = typedNumber(value);
    if (parsed === undefined) {
      throw new SpacesError(`${read.operationName}: ${at}.${field} is not a typed number such as ["Long", "5816"]`, {
        code: 'INVALID_RESPONSE',
        operationName: read.operationName,
        mayHaveExecuted: true,
      });
    }
    return parsed;
  };
  return {
    executionId: read.present(raw.executionId, `${at}.executionId`),
    originalExecutionId: raw.originalExecutionId,
    account: raw.account,
    executionTime: read.present(raw.executionTime, `${at}.executionTime`),
    status: read.present(raw.status, `${at}.status`),
    executionType: raw.executionType,
    processName: raw.processName,
    atomName: raw.atomName,
    atomId: raw.atomId,
    message: raw.message,
    inboundDocumentCount: raw.inboundDocumentCount,
    inboundErrorDocumentCount: raw.inboundErrorDocumentCount,
    outboundDocumentCount: raw.outboundDocumentCount,
    executionDuration: number(raw.executionDuration, 'executionDuration'),
    inboundDocumentSize: number(raw.inboundDocumentSize, 'inboundDocumentSize'),
    outboundDocumentSize: number(raw.outboundDocumentSize, 'outboundDocumentSize'),
  };
}
