import { describe, expect, it } from '@jest/globals';
import { createSpacesClient } from '../../src/index.js';
import { DEMO } from '../../src/simulator/model/seed.js';
import { createTestMock, TEST_TOKEN } from '../support/spacesMock.js';
import { withMswServer } from '../support/setupMsw.js';

// A re-send refused as a duplicate after a listing that lagged: each operation must hand its
// platform's conflict codes to the reconciler, or the caller gets a duplicate error for work that was done.
const mock = createTestMock();
withMswServer(...mock.handlers);

type Listed = (typeof mock.state.spaces)[number];
const listed = ({ id, name, description, createdDate, modifiedDate, url, accountGroup }: Listed) => ({
  id,
  name,
  description,
  createdDate,
  modifiedDate,
  url,
  accountGroup,
});

/** listSpaces answers from the live state, except the first, which lags: it shows `first` instead. */
function lagging(first: (spaces: Listed[]) => Listed[]) {
  let calls = 0;
  mock.on('listSpaces', () => {
    calls += 1;
    const spaces = calls === 1 ? first([...mock.state.spaces]) : mock.state.spaces;
    return { spaces: spaces.map(listed) };
  });
}

describe('conflict codes reach the reconciler', () => {
  it('createSpace: lost answer, a listing that lags, SPACE_EXISTS_FOR_ACCT_GRP on the re-send: the Space, reconciled', async () => {
    mock.reset();
    const client = createSpacesClient({ token: TEST_TOKEN, spaceGuid: DEMO.spaceId, rateLimit: false });
    mock.dropNext('createSpace');
    lagging((spaces) => spaces.filter((s) => s.name !== 'Partner'));
    const space = await client.createSpace({ name: 'Partner', accountGroupId: DEMO.accountGroupId });
    expect(space).toMatchObject({ name: 'Partner' });
    expect(mock.state.spaces.filter((s) => s.name === 'Partner')).toHaveLength(1);
    expect(mock.requests.filter((op) => op !== 'getSpace')).toEqual([
      'createSpace',
      'listSpaces',
      'createSpace',
      'listSpaces',
    ]);
  });

  it('deleteSpace: lost answer, a listing that lags, SPACE_IS_DELETED on the re-send: deleted, once', async () => {
    mock.reset();
    const client = createSpacesClient({ token: TEST_TOKEN, spaceGuid: DEMO.spaceId, rateLimit: false });
    const created = await client.createSpace({ name: 'Short-lived', accountGroupId: DEMO.accountGroupId });
    const before = mock.state.spaces.find((s) => s.id === created.id)!;
    mock.dropNext('deleteSpace');
    lagging((spaces) => [...spaces.filter((s) => s.id !== created.id), before]);
    await expect(client.deleteSpace(created.id)).resolves.toBeUndefined();
    expect(mock.state.spaces.some((s) => s.id === created.id)).toBe(false);
    expect(mock.state.deletedSpaceIds).toEqual([created.id]);
    expect(mock.requests.filter((op) => op !== 'getSpace')).toEqual([
      'createSpace',
      'deleteSpace',
      'listSpaces',
      'deleteSpace',
      'listSpaces',
    ]);
  });

  it('installIntegrationPack: lost answer, a listing that lags, IPACK_ALREADY_INSTALLED on the re-send: the instance, reconciled', async () => {
    mock.reset();
    const client = createSpacesClient({ token: TEST_TOKEN, spaceGuid: DEMO.spaceId, rateLimit: false });
    mock.dropNext('installIpack');
    let calls = 0;
    mock.on('listIntegrationPackInstances', () => {
      calls += 1;
      const instances = calls === 1 ? [] : mock.state.instances;
      return {
        integrationPackInstances: instances.map((instance) => {
          const pack = mock.state.packs.find((p) => p.id === instance.integrationPackId)!;
          return {
            ...instance,
            integrationPack: { id: pack.id, name: pack.name, installationType: pack.installationType },
          };
        }),
      };
    });
    const installed = await client.installIntegrationPack({ integrationPackId: DEMO.packs.orderIntake });
    expect(installed).toMatchObject({ integrationPackId: DEMO.packs.orderIntake, reconciled: true });
    expect(mock.state.instances).toHaveLength(1);
    expect(mock.requests.filter((op) => op !== 'getSpace')).toEqual([
      'installIpack',
      'listIntegrationPackInstances',
      'installIpack',
      'listIntegrationPackInstances',
    ]);
  });
});
