import * as z from 'zod/mini';
import { flag, listOf } from './primitives.js';

/** One field of a connection in an environment. Encrypted fields never carry their value. */
export interface ConnectionField {
  id: string;
  /** The value set in this environment; absent for encrypted fields (the platform never returns them). */
  value?: string;
  /** True when the pack's default applies instead of a value of this environment. */
  useDefault: boolean;
  usesEncryption: boolean;
  /** For an encrypted field: whether a value is set (the value itself is never returned). */
  encryptedValueSet: boolean;
  componentOverride?: boolean;
}

/** A connection of the instance, with its fields. */
export interface Connection {
  id: string;
  name: string;
  field: ConnectionField[];
}

/** One property of a process property component. */
export interface ProcessPropertyValue {
  key: string;
  label?: string;
  value?: string;
  useDefault: boolean;
  encryptedValueSet: boolean;
}

/** A process property component with its properties. */
export interface ProcessProperty {
  id: string;
  name: string;
  ProcessPropertyValue: ProcessPropertyValue[];
}

/** An instance's extensions in one environment, as Boomi names them, parsed from its JSON string. */
export interface EnvironmentExtensions {
  /** The extension object's id: what an update is addressed to. */
  id: string;
  environmentId: string;
  extensionGroupId: string;
  connections: Connection[];
  processProperties: ProcessProperty[];
}

const HIDDEN = '[[HIDDEN]]';

const fieldSchema = z.looseObject({
  id: z.string(),
  value: z.optional(z.nullable(z.string())),
  useDefault: z.optional(flag),
  usesEncryption: z.optional(flag),
  encryptedValueSet: z.optional(flag),
  componentOverride: z.optional(flag),
});

const propertyValueSchema = z.looseObject({
  key: z.string(),
  label: z.optional(z.nullable(z.string())),
  value: z.optional(z.nullable(z.string())),
  useDefault: z.optional(flag),
  encryptedValueSet: z.optional(flag),
});

/** The EnvironmentExtensions JSON inside `environmentExtensions` and inside `extensionsUpdate`'s answer. */
export const environmentExtensionsSchema = z.pipe(
  z.looseObject({
    id: z.string(),
    environmentId: z.string(),
    extensionGroupId: z.optional(z.nullable(z.string())),
    connections: z.optional(
      z.nullable(
        z.looseObject({
          connection: listOf(
            z.looseObject({ id: z.string(), name: z.optional(z.string()), field: listOf(fieldSchema) }),
          ),
        }),
      ),
    ),
    processProperties: z.optional(
      z.nullable(
        z.looseObject({
          ProcessProperty: listOf(
            z.looseObject({
              id: z.string(),
              name: z.optional(z.string()),
              ProcessPropertyValue: listOf(propertyValueSchema),
            }),
          ),
        }),
      ),
    ),
  }),
  z.transform((raw): EnvironmentExtensions => ({
    id: raw.id,
    environmentId: raw.environmentId,
    extensionGroupId: raw.extensionGroupId ?? '',
    connections: (raw.connections?.connection ?? []).map((connection) => ({
      id: connection.id,
      name: connection.name ?? connection.id,
      field: connection.field.map((field) => {
        const usesEncryption = field.usesEncryption ?? false;
        const out: ConnectionField = {
          id: field.id,
          useDefault: field.useDefault ?? false,
          usesEncryption,
          encryptedValueSet: field.encryptedValueSet ?? false,
        };
        // An encrypted value is never passed on, even if a server sent one.
        if (!usesEncryption && typeof field.value === 'string' && field.value !== HIDDEN) out.value = field.value;
        if (field.componentOverride !== undefined) out.componentOverride = field.componentOverride;
        return out;
      }),
    })),
    processProperties: (raw.processProperties?.ProcessProperty ?? []).map((component) => ({
      id: component.id,
      name: component.name ?? component.id,
      ProcessPropertyValue: component.ProcessPropertyValue.map((property) => {
        const encrypted = property.encryptedValueSet ?? false;
        const out: ProcessPropertyValue = {
          key: property.key,
          useDefault: property.useDefault ?? false,
          encryptedValueSet: encrypted,
        };
        if (property.label) out.label = property.label;
        if (!encrypted && typeof property.value === 'string' && property.value !== HIDDEN) out.value = property.value;
        return out;
      }),
    })),
  })),
);

/**
 * A value to set; `{ secret }` for a value from a secret source (shown as `(secret)` and given to the
 * redactor even when the field is not encrypted); or `{ useDefault: true }` for the pack's default.
 */
export type ExtensionValue = string | { secret: string } | { useDefault: true };

/** The text a value sets; undefined for `{ useDefault: true }`. */
export const textOf = (value: ExtensionValue): string | undefined =>
  typeof value === 'string' ? value : 'secret' in value ? value.secret : undefined;

/** Whether a value came from a secret source. */
export const isSecretValue = (value: ExtensionValue): value is { secret: string } =>
  typeof value === 'object' && 'secret' in value;

/** The fields and properties one update changes; everything not named is left as it is. */
export interface ExtensionChanges {
  /** Connection (name or id) → field id → value. */
  connections?: Record<string, Record<string, ExtensionValue>> | undefined;
  /** Process property component (name or id) → property (label or key) → value. */
  processProperties?: Record<string, Record<string, ExtensionValue>> | undefined;
}

/** Changes resolved to ids against the current extensions. */
export interface ResolvedChanges {
  connections: Array<{ connection: Connection; fields: Array<{ field: ConnectionField; value: ExtensionValue }> }>;
  processProperties: Array<{
    component: ProcessProperty;
    properties: Array<{ property: ProcessPropertyValue; value: ExtensionValue }>;
  }>;
}

const setOrDefault = (value: ExtensionValue) => {
  const text = textOf(value);
  return text === undefined ? { value: '', useDefault: true } : { value: text, useDefault: false };
};

/**
 * The EnvironmentExtensions JSON an update sends. With `partial` (the default everywhere in the SDK)
 * it names only what changes and carries `"partial": "true"`, so the platform leaves every other
 * setting as it is; without it the platform resets everything not sent.
 */
export function extensionsUpdateBody(
  current: EnvironmentExtensions,
  changes: ResolvedChanges,
  partial: boolean,
): string {
  return JSON.stringify({
    '@type': 'EnvironmentExtensions',
    id: current.id,
    environmentId: current.environmentId,
    extensionGroupId: current.extensionGroupId,
    ...(partial && { partial: 'true' }),
    connections: {
      '@type': 'Connections',
      connection: changes.connections.map(({ connection, fields }) => ({
        '@type': 'Connection',
        id: connection.id,
        name: connection.name,
        field: fields.map(({ field, value }) => ({
          '@type': 'Field',
          id: field.id,
          usesEncryption: field.usesEncryption,
          componentOverride: field.componentOverride ?? false,
          ...setOrDefault(value),
        })),
      })),
    },
    processProperties: {
      '@type': 'OverrideProcessProperties',
      ProcessProperty: changes.processProperties.map(({ component, properties }) => ({
        '@type': 'OverrideProcessProperty',
        id: component.id,
        name: component.name,
        ProcessPropertyValue: properties.map(({ property, value }) => ({
          '@type': 'ProcessPropertyValue',
          key: property.key,
          ...setOrDefault(value),
        })),
      })),
    },
  });
}

/** One map extension, from the `BulkResult` JSON inside `environmentMapExtension`. */
export interface MapExtension {
  id: string;
  name?: string;
  mapId?: string;
  environmentId?: string;
  extensionGroupId?: string;
  /** The map extension as the platform sent it (its fields, functions and mappings). */
  raw: Record<string, unknown>;
}

const mapResultSchema = z.looseObject({
  id: z.string(),
  name: z.optional(z.nullable(z.string())),
  mapId: z.optional(z.nullable(z.string())),
  environmentId: z.optional(z.nullable(z.string())),
  extensionGroupId: z.optional(z.nullable(z.string())),
});

/** A `BulkResult` wrapping EnvironmentMapExtension objects (one per response entry that has one). */
export const mapExtensionsSchema = z.pipe(
  z.looseObject({
    response: listOf(z.looseObject({ Result: z.optional(z.nullable(mapResultSchema)) })),
  }),
  z.transform((bulk): MapExtension[] =>
    bulk.response.flatMap(({ Result }) => {
      if (!Result) return [];
      const out: MapExtension = { id: Result.id, raw: Result };
      for (const key of ['name', 'mapId', 'environmentId', 'extensionGroupId'] as const) {
        const value = Result[key];
        if (typeof value === 'string') out[key] = value;
      }
      return [out];
    }),
  ),
);
