import {
  applyExtensionsUpdate,
  applyMapExtensionsUpdate,
  attachmentOfExtension,
  bulkResult,
  extensionsJson,
  extensionsObject,
  missingRequiredField,
} from './extensions.js';
import { PlatformError } from './PlatformError.js';
import {
  deploymentOf,
  executionView,
  newRunIds,
  parseSchedulesId,
  processesOf,
  readSchedulesBody,
  schedulesId,
  schedulesOf,
  statusOf,
} from './processes.js';
import type { CallContext, SpacesPlatform } from './SpacesPlatform.js';
import type { SimInstance } from './state.js';

/**
 * The lifecycle after the install, over the same state as the install rules: processes and their
 * schedules, extensions per environment attachment, runs that move STARTED → INPROCESS → a final
 * status on the platform's clock, and the Space's accounts.
 */
export class Lifecycle {
  constructor(private readonly platform: SpacesPlatform) {}

  get #state() {
    return this.platform.state;
  }

  processes(instanceId: string | null | undefined, context: CallContext) {
    this.platform.requireSpaceGuid(context, 'integrationPackInstanceProcesses');
    const instance = this.platform.findInstance(instanceId ?? '');
    const pack = this.platform.packOf(instance);
    const deployment = deploymentOf(this.#state, instance);
    return processesOf(pack, instance).map((process) => ({
      id: process.id,
      name: process.name,
      // A list, as the published answer shows it.
      integrationPack: [{ integrationPackId: pack.id, integrationPackInstanceId: instance.id }],
      processSchedules: deployment ? this.#schedulesView(deployment.atomId, process.id, deployment.envId) : null,
    }));
  }

  #schedulesView(atomId: string, processId: string, envId: string | null) {
    const stored = schedulesOf(this.#state, atomId, processId);
    return {
      id: schedulesId(atomId, processId),
      processId,
      atomId,
      envId,
      schedule: stored.schedule,
      retry: stored.retry,
    };
  }

  updateSchedules(text: string, id: string, context: CallContext) {
    this.platform.requireSpaceGuid(context, 'processSchedulesUpdate');
    const { atomId, processId } = parseSchedulesId(id);
    const { instance } = this.#findProcess(processId);
    const deployment = deploymentOf(this.#state, instance);
    if (deployment?.atomId !== atomId)
      throw new PlatformError('INVALID_PROCESS_SCHEDULES_ID', `Process ${processId} is not deployed to atom ${atomId}`);
    this.#state.schedules[`${atomId}:${processId}`] = { processId, atomId, ...readSchedulesBody(text) };
    return this.#schedulesView(atomId, processId, deployment.envId);
  }

  extensions(instanceId: string, environmentIds: readonly string[], context: CallContext) {
    this.platform.requireSpaceGuid(context, 'integrationPackEnvironmentAttachments');
    const instance = this.platform.findInstance(instanceId);
    return environmentIds.flatMap((environmentId) => {
      const attachment = this.#state.attachments.find(
        (a) => a.environmentId === environmentId && a.integrationPackInstanceId === instance.id,
      );
      if (!attachment) return [];
      const maps = attachment.settings?.maps ?? [];
      return [
        {
          integrationPackInstanceId: instance.id,
          environmentExtensions: extensionsJson(this.#state, attachment),
          // The platform sends "" for an attachment without map extensions.
          environmentMapExtension: maps.length === 0 ? [''] : [bulkResult(maps)],
        },
      ];
    });
  }

  updateExtensions(input: ReadonlyArray<{ extensions: string; envExtensionId: string }>, context: CallContext) {
    this.platform.requireSpaceGuid(context, 'extensionsUpdate');
    return input.map(({ extensions, envExtensionId }) => {
      const attachment = attachmentOfExtension(this.#state, envExtensionId);
      applyExtensionsUpdate(this.#state, attachment, extensions);
      return JSON.stringify(extensionsObject(this.#state, attachment));
    });
  }

  updateMapExtensions(input: ReadonlyArray<{ extensions: string; envExtensionId: string }>, context: CallContext) {
    this.platform.requireSpaceGuid(context, 'extendedMappersUpdate');
    return input.map(({ extensions, envExtensionId }) =>
      applyMapExtensionsUpdate(attachmentOfExtension(this.#state, envExtensionId), extensions),
    );
  }

  #findProcess(processId: string): { instance: SimInstance; name: string } {
    for (const instance of this.#state.instances) {
      const process = processesOf(this.platform.packOf(instance), instance).find((p) => p.id === processId);
      if (process) return { instance, name: process.name };
    }
    throw new PlatformError('PROCESS_NOT_FOUND', `No process with id ${processId} in this account`);
  }

  /** Starts a run; it ends in ERROR when a required connection field is unset in that environment. */
  execute(input: { atomId: string; processId: string }, context: CallContext): string {
    this.platform.requireSpaceGuid(context, 'processExecute');
    const { instance, name } = this.#findProcess(input.processId);
    const environment = this.#state.environments.find((e) => e.atoms.some((a) => a.id === input.atomId));
    if (!environment) throw new PlatformError('ATOM_NOT_FOUND', `No atom with id ${input.atomId}`);
    const attachment = this.#state.attachments.find(
      (a) => a.environmentId === environment.id && a.integrationPackInstanceId === instance.id,
    );
    if (!attachment) {
      throw new PlatformError(
        'PROCESS_NOT_DEPLOYED',
        `Process "${name}" is not deployed to atom ${input.atomId}: attach its instance to environment "${environment.name}"`,
      );
    }
    const now = this.platform.now();
    const { executionId, requestId } = newRunIds(now);
    const missing = missingRequiredField(this.platform.packOf(instance), attachment);
    this.#state.executions.push({
      executionId,
      processId: input.processId,
      processName: name,
      atomId: input.atomId,
      atomName: environment.atoms.find((a) => a.id === input.atomId)!.name,
      executionType: 'exec_manual',
      startedAt: now,
      outcome: missing ? 'ERROR' : 'COMPLETE',
      message: missing
        ? `Connection "${missing.connection}": the required field "${missing.field}" is not set in environment "${environment.name}"`
        : 'Completed',
    });
    return JSON.stringify({
      '@type': 'ExecutionRequest',
      processId: input.processId,
      atomId: input.atomId,
      requestId,
      recordUrl: `https://platform.boomi.com/api/rest/v1/${this.#state.accountId}/ExecutionRecord/async/${requestId}`,
    });
  }

  history(input: { processId: string; executionTime: string; status: string }, context: CallContext) {
    this.platform.requireSpaceGuid(context, 'executionHistory');
    const since = Date.parse(input.executionTime);
    if (Number.isNaN(since)) throw new PlatformError('INVALID_EXECUTION_TIME', `Not a time: ${input.executionTime}`);
    const now = this.platform.now();
    // The history's times have whole seconds: "at or after" compares at that precision.
    return this.#state.executions
      .filter((e) => e.processId === input.processId && Math.floor(e.startedAt / 1000) * 1000 >= since)
      .filter((e) => statusOf(e, now) === input.status)
      .map((e) => executionView(e, now, this.#state.accountId));
  }

  accounts(criteria: { operator: string; argument: string } | null | undefined, context: CallContext) {
    this.platform.requireSpaceGuid(context, 'spaceAccounts');
    const argument = criteria?.argument.toLowerCase() ?? '';
    return this.#state.accounts.filter((account) => {
      const name = account.name.toLowerCase();
      return criteria?.operator === 'STARTSWITH' ? name.startsWith(argument) : name.includes(argument);
    });
  }

  oauthDetails(
    input: { integrationPackInstanceId: string; envId: string; processId: string; connectionId: string },
    context: CallContext,
  ) {
    this.platform.requireSpaceGuid(context, 'IPackInstanceOAuthConnectorDetails');
    const instance = this.platform.findInstance(input.integrationPackInstanceId);
    const connection = this.platform.packOf(instance).definition?.connections.find((c) => c.id === input.connectionId);
    if (!connection?.oauth) return null;
    const { baseURL, clientId, companyId, scope } = connection.oauth;
    return {
      id: Buffer.from(`${instance.id}:${input.envId}:${connection.id}`).toString('base64'),
      integrationPackInstanceId: instance.id,
      envId: input.envId,
      isTokenGenerated: false,
      connectionId: connection.id,
      processId: input.processId,
      oauthConnectorDetails: JSON.stringify({
        baseURL,
        clientId,
        companyId: companyId ?? '',
        authParams: { scope: scope ?? '', response_type: 'code' },
        // The platform keeps the client secret as a dummy.
        accessTokenParams: { grant_type: 'authorization_code', client_secret: 'dummy-client-secret' },
      }),
    };
  }

  /** Stores nothing a later read shows: the answer echoes the settings, the client secret as a dummy. */
  saveOauthDetails(
    input: {
      integrationPackInstanceId: string;
      isTokenGenerated?: boolean | null;
      oauthConnectorDetails?: string | null;
      processId: string;
      envId: string;
      connectionId: string;
      catalogGuid: string;
      clientId?: string | null;
      clientSecret?: string | null;
    },
    context: CallContext,
  ) {
    this.platform.requireSpaceGuid(context, 'saveIPackInstanceOauthConnectorDetails');
    const instance = this.platform.findInstance(input.integrationPackInstanceId);
    const connection = this.platform.packOf(instance).definition?.connections.find((c) => c.id === input.connectionId);
    if (!connection?.oauth)
      throw new PlatformError('CONNECTION_NOT_FOUND', `Connection ${input.connectionId} has no OAuth settings`);
    let parsed: unknown = {};
    try {
      if (input.oauthConnectorDetails) parsed = JSON.parse(input.oauthConnectorDetails);
    } catch {
      parsed = undefined;
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
      throw new PlatformError('INVALID_OAUTH_DETAILS', 'oauthConnectorDetails is not a JSON object');
    const details = parsed as Record<string, unknown>;
    const accessTokenParams = { ...(details.accessTokenParams as object | undefined) };
    if (input.clientSecret || 'client_secret' in accessTokenParams)
      Object.assign(accessTokenParams, { client_secret: 'dummy-client-secret' });
    return {
      id: Buffer.from(`${instance.id}:${input.envId}:${connection.id}`).toString('base64'),
      integrationPackInstanceId: instance.id,
      isTokenGenerated: input.isTokenGenerated ?? false,
      oauthConnectorDetails: JSON.stringify({
        ...details,
        ...(input.clientId && { clientId: input.clientId }),
        accessTokenParams,
      }),
      processId: input.processId,
      envId: input.envId,
      connectionId: connection.id,
      catalogGuid: input.catalogGuid,
    };
  }
}
