import type { ExecutionHistoryStatus } from '../../generated/graphql.js';
import type { EnvironmentExtensions, ExtensionChanges, MapExtension } from '../payloads/extensions.js';
import type { ProcessSchedules, RetryPolicy, Schedule } from '../payloads/schedules.js';

export type { ExecutionHistoryStatus as ExecutionStatus } from '../../generated/graphql.js';

/** A process an instance brought, with its schedules on the atom it is deployed to (null when it is not). */
export interface Process {
  id: string;
  name: string;
  integrationPackId: string | null;
  integrationPackInstanceId: string | null;
  processSchedules: ProcessSchedules | null;
}

/** An instance's extensions in one environment. */
export interface AttachmentExtensions {
  integrationPackInstanceId: string;
  environmentId: string;
  /** Connections and process properties; null when the pack has nothing to extend there. */
  extensions: EnvironmentExtensions | null;
  /** Map extensions (empty entries dropped). */
  mapExtensions: MapExtension[];
}

/** What `updateExtensions` changes, in an environment of an instance. */
export interface UpdateExtensionsRequest extends ExtensionChanges {
  instanceId: string;
  environmentId: string;
  /**
   * Sends a full replace instead of a partial update: every connection field and process property
   * not named goes back to its default or empty. Never needed to change some settings; default false.
   */
  resetUnspecified?: boolean | undefined;
}

/** One setting an update changes (or a plan would change). Secrets never carry their value. */
export interface ExtensionChange {
  kind: 'connection' | 'processProperty';
  /** The connection's or process property component's name. */
  component: string;
  /** The field's id or the property's label (its key when it has no label). */
  setting: string;
  /** The value in effect now; for a secret `(secret)` (one is set) or `(not set)`. */
  from: string;
  /** The value asked for: `(default)` for the pack's default, `(secret)` for a secret. */
  to: string;
  /** A secret by its field (encrypted) or by its source (`{ secret }`): never shown. */
  secret: boolean;
}

/** What `updateExtensions` did. */
export interface UpdateExtensionsResult {
  /** The changes sent; empty when everything already was as asked (then nothing was sent). */
  changes: ExtensionChange[];
  /** The extensions after the update (as the platform answered, or as read when nothing was sent). */
  extensions: EnvironmentExtensions;
}

/** The schedules to give a process; every schedule it had before is replaced. */
export interface UpdateSchedulesRequest {
  instanceId: string;
  /** The process's id (from `listProcesses`). */
  processId: string;
  /** Typed schedules or 5-field cron lines (see `cronToSchedule`); an empty list removes them all. */
  schedules: ReadonlyArray<Schedule | string>;
  /** Retries of failed scheduled runs; default: kept as they are. */
  retry?: RetryPolicy | undefined;
}

/** One execution of a process, from the execution history; sizes and durations as numbers. */
export interface Execution {
  /** `execution-<uuid>-<yyyy.MM.dd>`. */
  executionId: string;
  originalExecutionId: string | null;
  account: string | null;
  /** `yyyy-MM-ddTHH:mm:ssZ`. */
  executionTime: string;
  status: ExecutionHistoryStatus;
  /** exec_listener, exec_manual, exec_sched, retry_manual, retry_sched, sub_process or test_manual. */
  executionType: string | null;
  processName: string | null;
  atomName: string | null;
  atomId: string | null;
  message: string | null;
  inboundDocumentCount: number | null;
  inboundErrorDocumentCount: number | null;
  outboundDocumentCount: number | null;
  /** Milliseconds (Boomi sends `["Long", "5816"]`). */
  executionDuration: number | null;
  /** Bytes. */
  inboundDocumentSize: number | null;
  /** Bytes. */
  outboundDocumentSize: number | null;
}

/** Which executions to list. */
export interface ListExecutionsRequest {
  processId: string;
  /** Executions at or after this time (a Date, or an ISO-8601 string). */
  since: Date | string;
  /** Only this state; default: every state (one request asks for all of them). */
  status?: ExecutionHistoryStatus | undefined;
}

/** The states after which an execution changes no more. */
export const FINAL_STATUSES: ReadonlySet<ExecutionHistoryStatus> = new Set([
  'COMPLETE',
  'COMPLETE_WARN',
  'ERROR',
  'ABORTED',
  'DISCARDED',
]);

/** A process to start on an atom. */
export interface RunRequest {
  processId: string;
  atomId: string;
}

/** What `executeProcess` returns. */
export interface ExecuteResult {
  /** The platform's acceptance; absent when the answer was lost and the run was found in the history. */
  request?: { requestId: string; recordUrl?: string };
  /** The execution, once the history shows it (always after a reconciliation). */
  execution?: Execution;
  /** True when the answer was lost and the run was found in the execution history instead. */
  reconciled: boolean;
}

/** A Space account as `listSpaceAccounts` returns it. */
export interface SpaceAccount {
  id: string;
  name: string;
}

/** A Space as the publishing operations return it. */
export interface PublishedSpace {
  id: string;
  name: string;
  description: string | null;
  url: string | null;
  accountGroup: { id: string | null; name: string | null } | null;
}

/** A new Space (the publisher's side). The logo upload is not supported yet. */
export interface CreateSpaceRequest {
  name: string;
  description?: string | undefined;
  accountGroupId: string;
  integrationPackIds?: string[] | undefined;
  accountIds?: string[] | undefined;
  logoAltTxt?: string | undefined;
}

/** A Space's new name and description. */
export interface UpdateSpaceRequest {
  id: string;
  name: string;
  description?: string | undefined;
}
