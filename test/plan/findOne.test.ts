import { describe, expect, it } from '@jest/globals';
import { findOne, lookupOne, MAX_LISTED, NameLookupError } from '../../src/api/findOne.js';
import { resolveExtensionChanges } from '../../src/api/lifecycle/extensionChanges.js';
import type { Process } from '../../src/api/lifecycle/types.js';
import type { EnvironmentExtensions } from '../../src/api/payloads/extensions.js';
import { CliUsageError } from '../../src/cli/CliUsageError.js';
import { resolveEnvironment, resolveProcess } from '../../src/cli/resolve.js';
import type { SpacesClient } from '../../src/client/createSpacesClient.js';
import { SpacesInputError } from '../../src/errors/SpacesError.js';
import { lookupProcess } from '../../src/plan/settingsPlan.js';

const items = [
  { id: 'env-1', name: 'Production' },
  { id: 'env-2', name: 'Test' },
  { id: 'env-3', name: 'Test' },
  { id: 'Test', name: 'Odd one' },
  { id: 'env-5', name: null },
];
const what = 'environment';

function errorOf(run: () => unknown): NameLookupError {
  try {
    run();
  } catch (error) {
    if (error instanceof NameLookupError) return error;
    throw error;
  }
  throw new Error('expected a NameLookupError');
}

describe('findOne: an id, else a unique exact name, else a typed error', () => {
  it('takes an exact id first, even over a name', () => {
    expect(findOne(items, 'env-2', { what })).toBe(items[1]);
    expect(findOne(items, 'Test', { what })).toBe(items[3]);
  });

  it('takes a name only one item has', () => {
    expect(findOne(items, 'Production', { what })).toBe(items[0]);
  });

  it('refuses a name several items have, listing their ids', () => {
    const shared = [items[0]!, items[1]!, items[2]!];
    const error = errorOf(() => findOne(shared, 'Test', { what, within: 'in account "A"' }));
    expect(error).toBeInstanceOf(SpacesInputError);
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.reason).toBe('ambiguous');
    expect(error.candidates).toEqual([
      { id: 'env-2', name: 'Test' },
      { id: 'env-3', name: 'Test' },
    ]);
    expect(error.message).toBe('"Test" names 2 environments in account "A"; use an id: env-2 ("Test"), env-3 ("Test")');
  });

  it('refuses a name nothing has, listing what there is', () => {
    const error = errorOf(() => findOne(items.slice(0, 2), 'Staging', { what }));
    expect(error.reason).toBe('missing');
    expect(error.message).toBe(
      'No environment has the id or name "Staging"; known: "Production" (env-1), "Test" (env-2)',
    );
    expect(error.problem).toBe(
      'no environment has the id or name "Staging"; known: "Production" (env-1), "Test" (env-2)',
    );
    expect(errorOf(() => findOne([], 'x', { what })).message).toMatch(/; known: none$/);
  });

  it('is exact: case and surrounding spaces count', () => {
    expect(errorOf(() => findOne(items, 'production', { what })).reason).toBe('missing');
    expect(errorOf(() => findOne(items, ' Production', { what })).reason).toBe('missing');
    expect(errorOf(() => findOne(items, 'ENV-1', { what })).reason).toBe('missing');
  });

  it('never matches an item without a name by name, and lists it by id', () => {
    const error = errorOf(() => findOne([items[4]!], 'null', { what }));
    expect(error.message).toMatch(/known: "env-5"$/);
  });

  it('bounds the listing and escapes what it shows', () => {
    const many = Array.from({ length: MAX_LISTED + 5 }, (_, i) => ({ id: `e${i}`, name: `n${i}\u001b[2J` }));
    const error = errorOf(() => findOne(many, 'x\u0007', { what }));
    expect(error.message).toContain('"x\\x07"');
    expect(error.message).toContain('"n0\\x1b[2J" (e0)');
    expect(error.message).not.toContain('e10');
    expect(error.message).toMatch(/ and 5 more$/);
    expect(error.candidates).toHaveLength(MAX_LISTED);
    const twins = Array.from({ length: MAX_LISTED + 2 }, (_, i) => ({ id: `t${i}`, name: 'same' }));
    const ambiguous = errorOf(() => findOne(twins, 'same', { what }));
    expect(ambiguous.message).toMatch(/ and 2 more$/);
    expect(ambiguous.candidates).toHaveLength(MAX_LISTED + 2);
  });

  it('reads ids and names through the given accessors; lookupOne returns instead of throwing', () => {
    const properties = [{ key: 'k1', label: 'Batch size' }];
    const options = {
      what: 'property',
      idOf: (p: { key: string }) => p.key,
      nameOf: (p: { label: string }) => p.label,
    };
    expect(lookupOne(properties, 'Batch size', options)).toEqual({ item: properties[0] });
    const found = lookupOne(properties, 'Currency', options);
    expect('error' in found && found.error.reason).toBe('missing');
  });
});

describe('every caller uses the one rule: an ambiguous name is refused with the ids', () => {
  it('the CLI: --env and --process', async () => {
    const client = {
      listEnvironments: () =>
        Promise.resolve([
          { id: 'env-2', name: 'Test' },
          { id: 'env-3', name: 'Test' },
        ]),
      listProcesses: () => Promise.resolve([{ id: 'p-1', name: 'Sync' }]),
      listIntegrationPackInstances: () =>
        Promise.resolve([{ id: 'i-1', integrationPackOverrideName: 'EU invoices', integrationPack: null }]),
    } as unknown as SpacesClient;
    await expect(resolveEnvironment(client, 'Test')).rejects.toThrow(
      new CliUsageError(
        '"Test" names 2 environments; use an id: env-2 ("Test"), env-3 ("Test"); `boomi-spaces environments` lists them',
      ),
    );
    await expect(resolveEnvironment(client, 'env-3')).resolves.toMatchObject({ id: 'env-3' });
    await expect(resolveProcess(client, 'i-1', 'Other')).rejects.toThrow(
      'No process has the id or name "Other"; known: "Sync" (p-1)',
    );
  });

  it('settings: a connection name two connections share', () => {
    const connection = (id: string) => ({ id, name: 'SFTP', field: [{ id: 'host', usesEncryption: false }] });
    const current = {
      id: 'x',
      environmentId: 'e',
      extensionGroupId: 'g',
      connections: [connection('c-1'), connection('c-2')],
      processProperties: [],
    } as unknown as EnvironmentExtensions;
    expect(() => resolveExtensionChanges(current, { connections: { SFTP: { host: 'h' } } }, 'when-unset')).toThrow(
      '"SFTP" names 2 connections; use an id: c-1 ("SFTP"), c-2 ("SFTP")',
    );
    const { changes } = resolveExtensionChanges(current, { connections: { 'c-2': { host: 'h' } } }, 'when-unset');
    expect(changes).toMatchObject([{ component: 'SFTP', setting: 'host', to: 'h' }]);
  });

  it('plans: a process name two processes share', () => {
    const found = lookupProcess(
      [
        { id: 'p-1', name: 'Export' },
        { id: 'p-2', name: 'Export' },
      ] as Process[],
      'Export',
    );
    expect('error' in found && found.error.problem).toBe(
      '"Export" names 2 processes of the instance; use an id: p-1 ("Export"), p-2 ("Export")',
    );
  });
});
