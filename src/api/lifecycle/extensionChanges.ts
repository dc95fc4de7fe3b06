import { SpacesInputError } from '../../errors/SpacesError.js';
import { quote } from '../../text/printable.js';
import type {
  Connection,
  ConnectionField,
  EnvironmentExtensions,
  ExtensionChanges,
  ExtensionValue,
  ProcessProperty,
  ProcessPropertyValue,
  ResolvedChanges,
} from '../payloads/extensions.js';
import type { ExtensionChange } from './types.js';

/** Longest value accepted for one setting. */
export const MAX_SETTING_LENGTH = 10_000;
const SECRET = '(secret)';

/** How secrets are compared: the platform never returns them, so "already set" is all it can tell. */
export type SecretPolicy = 'always' | 'when-unset';

function byNameOrId<T extends { id: string; name: string }>(items: readonly T[], wanted: string, what: string): T {
  const found = items.find((i) => i.id === wanted) ?? items.find((i) => i.name === wanted);
  if (found) return found;
  const known = items.map((i) => quote(i.name, 40)).join(', ') || 'none';
  throw new SpacesInputError(`There is no ${what} ${quote(wanted, 60)}; known: ${known}`, { field: what });
}

function checkValue(value: ExtensionValue, where: string): ExtensionValue {
  if (typeof value === 'string') {
    if (value.length > MAX_SETTING_LENGTH)
      throw new SpacesInputError(`${where} is longer than ${MAX_SETTING_LENGTH} characters`, { field: where });
    return value;
  }
  if (typeof value === 'object' && value !== null && value.useDefault === true) return { useDefault: true };
  throw new SpacesInputError(`${where} must be a string or { useDefault: true }`, { field: where });
}

function entriesOf(record: Record<string, unknown> | undefined, what: string): Array<[string, unknown]> {
  if (record === undefined) return [];
  if (typeof record !== 'object' || record === null || Array.isArray(record))
    throw new SpacesInputError(`${what} must be an object`, { field: what });
  return Object.entries(record);
}

const SECRET_UNSET = '(not set)';
const DEFAULT = '(default)';

/** The current value as shown: secrets as `(secret)` or `(not set)`, others as their value in effect. */
const shownFrom = (current: { value?: string }, secret: boolean, isSet: boolean) =>
  secret ? (isSet ? SECRET : SECRET_UNSET) : (current.value ?? '');
const shownTo = (value: ExtensionValue, secret: boolean) =>
  typeof value !== 'string' ? DEFAULT : secret ? SECRET : value;

/** Whether a setting already is as asked (values in effect compared; secrets only known to be set). */
function alreadySo(
  current: { value?: string; useDefault: boolean },
  value: ExtensionValue,
  secret: boolean,
  isSet: boolean,
  secrets: SecretPolicy,
): boolean {
  if (typeof value !== 'string') return current.useDefault;
  if (secret) return secrets === 'when-unset' && isSet;
  return (current.value ?? '') === value;
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
        `field of ${connection.name}`,
      );
      const value = checkValue(raw as ExtensionValue, `${connection.name}.${field.id}`);
      const secret = field.usesEncryption;
      if (alreadySo(field, value, secret, field.encryptedValueSet, secrets)) continue;
      picked.push({ field, value });
      changes.push({
        kind: 'connection',
        component: connection.name,
        setting: field.id,
        from: shownFrom(field, secret, field.encryptedValueSet),
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
        `property of ${component.name}`,
      );
      const value = checkValue(raw as ExtensionValue, `${component.name}.${label}`);
      const secret = property.encryptedValueSet;
      if (alreadySo(property, value, secret, secret, secrets)) continue;
      picked.push({ property, value });
      changes.push({
        kind: 'processProperty',
        component: component.name,
        setting: property.label ?? property.key,
        from: shownFrom(property, secret, secret),
        to: shownTo(value, secret),
        secret,
      });
    }
    if (picked.length > 0) resolved.processProperties.push({ component, properties: picked });
  }
  return { resolved, changes };
}
