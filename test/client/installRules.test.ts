import { beforeEach, describe, expect, it } from '@jest/globals';
import { createSpacesClient, SpacesInputError } from '../../src/index.js';
import { DEMO } from '../../src/simulator/model/seed.js';
import { createTestMock, TEST_TOKEN } from '../support/spacesMock.js';
import { withMswServer } from '../support/setupMsw.js';

const mock = createTestMock();
withMswServer(...mock.handlers);
const client = createSpacesClient({ token: TEST_TOKEN, spaceGuid: DEMO.spaceId });

beforeEach(() => {
  mock.reset();
});

describe('install rules, checked before the install is sent', () => {
  it.each([
    ['an empty pack id', { integrationPackId: '' }, 'integrationPackId'],
    ['a blank pack id', { integrationPackId: '   ' }, 'integrationPackId'],
    ['a blank space id', { integrationPackId: DEMO.packs.orderIntake, spaceId: ' ' }, 'spaceId'],
    ['a pack id that is not a string', { integrationPackId: 42 as unknown as string }, 'integrationPackId'],
  ])('refuses %s with INVALID_INPUT and sends nothing', async (_label, request, field) => {
    const error = await client.installIntegrationPack(request).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SpacesInputError);
    expect(error).toMatchObject({ code: 'INVALID_INPUT', field });
    expect(mock.requests).toEqual([]);
  });

  it('refuses a pack the space does not share with IPACK_NOT_FOUND_IN_SPACE, without installing', async () => {
    const error = await client
      .installIntegrationPack({ integrationPackId: DEMO.packs.unsharedArchive, spaceId: DEMO.spaceId })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SpacesInputError);
    expect(error).toMatchObject({ code: 'IPACK_NOT_FOUND_IN_SPACE', field: 'integrationPackId' });
    expect((error as Error).message).toContain('not shared with space "Demo_Space"');
    expect(mock.requests).toEqual(['getSpace']);
  });

  it('refuses a MULTI pack without an override name', async () => {
    await expect(
      client.installIntegrationPack({ integrationPackId: DEMO.packs.invoiceSync, spaceId: DEMO.spaceId }),
    ).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      field: 'integrationPackOverrideName',
      message: expect.stringContaining('is MULTI'),
    });
    await expect(
      client.installIntegrationPack({
        integrationPackId: DEMO.packs.invoiceSync,
        integrationPackOverrideName: '  ',
        spaceId: DEMO.spaceId,
      }),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT', field: 'integrationPackOverrideName' });
    expect(mock.requests).toEqual(['getSpace', 'getSpace']);
  });

  it('refuses a SINGLE pack with an override name', async () => {
    await expect(
      client.installIntegrationPack({
        integrationPackId: DEMO.packs.orderIntake,
        integrationPackOverrideName: 'x',
        spaceId: DEMO.spaceId,
      }),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT', message: expect.stringContaining('is SINGLE') });
    expect(mock.requests).toEqual(['getSpace']);
  });

  it('installs when the rules hold, trimming ids and names', async () => {
    const instance = await client.installIntegrationPack({
      integrationPackId: ` ${DEMO.packs.invoiceSync} `,
      integrationPackOverrideName: ' EU ',
      spaceId: ` ${DEMO.spaceId}`,
    });
    expect(instance).toMatchObject({ integrationPackId: DEMO.packs.invoiceSync, integrationPackOverrideName: 'EU' });
    expect(mock.requests).toEqual(['getSpace', 'installIpack']);
  });

  it('reports an unknown space from the lookup, without installing', async () => {
    await expect(
      client.installIntegrationPack({
        integrationPackId: DEMO.packs.orderIntake,
        spaceId: '11111111-1111-4111-8111-111111111111',
      }),
    ).rejects.toMatchObject({ code: 'SPACE_NOT_FOUND' });
    expect(mock.requests).toEqual(['getSpace']);
  });

  it('lets the platform judge when no space is given, and surfaces its code', async () => {
    await expect(client.installIntegrationPack({ integrationPackId: DEMO.packs.invoiceSync })).rejects.toMatchObject({
      code: 'IPACK_OVERRIDE_NAME_REQUIRED',
      operationName: 'installIpack',
    });
  });
});

describe('other inputs', () => {
  it.each([
    ['getSpace', () => client.getSpace(' ')],
    ['uninstall', () => client.uninstallIntegrationPack('')],
    ['detach', () => client.detachIntegrationPackInstance('\t')],
    [
      'attach without environments',
      () => client.attachIntegrationPackInstance({ integrationPackInstanceId: 'abc', environmentIds: [] }),
    ],
    [
      'attach with a blank environment',
      () => client.attachIntegrationPackInstance({ integrationPackInstanceId: 'abc', environmentIds: ['x', ' '] }),
    ],
    [
      'attach without an instance',
      () => client.attachIntegrationPackInstance({ integrationPackInstanceId: ' ', environmentIds: ['x'] }),
    ],
  ])('%s: refused with INVALID_INPUT before sending', async (_label, call) => {
    await expect(call()).rejects.toBeInstanceOf(SpacesInputError);
    expect(mock.requests).toEqual([]);
  });
});
