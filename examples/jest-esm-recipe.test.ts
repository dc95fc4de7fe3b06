import { afterAll, beforeAll, beforeEach, expect, it } from '@jest/globals';
import { setupServer } from 'msw/node';
import { createSpacesClient } from 'boomi-spaces';
import { createSpacesMock, DEMO } from 'boomi-spaces/testing';

const mock = createSpacesMock(); // first: clients made after it for its endpoint are not paced
const server = setupServer(...mock.handlers);
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
beforeEach(() => mock.reset());
afterAll(() => server.close());

const client = createSpacesClient({ token: 'test-token', spaceGuid: DEMO.spaceId });

it('installs 20 tenants at full speed', async () => {
  for (let i = 1; i <= 20; i++) {
    await client.installIntegrationPack({
      integrationPackId: DEMO.packs.invoiceSync,
      integrationPackOverrideName: `tenant-${i}`,
    });
  }
  expect(mock.state.instances).toHaveLength(20);
});
