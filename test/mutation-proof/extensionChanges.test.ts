import { describe, expect, it } from '@jest/globals';
import {
  isEncryptedSetting,
  MAX_SETTING_LENGTH,
  resolveExtensionChanges,
} from '../../src/api/lifecycle/extensionChanges.js';
import type { EnvironmentExtensions } from '../../src/api/payloads/extensions.js';
import { SpacesInputError } from '../../src/errors/SpacesError.js';

const current = (): EnvironmentExtensions => ({
  id: 'ext-1',
  environmentId: 'env-1',
  extensionGroupId: '',
  connections: [
    {
      id: 'conn-1',
      name: 'SFTP',
      field: [
        { id: 'host', value: 'old.example.com', useDefault: false, usesEncryption: false, encryptedValueSet: false },
        { id: 'port', useDefault: true, usesEncryption: false, encryptedValueSet: false },
        { id: 'password', useDefault: false, usesEncryption: true, encryptedValueSet: true },
        { id: 'key', useDefault: false, usesEncryption: true, encryptedValueSet: false },
        { id: 'user', value: '', useDefault: false, usesEncryption: false, encryptedValueSet: false },
      ],
    },
    { id: 'conn-2', name: 'Other', field: [] },
  ],
  processProperties: [
    {
      id: 'pp-1',
      name: 'Settings',
      ProcessPropertyValue: [
        { key: 'k-batch', label: 'Batch size', value: '10', useDefault: false, encryptedValueSet: false },
        { key: 'k-secret', label: 'Api key', useDefault: false, encryptedValueSet: true },
        { key: 'k-nolabel', value: 'x', useDefault: false, encryptedValueSet: false },
        { key: 'k-empty', label: 'Empty', useDefault: true, encryptedValueSet: false },
      ],
    },
  ],
});

const refusal = (run: () => unknown): SpacesInputError => {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(SpacesInputError);
    return error as SpacesInputError;
  }
  throw new Error('not refused');
};

describe('resolveExtensionChanges: connections', () => {
  it('a plain value that differs: one change showing both values, resolved to the field', () => {
    const { resolved, changes } = resolveExtensionChanges(
      current(),
      { connections: { SFTP: { host: 'new.example.com' } } },
      'always',
    );
    expect(changes).toEqual([
      {
        kind: 'connection',
        component: 'SFTP',
        setting: 'host',
        from: 'old.example.com',
        to: 'new.example.com',
        secret: false,
      },
    ]);
    expect(resolved.connections).toHaveLength(1);
    expect(resolved.connections[0]!.connection.id).toBe('conn-1');
    expect(resolved.connections[0]!.fields).toEqual([
      { field: expect.objectContaining({ id: 'host' }), value: 'new.example.com' },
    ]);
    expect(resolved.processProperties).toEqual([]);
  });

  it('values already so are left out, and a connection with nothing to change is not sent', () => {
    const { resolved, changes } = resolveExtensionChanges(
      current(),
      { connections: { SFTP: { host: 'old.example.com', port: { useDefault: true }, user: '' } } },
      'always',
    );
    expect(changes).toEqual([]);
    expect(resolved).toEqual({ connections: [], processProperties: [] });
  });

  it('a default asked for a field with a value, and a value for a field on its default', () => {
    const { changes } = resolveExtensionChanges(
      current(),
      { connections: { SFTP: { host: { useDefault: true }, port: '22' } } },
      'always',
    );
    expect(changes).toEqual([
      {
        kind: 'connection',
        component: 'SFTP',
        setting: 'host',
        from: 'old.example.com',
        to: '(default)',
        secret: false,
      },
      { kind: 'connection', component: 'SFTP', setting: 'port', from: '', to: '22', secret: false },
    ]);
  });

  it('an id wins over a name, and a connection is found by its id too', () => {
    const extensions = current();
    // A connection whose id is another one's name.
    extensions.connections[1]!.id = 'SFTP';
    const byId = refusal(() => resolveExtensionChanges(extensions, { connections: { SFTP: { host: 'h' } } }, 'always'));
    expect(byId.message).toBe('No field of connection "Other" has the id or name "host"; known: none');
    const { changes } = resolveExtensionChanges(current(), { connections: { 'conn-1': { host: 'h' } } }, 'always');
    expect(changes.map((c) => [c.component, c.setting, c.to])).toEqual([['SFTP', 'host', 'h']]);
  });

  it('encrypted fields: always sent with "always"; with "when-unset" only when none is set', () => {
    const asked = { connections: { SFTP: { password: 'p@ss-1', key: 'k-1' } } };
    expect(resolveExtensionChanges(current(), asked, 'always').changes).toEqual([
      { kind: 'connection', component: 'SFTP', setting: 'password', from: '(secret)', to: '(secret)', secret: true },
      { kind: 'connection', component: 'SFTP', setting: 'key', from: '(not set)', to: '(secret)', secret: true },
    ]);
    expect(resolveExtensionChanges(current(), asked, 'when-unset').changes).toEqual([
      { kind: 'connection', component: 'SFTP', setting: 'key', from: '(not set)', to: '(secret)', secret: true },
    ]);
  });

  it('a value from a secret source for a plain field is hidden both ways, and sent as a secret', () => {
    const { resolved, changes } = resolveExtensionChanges(
      current(),
      { connections: { SFTP: { host: { secret: 'hidden.example.com' }, user: { secret: 'svc' } } } },
      'always',
    );
    expect(changes).toEqual([
      { kind: 'connection', component: 'SFTP', setting: 'host', from: '(secret)', to: '(secret)', secret: true },
      { kind: 'connection', component: 'SFTP', setting: 'user', from: '(not set)', to: '(secret)', secret: true },
    ]);
    expect(resolved.connections[0]!.fields.map((f) => f.value)).toEqual([
      { secret: 'hidden.example.com' },
      { secret: 'svc' },
    ]);
    expect(JSON.stringify(changes)).not.toContain('hidden.example.com');
  });

  it('a secret-source value equal to the plain value in effect is already so', () => {
    const { changes } = resolveExtensionChanges(
      current(),
      { connections: { SFTP: { host: { secret: 'old.example.com' } } } },
      'always',
    );
    expect(changes).toEqual([]);
  });

  it('unknown names are refused, listing the known ones', () => {
    const connection = refusal(() =>
      resolveExtensionChanges(current(), { connections: { FTP: { a: 'b' } } }, 'always'),
    );
    expect(connection.message).toBe('No connection has the id or name "FTP"; known: "SFTP" (conn-1), "Other" (conn-2)');
    expect(connection.field).toBe('connection');
    const field = refusal(() => resolveExtensionChanges(current(), { connections: { SFTP: { pass: 'b' } } }, 'always'));
    expect(field.message).toBe(
      'No field of connection "SFTP" has the id or name "pass"; known: "host", "port", "password", "key", "user"',
    );
    const none = refusal(() => resolveExtensionChanges(current(), { connections: { Other: { a: 'b' } } }, 'always'));
    expect(none.message).toBe('No field of connection "Other" has the id or name "a"; known: none');
  });

  it('values are checked: length, type, and the shapes of objects', () => {
    const ask = (value: unknown) => () =>
      resolveExtensionChanges(current(), { connections: { SFTP: { host: value as string } } }, 'always');
    expect(ask('x'.repeat(MAX_SETTING_LENGTH))).not.toThrow();
    expect(refusal(ask('x'.repeat(MAX_SETTING_LENGTH + 1))).message).toBe('SFTP.host is longer than 10000 characters');
    expect(refusal(ask({ secret: 'x'.repeat(MAX_SETTING_LENGTH + 1) })).message).toBe(
      'SFTP.host is longer than 10000 characters',
    );
    for (const bad of [42, null, { useDefault: false }, { useDefault: 'yes' }, { secret: 7 }, ['a']]) {
      const error = refusal(ask(bad));
      expect(error.message).toBe('SFTP.host must be a string, { secret: string } or { useDefault: true }');
      expect(error.field).toBe('SFTP.host');
    }
  });

  it('the asked sections must be objects', () => {
    for (const bad of ['x', null, ['a']]) {
      const error = refusal(() => resolveExtensionChanges(current(), { connections: bad as never }, 'always'));
      expect(error.message).toBe('connections must be an object');
      const inner = refusal(() =>
        resolveExtensionChanges(current(), { connections: { SFTP: bad as never } }, 'always'),
      );
      expect(inner.message).toBe('connections.SFTP must be an object');
      const properties = refusal(() =>
        resolveExtensionChanges(current(), { processProperties: bad as never }, 'always'),
      );
      expect(properties.message).toBe('processProperties must be an object');
    }
  });
});

describe('resolveExtensionChanges: process properties', () => {
  it('by label or key; unchanged ones left out; labels shown, keys when there is none', () => {
    const { resolved, changes } = resolveExtensionChanges(
      current(),
      { processProperties: { Settings: { 'Batch size': '20', 'k-nolabel': 'y', Empty: { useDefault: true } } } },
      'always',
    );
    expect(changes).toEqual([
      { kind: 'processProperty', component: 'Settings', setting: 'Batch size', from: '10', to: '20', secret: false },
      { kind: 'processProperty', component: 'Settings', setting: 'k-nolabel', from: 'x', to: 'y', secret: false },
    ]);
    expect(resolved.processProperties[0]!.component.id).toBe('pp-1');
    expect(resolved.processProperties[0]!.properties.map((p) => p.property.key)).toEqual(['k-batch', 'k-nolabel']);
    expect(resolved.connections).toEqual([]);
  });

  it('an encrypted property: hidden, and with "when-unset" left alone once set', () => {
    const asked = { processProperties: { 'pp-1': { 'Api key': 'new-key', 'k-batch': { secret: 's' } } } };
    expect(resolveExtensionChanges(current(), asked, 'always').changes).toEqual([
      {
        kind: 'processProperty',
        component: 'Settings',
        setting: 'Api key',
        from: '(secret)',
        to: '(secret)',
        secret: true,
      },
      {
        kind: 'processProperty',
        component: 'Settings',
        setting: 'Batch size',
        from: '(secret)',
        to: '(secret)',
        secret: true,
      },
    ]);
    expect(resolveExtensionChanges(current(), asked, 'when-unset').changes).toEqual([
      {
        kind: 'processProperty',
        component: 'Settings',
        setting: 'Batch size',
        from: '(secret)',
        to: '(secret)',
        secret: true,
      },
    ]);
  });

  it('a secret-source value for a property with no value shows "(not set)"', () => {
    const { changes } = resolveExtensionChanges(
      current(),
      { processProperties: { Settings: { Empty: { secret: 'abc' } } } },
      'always',
    );
    expect(changes).toEqual([
      {
        kind: 'processProperty',
        component: 'Settings',
        setting: 'Empty',
        from: '(not set)',
        to: '(secret)',
        secret: true,
      },
    ]);
  });

  it('unknown components and properties are refused, listing the known ones', () => {
    expect(
      refusal(() => resolveExtensionChanges(current(), { processProperties: { Nope: {} } }, 'always')).message,
    ).toBe('No process property component has the id or name "Nope"; known: "Settings" (pp-1)');
    expect(
      refusal(() => resolveExtensionChanges(current(), { processProperties: { Settings: { Nope: 'x' } } }, 'always'))
        .message,
    ).toBe(
      'No property of "Settings" has the id or name "Nope"; known: "Batch size" (k-batch), "Api key" (k-secret), "k-nolabel", "Empty" (k-empty)',
    );
  });
});

describe('isEncryptedSetting', () => {
  it.each([
    ['connections', 'SFTP', 'password', true],
    ['connections', 'conn-1', 'key', true],
    ['connections', 'SFTP', 'host', false],
    ['connections', 'SFTP', 'nope', false],
    ['connections', 'FTP', 'password', false],
    ['processProperties', 'Settings', 'Api key', true],
    ['processProperties', 'pp-1', 'k-secret', true],
    ['processProperties', 'Settings', 'Batch size', false],
    ['processProperties', 'Settings', 'nope', false],
    ['processProperties', 'Nope', 'Api key', false],
  ] as const)('%s %s.%s → %s', (kind, component, setting, expected) => {
    expect(isEncryptedSetting(current(), kind, component, setting)).toBe(expected);
  });

  it('an id wins over a name, for components and settings alike', () => {
    const extensions = current();
    extensions.connections[1]!.id = 'SFTP';
    expect(isEncryptedSetting(extensions, 'connections', 'SFTP', 'password')).toBe(false);
    extensions.processProperties[0]!.ProcessPropertyValue[0]!.key = 'Api key';
    expect(isEncryptedSetting(extensions, 'processProperties', 'Settings', 'Api key')).toBe(false);
  });

  it('no sections at all: nothing is encrypted', () => {
    const bare = {
      ...current(),
      connections: undefined,
      processProperties: undefined,
    } as unknown as EnvironmentExtensions;
    expect(isEncryptedSetting(bare, 'connections', 'SFTP', 'password')).toBe(false);
    expect(isEncryptedSetting(bare, 'processProperties', 'Settings', 'Api key')).toBe(false);
  });
});
