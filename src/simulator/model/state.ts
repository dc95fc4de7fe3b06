import type { Classification, InstallationType } from '../../generated/schema-types.js';

/** A pack known to the platform. */
export interface SimPack {
  id: string;
  name: string;
  description: string;
  installationType: InstallationType;
  /** What an install brings: processes, connections, process properties. Default: nothing. */
  definition?: SimPackDefinition;
}

/** One field of a connection a pack brings. */
export interface SimConnectionField {
  id: string;
  /** A run fails while a required field has neither a value nor a default. */
  required?: boolean;
  /** Encrypted fields (passwords) are never returned, only whether they are set. */
  encrypted?: boolean;
  /** The pack's default value. */
  default?: string;
}

/** What installing a pack brings into an account. */
export interface SimPackDefinition {
  processes: Array<{ id: string; name: string }>;
  connections: Array<{
    id: string;
    name: string;
    fields: SimConnectionField[];
    /** An OAuth 2.0 connection: its settings as `IPackInstanceOAuthConnectorDetails` returns them. */
    oauth?: { baseURL: string; clientId: string; companyId?: string; scope?: string };
  }>;
  processProperties: Array<{
    id: string;
    name: string;
    properties: Array<{ key: string; label: string; default?: string }>;
  }>;
}

/** One setting of an instance in an environment: a value, or the pack's default. */
export interface SimSetting {
  value: string;
  useDefault: boolean;
}

/** The settings of an instance in one environment (what the extensions show and updates change). */
export interface SimSettings {
  /** Connection id → field id → setting. */
  connections: Record<string, Record<string, SimSetting>>;
  /** Process property component id → property key → setting. */
  properties: Record<string, Record<string, SimSetting>>;
  /** Map extensions as sent (JSON objects). */
  maps: Array<Record<string, unknown>>;
}

/** The schedules of a process on an atom. */
export interface SimSchedules {
  processId: string;
  atomId: string;
  schedule: SimSchedule[];
  retry: { schedule: SimSchedule[]; maxRetry: number };
}

/**
 * One cron-like schedule in Boomi's fields. Written out here rather than imported from the SDK's
 * `Schedule` (structurally the same): the simulator is an app and must not depend on the SDK's api layer.
 */
export interface SimSchedule {
  minutes: string;
  hours: string;
  daysOfWeek: string;
  daysOfMonth: string;
  months: string;
  years: string;
}

/** One run of a process; its status follows from the time since it started. */
export interface SimExecution {
  executionId: string;
  processId: string;
  processName: string;
  atomId: string;
  atomName: string;
  executionType: string;
  /** Epoch ms. */
  startedAt: number;
  /** How it ends, decided when it starts (from the settings at that moment). */
  outcome: 'COMPLETE' | 'ERROR';
  message: string;
}

/** An account that has access to a Space. */
export interface SimAccount {
  id: string;
  name: string;
}

/** A Space and the packs it shares. */
export interface SimSpace {
  id: string;
  name: string;
  description: string;
  createdDate: string;
  createdByAccountId: string;
  modifiedDate: string;
  modifiedByAccountId: string;
  url: string;
  sharedPackIds: string[];
  accountGroup: { id: string; name: string };
  theme: { logoUrl: string | null; logoAltTxt: string | null };
}

/** An installed instance. */
export interface SimInstance {
  id: string;
  integrationPackId: string;
  integrationPackOverrideName: string | null;
}

/** An environment and its atoms. */
export interface SimEnvironment {
  id: string;
  name: string;
  /** Null: environments without a classification exist in real accounts. */
  classification: Classification | null;
  atoms: Array<{ id: string; name: string }>;
}

/** An instance attached to an environment. */
export interface SimAttachment {
  id: string;
  environmentId: string;
  integrationPackInstanceId: string;
  /** The settings made in this environment; absent until the first update (defaults apply). */
  settings?: SimSettings;
}

/** Everything the fake platform knows; plain data, so tests can seed and inspect it. */
export interface SimState {
  accountId: string;
  packs: SimPack[];
  spaces: SimSpace[];
  instances: SimInstance[];
  environments: SimEnvironment[];
  attachments: SimAttachment[];
  /** Schedules by `<atomId>:<processId>`. */
  schedules: Record<string, SimSchedules>;
  executions: SimExecution[];
  /** Accounts that have access to the Spaces. */
  accounts: SimAccount[];
  /** Ids of deleted Spaces (a second delete is SPACE_IS_DELETED). */
  deletedSpaceIds: string[];
  /** The number in the next instance id (ids look like base64 of `IntegrationPackInstance<n>`). */
  nextInstanceNumber: number;
  nextAttachmentNumber: number;
}
