import { beforeEach, describe, expect, it } from '@jest/globals';
import { createSpacesClient, ListEnvironmentsDocument, type SpacesClient } from '../../src/index.js';
import { DEMO } from '../../src/simulator/model/seed.js';
import { createTestMock, TEST_TOKEN } from '../support/spacesMock.js';
import { withMswServer } from '../support/setupMsw.js';

const mock = createTestMock();
withMswServer(...mock.handlers);

let client: SpacesClient;
beforeEach(() => {
  mock.reset();
  client = createSpacesClient({ token: TEST_TOKEN, spaceGuid: DEMO.spaceId, retry: { maxAttempts: 1 } });
});

const pack = { id: 'p1', name: 'Payroll', description: null, installationType: 'MULTI' as const };
const space = {
  id: DEMO.spaceId,
  name: 'S',
  description: null,
  createdDate: null,
  createdByAccountId: null,
  modifiedDate: null,
  modifiedByAccountId: null,
  url: null,
  accountGroup: null,
  theme: null,
};

describe('SDK results carry no null noise', () => {
  it('null items of nested lists are dropped, an absent list is empty', async () => {
    mock.on('getSpace', () => ({ space: { ...space, sharedIpacks: [null, pack, null] } }));
    expect((await client.getSpace(DEMO.spaceId)).sharedIpacks).toEqual([pack]);
    mock.on('getSpace', () => ({ space: { ...space, sharedIpacks: null } }));
    expect((await client.getSpace(DEMO.spaceId)).sharedIpacks).toEqual([]);
    mock.on('listEnvironments', () => ({
      environments: [
        null,
        { id: 'e', name: 'E', classification: 'TEST', atoms: null, integrationPackEnvironmentAttachment: [null] },
      ],
    }));
    expect(await client.listEnvironments()).toEqual([
      { id: 'e', name: 'E', classification: 'TEST', atoms: [], integrationPackEnvironmentAttachment: [] },
    ]);
  });

  it.each([
    ['a pack without its name', { ...pack, name: null }, 'space.sharedIpacks[0].name'],
    ['a pack without its id', { ...pack, id: null }, 'space.sharedIpacks[0].id'],
    ['a pack without its install type', { ...pack, installationType: null }, 'space.sharedIpacks[0].installationType'],
  ])('%s is INVALID_RESPONSE naming the field, not a null typed as a string', async (_label, broken, field) => {
    mock.on('getSpace', () => ({ space: { ...space, sharedIpacks: [broken] } }));
    await expect(client.getSpace(DEMO.spaceId)).rejects.toMatchObject({
      code: 'INVALID_RESPONSE',
      operationName: 'getSpace',
      message: expect.stringContaining(field),
    });
  });

  it('an install answered with no instance is INVALID_RESPONSE that may have run, reconciled by the listing', async () => {
    mock.on('installIpack', () => ({ integrationPackInstanceInstall: null }));
    mock.on('listIntegrationPackInstances', () => ({ integrationPackInstances: [] }));
    const error = await client.installIntegrationPack({ integrationPackId: 'p1' }).catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: 'INVALID_RESPONSE',
      operationName: 'installIpack',
      mayHaveExecuted: true,
      message: expect.stringContaining('integrationPackInstanceInstall'),
    });
    // The listing shows none, and one send is all a client with maxAttempts 1 makes: the failure stands.
    expect(mock.requests).toEqual(['installIpack', 'listIntegrationPackInstances']);
  });

  it('a reconciliation reads only what tells installs apart: a pack without its name does not stop it', async () => {
    mock.on('installIpack', () => ({ integrationPackInstanceInstall: null }));
    const listed = { id: 'i1', integrationPackId: 'p1', integrationPackOverrideName: null };
    mock.on('listIntegrationPackInstances', () => ({
      integrationPackInstances: [{ ...listed, integrationPack: { id: 'p1', name: null, installationType: 'SINGLE' } }],
    }));
    await expect(client.installIntegrationPack({ integrationPackId: 'p1' })).resolves.toEqual({
      ...listed,
      reconciled: true,
    });
    // The listing itself still refuses the pack without its name.
    await expect(client.listIntegrationPackInstances()).rejects.toMatchObject({
      code: 'INVALID_RESPONSE',
      message: expect.stringContaining('integrationPackInstances[0].integrationPack.name'),
    });
  });

  it('execute keeps the schema’s own nullable types and values', async () => {
    mock.on('listEnvironments', () => ({ environments: [null] }));
    await expect(client.execute(ListEnvironmentsDocument)).resolves.toEqual({ environments: [null] });
  });
});
