import { SpacesError } from '../errors/SpacesError.js';
import {
  AttachIpackInstanceDocument,
  DetachIpackInstanceDocument,
  GetSpaceDocument,
  InstallIpackDocument,
  ListEnvironmentsDocument,
  ListIntegrationPackInstancesDocument,
  ListSpacesDocument,
  UninstallIpackDocument,
} from '../generated/graphql.js';
import type { Execute } from '../client/createExecutor.js';
import type {
  AttachRequest,
  Environment,
  EnvironmentAttachment,
  InstallRequest,
  InstalledInstance,
  IntegrationPackInstance,
  Space,
  SpaceSummary,
} from './types.js';
import { checkInstallAgainstSpace, normaliseEnvironmentIds, normaliseInstallRequest, requireId } from './validate.js';

/** The typed operations of the Spaces API, with the install rules applied before sending. */
export interface SpacesApi {
  /** One Space with its shared packs. Rejects with `SPACE_NOT_FOUND` when there is none. */
  getSpace(id: string): Promise<Space>;
  /** Every Space the authorizing account created. */
  listSpaces(): Promise<SpaceSummary[]>;
  /**
   * Installs a pack. With `spaceId`, checks first that the Space shares the pack and that the
   * override name fits its installation type (SINGLE: none, MULTI: required).
   */
  installIntegrationPack(request: InstallRequest): Promise<InstalledInstance>;
  /** Every installed instance of the account (needs `spaceGuid`). */
  listIntegrationPackInstances(): Promise<IntegrationPackInstance[]>;
  /** Uninstalls an instance; resolves with its id. */
  uninstallIntegrationPack(instanceId: string): Promise<string>;
  /** The account's environments (needs `spaceGuid`). */
  listEnvironments(): Promise<Environment[]>;
  /** Attaches an instance to environments (needs `spaceGuid`). */
  attachIntegrationPackInstance(request: AttachRequest): Promise<EnvironmentAttachment[]>;
  /** Removes one attachment (needs `spaceGuid`); resolves with the platform's answer. */
  detachIntegrationPackInstance(attachmentId: string): Promise<string | null>;
}

const present = <T>(items: ReadonlyArray<T | null> | null | undefined): T[] =>
  (items ?? []).filter((item): item is T => item !== null);

export function createSpacesApi(execute: Execute): SpacesApi {
  async function getSpace(id: string): Promise<Space> {
    const spaceId = requireId(id, 'id');
    const { space } = await execute(GetSpaceDocument, { id: spaceId });
    if (!space) {
      throw new SpacesError(`getSpace: no space with id ${spaceId}`, { code: 'SPACE_NOT_FOUND', operationName: 'getSpace' });
    }
    return space;
  }

  return {
    getSpace,

    async listSpaces() {
      return present((await execute(ListSpacesDocument)).spaces);
    },

    async installIntegrationPack(request) {
      const install = normaliseInstallRequest(request);
      if (install.spaceId !== undefined) checkInstallAgainstSpace(await getSpace(install.spaceId), install);
      const { integrationPackInstanceInstall: instance } = await execute(InstallIpackDocument, {
        input: {
          integrationPackId: install.integrationPackId,
          ...(install.integrationPackOverrideName !== undefined && {
            integrationPackOverrideName: install.integrationPackOverrideName,
          }),
        },
      });
      if (!instance) {
        throw new SpacesError('installIpack: the platform returned no instance', {
          code: 'INVALID_RESPONSE',
          operationName: 'installIpack',
        });
      }
      return instance;
    },

    async listIntegrationPackInstances() {
      return present((await execute(ListIntegrationPackInstancesDocument)).integrationPackInstances);
    },

    async uninstallIntegrationPack(instanceId) {
      const id = requireId(instanceId, 'instanceId');
      const { integrationPackInstanceUninstall } = await execute(UninstallIpackDocument, { id });
      return integrationPackInstanceUninstall ?? id;
    },

    async listEnvironments() {
      return present((await execute(ListEnvironmentsDocument)).environments);
    },

    async attachIntegrationPackInstance(request) {
      const integrationPackInstanceId = requireId(request?.integrationPackInstanceId, 'integrationPackInstanceId');
      const environmentIds = normaliseEnvironmentIds(request.environmentIds);
      const result = await execute(AttachIpackInstanceDocument, { input: { integrationPackInstanceId, environmentIds } });
      return present(result.integrationPackInstanceEnvironmentAttachmentAttach);
    },

    async detachIntegrationPackInstance(attachmentId) {
      const id = requireId(attachmentId, 'attachmentId');
      return (await execute(DetachIpackInstanceDocument, { id })).integrationPackInstanceEnvironmentAttachmentUnattach;
    },
  };
}
