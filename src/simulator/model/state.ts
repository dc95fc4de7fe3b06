import type { EnvironmentClassification, InstallationType } from '../../generated/schema-types.js';

/** A pack known to the platform. */
export interface SimPack {
  id: string;
  name: string;
  description: string;
  installationType: InstallationType;
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
  classification: EnvironmentClassification;
  atoms: Array<{ id: string; name: string }>;
}

/** An instance attached to an environment. */
export interface SimAttachment {
  id: string;
  environmentId: string;
  integrationPackInstanceId: string;
  environmentExtensions: string | null;
}

/** Everything the fake platform knows; plain data, so tests can seed and inspect it. */
export interface SimState {
  accountId: string;
  packs: SimPack[];
  spaces: SimSpace[];
  instances: SimInstance[];
  environments: SimEnvironment[];
  attachments: SimAttachment[];
  /** The number in the next instance id (ids look like base64 of `IntegrationPackInstance<n>`). */
  nextInstanceNumber: number;
  nextAttachmentNumber: number;
}
