import { afterAll, beforeAll, beforeEach, expect, it } from '@jest/globals';
import { setupServer } from 'msw/node';
import { createSpacesClient, type SpacesClient } from 'boomi-spaces';
import { createSpacesMock, DEMO } from 'boomi-spaces/testing';

// The code under test: one Invoice Sync instance per tenant, skipping tenants already provisioned.
async function provisionTenants(client: SpacesClient, packId: string, tenants: string[]): Promise<string[]> {
  const existing = new Set((await client.listIntegrationPackInstances()).map((i) => i.integrationPackOverrideName));
  const created: string[] = [];
  for (const tenant of tenants.filter((t) => !existing.has(t))) {
    const instance = await client.installIntegrationPack({
      integrationPackId: packId,
      integrationPackOverrideName: tenant,
    });
    created.push(instance.id);
  }
  return created;
}

const mock = createSpacesMock(); // the demo data: DEMO.spaceId shares DEMO.packs.invoiceSync (MULTI)
const server = setupServer(...mock.handlers);
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
beforeEach(() => mock.reset());
afterAll(() => server.close());

const client = createSpacesClient({
  jwt: { accountId: DEMO.accountId, username: DEMO.username, apiToken: DEMO.apiToken },
  spaceGuid: DEMO.spaceId,
});

it('installs one instance per new tenant', async () => {
  await provisionTenants(client, DEMO.packs.invoiceSync, ['acme', 'globex']);
  const created = await provisionTenants(client, DEMO.packs.invoiceSync, ['acme', 'globex', 'initech']);
  expect(created).toHaveLength(1);
  expect(mock.state.instances.map((i) => i.integrationPackOverrideName)).toEqual(['acme', 'globex', 'initech']);
});

it('does not install twice when an answer is lost', async () => {
  mock.dropNext('installIpack'); // the platform installs, then the answer never arrives
  await provisionTenants(client, DEMO.packs.invoiceSync, ['acme']);
  expect(mock.state.instances).toHaveLength(1);
});

it('surfaces the platform’s refusal', async () => {
  mock.failNext('installIpack', { code: 'IPACK_NOT_FOUND_IN_SPACE', message: 'not shared' });
  await expect(provisionTenants(client, DEMO.packs.invoiceSync, ['acme'])).rejects.toMatchObject({
    code: 'IPACK_NOT_FOUND_IN_SPACE',
  });
});

it('answers an operation your way, type-checked', async () => {
  mock.on('listIntegrationPackInstances', () => ({ integrationPackInstances: [] }));
  mock.on('installIpack', ({ input }) => ({
    integrationPackInstanceInstall: {
      id: 'SW5zdGFuY2U5OQ',
      integrationPackId: input.integrationPackId,
      integrationPackOverrideName: 'acme',
    },
  }));
  await expect(provisionTenants(client, DEMO.packs.invoiceSync, ['acme'])).resolves.toEqual(['SW5zdGFuY2U5OQ']);
});
