import { SpacesError, SpacesInputError } from '../../errors/SpacesError.js';
import {
  GetExtensionsDocument,
  ListProcessesDocument,
  UpdateExtensionsDocument,
  UpdateMapExtensionsDocument,
  UpdateProcessSchedulesDocument,
} from '../../generated/graphql.js';
import type { SecretRedactor } from '../../security/SecretRedactor.js';
import type { CallOptions } from '../../client/callOptions.js';
import type { Execute } from '../../executor/createExecutor.js';
import { fixDeadline } from '../callDeadline.js';
import {
  environmentExtensionsSchema,
  extensionsUpdateBody,
  isSecretValue,
  mapExtensionsSchema,
  textOf,
  type EnvironmentExtensions,
  type ExtensionValue,
  type MapExtension,
} from '../payloads/extensions.js';
import { parseJsonField } from '../payloads/jsonField.js';
import {
  checkMaxRetry,
  checkSchedules,
  cronToSchedule,
  processSchedulesBody,
  type ProcessSchedules,
  type Schedule,
} from '../payloads/schedules.js';
import { Reader } from '../results.js';
import { normaliseEnvironmentIds, requireId } from '../validate.js';
import { resolveExtensionChanges } from './extensionChanges.js';
import { attachmentExtensionsOf, processesOf, processSchedulesOf } from './readers.js';
import type {
  AttachmentExtensions,
  Process,
  UpdateExtensionsRequest,
  UpdateExtensionsResult,
  UpdateSchedulesRequest,
} from './types.js';

/** Configuring installed instances: processes and schedules, connections and process properties. */
export interface ConfigureApi {
  /** The processes an instance brought, with their schedules (needs `spaceGuid`). */
  listProcesses(instanceId: string, options?: CallOptions): Promise<Process[]>;
  /**
   * An instance's extensions in some environments: connections (encrypted fields never carry a
   * value), process properties and map extensions, parsed from the JSON strings the API sends.
   */
  getExtensions(
    instanceId: string,
    environmentIds: readonly string[],
    options?: CallOptions,
  ): Promise<AttachmentExtensions[]>;
  /**
   * Changes some connection fields and process properties of an instance in one environment, by
   * name or id. Sends a **partial** update naming only the settings that differ from what is set,
   * so every other setting stays as it is; sends nothing when all already are as asked. A full
   * replace (every setting not named goes back to its default) only with `resetUnspecified: true`.
   * Values of encrypted fields, and values given as `{ secret }` (a secret by its source, whatever the
   * field), are given to the client's redactor before anything is sent and shown as `(secret)`.
   *
   * @example
   * ```ts
   * await client.updateExtensions({
   *   instanceId,
   *   environmentId,
   *   connections: { SFTP: { host: 'sftp.acme.example', password: process.env.SFTP_PASSWORD! } },
   *   processProperties: { 'Invoice settings': { 'Batch size': '50' } },
   * });
   * ```
   */
  updateExtensions(request: UpdateExtensionsRequest, options?: CallOptions): Promise<UpdateExtensionsResult>;
  /**
   * Replaces a process's schedules (typed, or 5-field cron lines). The retry settings are kept unless
   * given. An empty list removes every schedule.
   *
   * @example
   * ```ts
   * await client.updateSchedules({ instanceId, processId, schedules: ['0-59/15 8-18 * * 1-5'] });
   * ```
   */
  updateSchedules(request: UpdateSchedulesRequest, options?: CallOptions): Promise<ProcessSchedules>;
  /**
   * Sends map extensions (EnvironmentMapExtension objects, each with its `id`) for an instance in an
   * environment; resolves with the map extensions the platform answers, parsed from its BulkResult.
   */
  updateMapExtensions(request: UpdateMapExtensionsRequest, options?: CallOptions): Promise<MapExtension[]>;
}

/** Map extensions to send for an instance in one environment. */
export interface UpdateMapExtensionsRequest {
  instanceId: string;
  environmentId: string;
  /** EnvironmentMapExtension objects as Boomi defines them, each with its `id`. */
  maps: ReadonlyArray<Record<string, unknown>>;
}

export interface ConfigureDeps {
  execute: Execute;
  redactor: SecretRedactor;
  /** A call's options for the reads that decide what to send: patient, as reconciliation listings are. */
  patient: (options?: CallOptions) => CallOptions;
}

export function createConfigureApi({ execute, redactor, patient }: ConfigureDeps): ConfigureApi {
  const listProcesses = async (instanceId: string, options?: CallOptions) =>
    processesOf(
      (await execute(ListProcessesDocument, { instanceId: requireId(instanceId, 'instanceId') }, options)).processes,
    );

  async function getExtensions(instanceId: string, environmentIds: readonly string[], options?: CallOptions) {
    const id = requireId(instanceId, 'instanceId');
    const ids = normaliseEnvironmentIds(environmentIds);
    const { attachments } = await execute(GetExtensionsDocument, { instanceId: id, environmentIds: ids }, options);
    return attachmentExtensionsOf(attachments, id, ids);
  }

  async function currentExtensions(instanceId: string, environmentId: string, options?: CallOptions) {
    const found = (await getExtensions(instanceId, [environmentId], patient(options))).find(
      (a) => a.environmentId === environmentId && a.extensions,
    );
    if (!found?.extensions) {
      throw new SpacesInputError(
        `Instance ${instanceId} has no extensions in environment ${environmentId}: is it attached there, and does its pack have connections or process properties?`,
        { field: 'environmentId' },
      );
    }
    return found.extensions;
  }

  return {
    listProcesses,
    getExtensions,

    async updateExtensions(request, callOptions) {
      const options = fixDeadline(callOptions);
      const instanceId = requireId(request?.instanceId, 'instanceId');
      const environmentId = requireId(request.environmentId, 'environmentId');
      const current = await currentExtensions(instanceId, environmentId, options);
      const { resolved, changes } = resolveExtensionChanges(current, request, 'always');
      // A secret by its field or by its source: redacted from every message before anything is sent.
      const pin = (encrypted: boolean, value: ExtensionValue) => {
        const text = textOf(value);
        if (text !== undefined && (encrypted || isSecretValue(value))) redactor.pin(text);
      };
      for (const { fields } of resolved.connections)
        for (const { field, value } of fields) pin(field.usesEncryption, value);
      for (const { properties } of resolved.processProperties)
        for (const { property, value } of properties) pin(property.encryptedValueSet, value);
      if (changes.length === 0 && !request.resetUnspecified) return { changes, extensions: current };
      const body = extensionsUpdateBody(current, resolved, request.resetUnspecified !== true);
      const { extensionsUpdate } = await execute(
        UpdateExtensionsDocument,
        { input: [{ extensions: body, envExtensionId: current.id }] },
        options,
      );
      const answered = (extensionsUpdate ?? []).find((text): text is string => typeof text === 'string' && text !== '');
      const extensions: EnvironmentExtensions = answered
        ? parseJsonField(environmentExtensionsSchema, answered, {
            operationName: 'updateExtensions',
            field: 'extensionsUpdate[0]',
          })
        : await currentExtensions(instanceId, environmentId, options);
      return { changes, extensions };
    },

    async updateMapExtensions(request, callOptions) {
      const options = fixDeadline(callOptions);
      const instanceId = requireId(request?.instanceId, 'instanceId');
      const environmentId = requireId(request.environmentId, 'environmentId');
      const maps: unknown = request.maps;
      if (!isList(maps) || maps.length === 0 || maps.length > 100)
        throw new SpacesInputError('`maps` must list 1 to 100 map extensions', { field: 'maps' });
      maps.forEach((map, i) => {
        if (typeof map !== 'object' || map === null || typeof (map as { id?: unknown }).id !== 'string')
          throw new SpacesInputError(`\`maps[${i}]\` must be an object with its \`id\``, { field: `maps[${i}]` });
      });
      const current = await currentExtensions(instanceId, environmentId, options);
      const input = maps.map((map) => ({ extensions: JSON.stringify(map), envExtensionId: current.id }));
      const { extendedMappersUpdate } = await execute(UpdateMapExtensionsDocument, { input }, options);
      return (extendedMappersUpdate ?? []).flatMap((text, i) =>
        text === null || text.trim() === ''
          ? []
          : parseJsonField(mapExtensionsSchema, text, {
              operationName: 'updateMapExtensions',
              field: `extendedMappersUpdate[${i}]`,
            }),
      );
    },

    async updateSchedules(request, callOptions) {
      const options = fixDeadline(callOptions);
      const instanceId = requireId(request?.instanceId, 'instanceId');
      const processId = requireId(request.processId, 'processId');
      const given: unknown = request.schedules;
      if (!isList(given))
        throw new SpacesInputError('`schedules` must be a list (empty to remove them all)', { field: 'schedules' });
      const schedules = checkSchedules(
        given.map((s): Schedule => (typeof s === 'string' ? cronToSchedule(s) : (s as Schedule))),
        'schedules',
      );
      const maxRetry =
        request.retry?.maxRetry === undefined ? undefined : checkMaxRetry(request.retry.maxRetry, 'retry.maxRetry');
      const retrySchedule = request.retry?.schedule && checkSchedules(request.retry.schedule, 'retry.schedule');
      const process = (await listProcesses(instanceId, patient(options))).find((p) => p.id === processId);
      if (!process)
        throw new SpacesInputError(`Instance ${instanceId} has no process ${processId}`, { field: 'processId' });
      const target = process.processSchedules;
      if (!target) {
        throw new SpacesInputError(
          `Process ${process.name} is not deployed to an atom yet: attach the instance to an environment with an atom first`,
          { field: 'processId' },
        );
      }
      // What is not given is kept: processSchedulesUpdate replaces the retry settings too.
      const retry = {
        schedule: retrySchedule ?? target.retry.schedule,
        maxRetry: maxRetry ?? target.retry.maxRetry ?? 5,
      };
      const { processSchedulesUpdate } = await execute(
        UpdateProcessSchedulesDocument,
        { processSchedules: processSchedulesBody(target, schedules, retry), processSchedulesId: target.id },
        options,
      );
      if (!processSchedulesUpdate) {
        throw new SpacesError('updateProcessSchedules: the platform returned no schedules', {
          code: 'INVALID_RESPONSE',
          operationName: 'updateProcessSchedules',
          mayHaveExecuted: true,
        });
      }
      const read = new Reader('updateProcessSchedules');
      return processSchedulesOf(processSchedulesUpdate, read, 'processSchedulesUpdate');
    },
  };
}

const isList = (value: unknown): value is readonly unknown[] => Array.isArray(value);
