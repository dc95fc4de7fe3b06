import { beforeEach, describe, expect, it } from '@jest/globals';
import { createSpacesClient, type SpacesClient } from '../../src/index.js';
import { DEMO } from '../../src/simulator/model/seed.js';
import { createTestMock, TEST_TOKEN } from '../support/spacesMock.js';
import { recordRequests, withMswServer } from '../support/setupMsw.js';

const mock = createTestMock();
const server = withMswServer(...mock.handlers);
const requests = recordRequests(server);

let client: SpacesClient;
beforeEach(() => {
  mock.reset();
  requests.length = 0;
  client = createSpacesClient({ token: TEST_TOKEN, spaceGuid: DEMO.spaceId });
});

describe('typed methods against the mocked platform', () => {
  it('getSpace returns the space with its shared packs and install types', async () => {
    const space = await client.getSpace(DEMO.spaceId);
    expect(space.id).toBe(DEMO.spaceId);
    expect(space.name).toBe('Demo_Space');
    expect(space.accountGroup?.name).toBe('Demo account group');
    expect(space.sharedIpacks?.map((p) => [p?.name, p?.installationType])).toEqual([
      ['Order Intake', 'SINGLE'],
      ['Invoice Sync', 'MULTI'],
      ['Customer Master Data', 'MULTI'],
    ]);
  });

  it('getSpace of an unknown id rejects with SPACE_NOT_FOUND', async () => {
    await expect(client.getSpace('00000000-0000-4000-8000-000000000000')).rejects.toMatchObject({
      code: 'SPACE_NOT_FOUND',
      operationName: 'getSpace',
    });
  });

  it('listSpaces lists the account’s spaces', async () => {
    const spaces = await client.listSpaces();
    expect(spaces.map((s) => s.id)).toEqual([DEMO.spaceId]);
  });

  it('installs, lists and uninstalls instances', async () => {
    const single = await client.installIntegrationPack({ integrationPackId: DEMO.packs.orderIntake });
    expect(single).toEqual({
      id: 'SW50ZWdyYXRpb25QYWNrSW5zdGFuY2UzNDQ0OA',
      integrationPackId: DEMO.packs.orderIntake,
      integrationPackOverrideName: null,
      reconciled: false,
    });
    const multi = await client.installIntegrationPack({
      integrationPackId: DEMO.packs.invoiceSync,
      integrationPackOverrideName: '  EU invoices ',
    });
    expect(multi.integrationPackOverrideName).toBe('EU invoices');

    const instances = await client.listIntegrationPackInstances();
    expect(instances.map((i) => [i.integrationPack?.name, i.integrationPackOverrideName])).toEqual([
      ['Order Intake', null],
      ['Invoice Sync', 'EU invoices'],
    ]);

    await expect(client.uninstallIntegrationPack(single.id)).resolves.toBe(single.id);
    expect((await client.listIntegrationPackInstances()).map((i) => i.id)).toEqual([multi.id]);
  });

  it('lists environments, attaches and detaches an instance', async () => {
    const instance = await client.installIntegrationPack({
      integrationPackId: DEMO.packs.customerMaster,
      integrationPackOverrideName: 'CRM',
    });
    const environments = await client.listEnvironments();
    expect(environments.map((e) => [e.name, e.classification, e.atoms?.length])).toEqual([
      ['Production', 'PROD', 1],
      ['Test', 'TEST', 1],
    ]);

    const attachments = await client.attachIntegrationPackInstance({
      integrationPackInstanceId: instance.id,
      environmentIds: [DEMO.environments.prod, DEMO.environments.test],
    });
    expect(attachments.map((a) => a.environmentId)).toEqual([DEMO.environments.prod, DEMO.environments.test]);
    const prod = (await client.listEnvironments()).find((e) => e.id === DEMO.environments.prod);
    expect(prod?.integrationPackEnvironmentAttachment?.map((a) => a?.integrationPackInstanceId)).toEqual([instance.id]);

    await expect(client.detachIntegrationPackInstance(attachments[0]!.id)).resolves.toBe(attachments[0]!.id);
    const after = (await client.listEnvironments()).find((e) => e.id === DEMO.environments.prod);
    expect(after?.integrationPackEnvironmentAttachment).toEqual([]);
  });

  it('raises the platform’s code for an unknown instance', async () => {
    await expect(client.uninstallIntegrationPack('SW52YWxpZA')).rejects.toMatchObject({
      code: 'IPACK_INSTANCE_ID_INVALID',
      operationName: 'uninstallIpack',
      status: 200,
    });
  });
});

describe('what goes over the wire', () => {
  it('sends every operation as a JSON POST with bearer auth, SPACE_GUID and custom headers', async () => {
    const withHeaders = createSpacesClient({
      token: TEST_TOKEN,
      spaceGuid: DEMO.spaceId,
      headers: { 'X-Trace': 'abc' },
    });
    await withHeaders.listSpaces();
    await withHeaders.getSpace(DEMO.spaceId);
    expect(requests).toHaveLength(2);
    for (const request of requests) {
      expect(request.method).toBe('POST');
      expect(request.url).toBe('https://platform.boomi.com/graphql');
      expect(request.headers.get('authorization')).toBe(`Bearer ${TEST_TOKEN}`);
      expect(request.headers.get('accept')).toBe('application/json');
      expect(request.headers.get('content-type')).toBe('application/json');
      expect(request.headers.get('space_guid')).toBe(DEMO.spaceId);
      expect(request.headers.get('x-trace')).toBe('abc');
    }
    const body = (await requests[1]!.json()) as { query: string; variables: unknown; operationName: string };
    expect(body.operationName).toBe('getSpace');
    expect(body.variables).toEqual({ id: DEMO.spaceId });
    expect(body.query).toContain('space: Space(id: $id)');
  });

  it('never answers from a cache: a second listing goes to the network and sees the change', async () => {
    expect(await client.listIntegrationPackInstances()).toEqual([]);
    await client.installIntegrationPack({ integrationPackId: DEMO.packs.orderIntake });
    expect(await client.listIntegrationPackInstances()).toHaveLength(1);
    expect(mock.requests.slice(-3)).toEqual([
      'listIntegrationPackInstances',
      'installIpack',
      'listIntegrationPackInstances',
    ]);
  });

  it('asks getToken for the token before every request', async () => {
    let calls = 0;
    const rotating = createSpacesClient({
      getToken: () => {
        calls += 1;
        return Promise.resolve(TEST_TOKEN);
      },
    });
    await rotating.listSpaces();
    await rotating.listSpaces();
    expect(calls).toBe(2);
  });

  it('omits SPACE_GUID when none is configured, and the platform then refuses space-scoped calls', async () => {
    const noGuid = createSpacesClient({ token: TEST_TOKEN });
    await expect(noGuid.listIntegrationPackInstances()).rejects.toMatchObject({ code: 'MISSING_SPACE_ID' });
    expect(requests.at(-1)!.headers.has('space_guid')).toBe(false);
  });
});
