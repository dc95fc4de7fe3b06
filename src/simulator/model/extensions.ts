import { PlatformError } from './PlatformError.js';
import { extensionGroupOf } from './processes.js';
import type { SimAttachment, SimPack, SimPackDefinition, SimSetting, SimSettings, SimState } from './state.js';

const emptySettings = (): SimSettings => ({ connections: {}, properties: {}, maps: [] });

/** The extension object's id decodes (base64) to `<environmentId>:<extensionGroupId>`. */
function extensionId(environmentId: string, groupId: string): string {
  return Buffer.from(`${environmentId}:${groupId}`).toString('base64');
}

function parts(state: SimState, attachment: SimAttachment) {
  const instance = state.instances.find((i) => i.id === attachment.integrationPackInstanceId);
  const pack = instance && state.packs.find((p) => p.id === instance.integrationPackId);
  const definition = pack?.definition;
  if (!instance || !pack || !definition) return undefined;
  if (definition.connections.length === 0 && definition.processProperties.length === 0) return undefined;
  return { instance, pack, definition };
}

const settingOf = (stored: SimSetting | undefined, fallback = ''): SimSetting =>
  stored ?? { value: fallback, useDefault: true };

/** What a field holds in effect: its value, or the pack's default. */
function effectiveValue(setting: SimSetting, fallback = ''): string {
  return setting.useDefault ? fallback : setting.value;
}

/** The EnvironmentExtensions object of an attachment; null when its pack has nothing to extend. */
export function extensionsObject(state: SimState, attachment: SimAttachment): Record<string, unknown> | null {
  const found = parts(state, attachment);
  if (!found) return null;
  const { instance, pack, definition } = found;
  const settings = attachment.settings ?? emptySettings();
  const groupId = extensionGroupOf(pack, instance);
  return {
    '@type': 'EnvironmentExtensions',
    id: extensionId(attachment.environmentId, groupId),
    environmentId: attachment.environmentId,
    extensionGroupId: groupId,
    connections: {
      '@type': 'Connections',
      connection: definition.connections.map((connection) => ({
        '@type': 'Connection',
        id: connection.id,
        name: connection.name,
        field: connection.fields.map((field) => {
          const setting = settingOf(settings.connections[connection.id]?.[field.id], field.default);
          const encrypted = field.encrypted === true;
          return {
            '@type': 'Field',
            id: field.id,
            // Encrypted values are never returned.
            ...(encrypted ? {} : { value: setting.useDefault ? (field.default ?? '') : setting.value }),
            useDefault: setting.useDefault,
            usesEncryption: encrypted,
            encryptedValueSet: encrypted && !setting.useDefault && setting.value !== '',
            componentOverride: false,
          };
        }),
      })),
    },
    processProperties: {
      '@type': 'OverrideProcessProperties',
      ProcessProperty: definition.processProperties.map((component) => ({
        '@type': 'OverrideProcessProperty',
        id: component.id,
        name: component.name,
        ProcessPropertyValue: component.properties.map((property) => {
          const setting = settingOf(settings.properties[component.id]?.[property.key], property.default);
          return {
            '@type': 'ProcessPropertyValue',
            key: property.key,
            label: property.label,
            value: setting.useDefault ? (property.default ?? '') : setting.value,
            useDefault: setting.useDefault,
            encryptedValueSet: false,
          };
        }),
      })),
    },
  };
}

export function extensionsJson(state: SimState, attachment: SimAttachment): string | null {
  const object = extensionsObject(state, attachment);
  return object && JSON.stringify(object);
}

/** The attachment an extension id points to. */
export function attachmentOfExtension(state: SimState, envExtensionId: string): SimAttachment {
  const decoded = Buffer.from(envExtensionId, 'base64').toString('utf8');
  const attachment = state.attachments.find((a) => {
    const found = parts(state, a);
    return found && `${a.environmentId}:${extensionGroupOf(found.pack, found.instance)}` === decoded;
  });
  if (!attachment)
    throw new PlatformError('INVALID_ENV_EXTENSION_ID', `No environment extensions with id ${envExtensionId}`);
  return attachment;
}

type Sent = { id?: unknown; value?: unknown; useDefault?: unknown; key?: unknown };
const asList = (value: unknown): unknown[] => (Array.isArray(value) ? value : value === undefined ? [] : [value]);
const isTrue = (value: unknown) => value === true || value === 'true';

/**
 * Applies an extensions update as Boomi documents it: with `"partial": "true"` only what is sent
 * changes; without it, every setting not sent goes back to its default (the trap the SDK avoids).
 */
export function applyExtensionsUpdate(state: SimState, attachment: SimAttachment, text: string): void {
  const found = parts(state, attachment);
  if (!found) throw new PlatformError('INVALID_ENV_EXTENSION_ID', 'This instance has nothing to extend');
  let body: Record<string, unknown>;
  try {
    body = JSON.parse(text) as Record<string, unknown>;
  } catch {
    throw new PlatformError('INVALID_EXTENSIONS', 'extensions is not valid JSON');
  }
  const definition: SimPackDefinition = found.definition;
  const next: SimSettings = isTrue(body.partial)
    ? structuredClone(attachment.settings ?? emptySettings())
    : { ...emptySettings(), maps: attachment.settings?.maps ?? [] };
  const setting = (sent: Sent): SimSetting =>
    isTrue(sent.useDefault)
      ? { value: '', useDefault: true }
      : { value: typeof sent.value === 'string' ? sent.value : JSON.stringify(sent.value ?? ''), useDefault: false };
  const connections = (body.connections ?? {}) as { connection?: unknown };
  for (const sentConnection of asList(connections.connection) as Array<{ id?: unknown; field?: unknown }>) {
    const connection = definition.connections.find((c) => c.id === sentConnection.id);
    if (!connection) throw new PlatformError('INVALID_EXTENSIONS', `No connection ${String(sentConnection.id)}`);
    for (const sent of asList(sentConnection.field) as Sent[]) {
      if (!connection.fields.some((f) => f.id === sent.id))
        throw new PlatformError('INVALID_EXTENSIONS', `Connection ${connection.name} has no field ${String(sent.id)}`);
      (next.connections[connection.id] ??= {})[String(sent.id)] = setting(sent);
    }
  }
  const properties = (body.processProperties ?? {}) as { ProcessProperty?: unknown };
  for (const sentComponent of asList(properties.ProcessProperty) as Array<{
    id?: unknown;
    ProcessPropertyValue?: unknown;
  }>) {
    const component = definition.processProperties.find((c) => c.id === sentComponent.id);
    if (!component)
      throw new PlatformError('INVALID_EXTENSIONS', `No process property component ${String(sentComponent.id)}`);
    for (const sent of asList(sentComponent.ProcessPropertyValue) as Sent[]) {
      if (!component.properties.some((p) => p.key === sent.key))
        throw new PlatformError('INVALID_EXTENSIONS', `${component.name} has no property ${String(sent.key)}`);
      (next.properties[component.id] ??= {})[String(sent.key)] = setting(sent);
    }
  }
  attachment.settings = next;
}

/** Stores map extensions (by id) and answers with a BulkResult JSON string per update. */
export function applyMapExtensionsUpdate(attachment: SimAttachment, text: string): string {
  let map: Record<string, unknown>;
  try {
    map = JSON.parse(text) as Record<string, unknown>;
  } catch {
    throw new PlatformError('INVALID_EXTENSIONS', 'extensions is not valid JSON');
  }
  if (typeof map.id !== 'string') throw new PlatformError('INVALID_EXTENSIONS', 'A map extension needs its id');
  const settings = (attachment.settings ??= emptySettings());
  settings.maps = [...settings.maps.filter((m) => m.id !== map.id), map];
  return bulkResult([map]);
}

export function bulkResult(maps: Array<Record<string, unknown>>): string {
  return JSON.stringify({
    '@type': 'BulkResult',
    response: maps.map((map, index) => ({
      '@type': 'BulkResponse',
      index,
      id: map.id,
      statusCode: '200',
      Result: { '@type': 'EnvironmentMapExtension', ...map },
    })),
  });
}

/** The first required connection field that has neither a value nor a default, if any. */
export function missingRequiredField(
  pack: SimPack,
  attachment: SimAttachment,
): { connection: string; field: string } | undefined {
  for (const connection of pack.definition?.connections ?? []) {
    for (const field of connection.fields) {
      if (!field.required) continue;
      const setting = settingOf(attachment.settings?.connections[connection.id]?.[field.id]);
      if (effectiveValue(setting, field.default).trim() === '') return { connection: connection.name, field: field.id };
    }
  }
  return undefined;
}
