import { SpacesInputError } from '../../errors/SpacesError.js';
import { findOne, lookupOne } from '../findOne.js';
import { quote } from '../../text/printable.js';
import {
  isSecretValue,
  textOf,
  type Connection,
  type ConnectionField,
  type EnvironmentExtensions,
  type ExtensionChanges,
  type ExtensionValue,
  type ProcessProperty,
  type ProcessPropertyValue,
  type ResolvedChanges,
} from '../payloads/extensions.js';
import type { ExtensionChange } from './types.js';

/** Longest value accepted for one setting. */
export const MAX_SETTING_LENGTH = 10_000;
const SECRET = '(secret)';

/** How secrets are compared: the platform never returns them, so "already set" is all it can tell. */
export type SecretPolicy = 'always' | 'when-unset';

/** By the one rule (findOne): an id, or else a name no other item has. */
const byNameOrId = <T extends { id: string; name: string }>(
  items: readonly T[],
  wanted: string,
  what: string,
  within?: string,
): T => findOne(items, wanted, { what, ...(within !== undefined && { within }) });

function checkValue(value: ExtensionValue, where: string): ExtensionValue {
  const text = typeof value === 'object' && value !== null && 'secret' in value ? value.secret : value;
  if (typeof text === 'string') {
    if (text.length > MAX_SETTING_LENGTH)
      throw new SpacesInputError(`${where} is longer than ${MAX_SETTING_LENGTH} characters`, { field: where });
    return value === text ? text : { secret: text };
  }
  if (typeof value === 'object' && value !== null && 'useDefault' in value && value.useDefault === true)
    return { useDefault: true };
  throw new SpacesInputError(`${where} must be a string, { secret: string } or { useDefault: true }`, {
    field: where,
  });
}

function entriesOf(record: Record<string, unknown> | undefined, what: string): Array<[string, unknown]> {
  if (record === undefined) return [];
  if (typeof record !== 'object' || record === null || Array.isArray(record))
    throw new SpacesInputError(`${what} must be an object`, { field: what });
  return Object.entries(record);
}

/**
 * Whether a setting, named as people name it (component and setting by id, or else by name), is
 * encrypted: a connection field that uses encryption, or a process property holding an encrypted
 * value. False when the name matches nothing (resolving reports that).
 */
export function isEncryptedSetting(
  current: EnvironmentExtensions,
  kind: 'connections' | 'processProperties',
  component: string,
  setting: string,
): boolean {
  // A name that picks nothing or several is reported by resolving, not here.
  const find = <T>(
    items: readonly T[] | undefined,
    wanted: string,
    idOf: (i: T) => string,
    nameOf: (i: T) => string,
  ) => {
    const found = lookupOne(items ?? [], wanted, { what: 'component', idOf, nameOf });
    return 'item' in found ? found.item : undefined;
  };
  if (kind === 'connections') {
    const connection = find(
      current.connections,
      component,
      (c) => c.id,
      (c) => c.name,
    );
    return connection?.field.find((f) => f.id === setting)?.usesEncryption ?? false;
  }
  const properties = find(
    current.processProperties,
    component,
    (c) => c.id,
    (c) => c.name,
  )?.ProcessPropertyValue;
  return (
    find(
      properties,
      setting,
      (p) => p.key,
      (p) => p.label ?? p.key,
    )?.encryptedValueSet ?? false
  );
}

const SECRET_UNSET = '(not set)';
const DEFAULT = '(default)';

/**
 * The current value as shown: hidden ones as `(secret)` or `(not set)`, others as their value in
 * effect. A value is hidden when the field is encrypted or the new value comes from a secret source
 * (what it replaces may have come from one too).
 */
const shownFrom = (current: { value?: string }, hidden: boolean, isSet: boolean) =>
  hidden ? (isSet ? SECRET : SECRET_UNSET) : (current.value ?? '');
const shownTo = (value: ExtensionValue, hidden: boolean) => {
  const text = textOf(value);
  return text === undefined ? DEFAULT : hidden ? SECRET : text;
};

/**
 * Whether a setting already is as asked: values in effect compared; an encrypted one is only known
 * to be set (the platform never returns it).
 */
function alreadySo(
  current: { value?: string; useDefault: boolean },
  value: ExtensionValue,
  encrypted: boolean,
  isSet: boolean,
  secrets: SecretPolicy,
): boolean {
  const text = textOf(value);
  if (text === undefined) return current.useDefault;
  if (encrypted) return secrets === 'when-unset' && isSet;
  return (current.value ?? '') === text;
}

/**
 * The changes that would bring `current` to what is asked: names resolved to ids (unknown ones
 * refused with the known ones listed), settings already as asked left out. Secrets cannot be
 * compared (the platform never returns them): with `when-unset` one is sent only when none is set.
 */
export function resolveExtensionChanges(
  current: EnvironmentExtensions,
  asked: ExtensionChanges,
  secrets: SecretPolicy,
): { resolved: ResolvedChanges; changes: ExtensionChange[] } {
  const resolved: ResolvedChanges = { connections: [], processProperties: [] };
  const changes: ExtensionChange[] = [];
  for (const [connectionName, fields] of entriesOf(asked.connections, 'connections')) {
    const connection: Connection = byNameOrId(current.connections, connectionName, 'connection');
    const picked: ResolvedChanges['connections'][number]['fields'] = [];
    for (const [fieldId, raw] of entriesOf(fields as Record<string, unknown>, `connections.${connectionName}`)) {
      const field: ConnectionField = byNameOrId(
        connection.field.map((f) => ({ ...f, name: f.id })),
        fieldId,
        'field',
        `of connection ${quote(connection.name)}`,
      );
      const value = checkValue(raw as ExtensionValue, `${connection.name}.${field.id}`);
      const encrypted = field.usesEncryption;
      if (alreadySo(field, value, encrypted, field.encryptedValueSet, secrets)) continue;
      const secret = encrypted || isSecretValue(value);
      picked.push({ field, value });
      changes.push({
        kind: 'connection',
        component: connection.name,
        setting: field.id,
        from: shownFrom(field, secret, encrypted ? field.encryptedValueSet : Boolean(field.value)),
        to: shownTo(value, secret),
        secret,
      });
    }
    if (picked.length > 0) resolved.connections.push({ connection, fields: picked });
  }
  for (const [componentName, properties] of entriesOf(asked.processProperties, 'processProperties')) {
    const component: ProcessProperty = byNameOrId(
      current.processProperties,
      componentName,
      'process property component',
    );
    const picked: ResolvedChanges['processProperties'][number]['properties'] = [];
    for (const [label, raw] of entriesOf(properties as Record<string, unknown>, `processProperties.${componentName}`)) {
      const property: ProcessPropertyValue = byNameOrId(
        component.ProcessPropertyValue.map((p) => ({ ...p, id: p.key, name: p.label ?? p.key })),
        label,
        'property',
        `of ${quote(component.name)}`,
      );
      const value = checkValue(raw as ExtensionValue, `${component.name}.${label}`);
      const encrypted = property.encryptedValueSet;
      if (alreadySo(property, value, encrypted, encrypted, secrets)) continue;
      const secret = encrypted || isSecretValue(value);
      picked.push({ property, value });
      changes.push({
        kind: 'processProperty',
        component: component.name,
        setting: property.label ?? property.key,
        from: shownFrom(property, secret, encrypted || Boolean(property.value)),
        to: shownTo(value, secret),
        secret,
      });
    }
    if (picked.length > 0) resolved.processProperties.push({ component, properties: picked });
  }
  return { resolved, changes };
}
