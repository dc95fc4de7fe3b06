import type { SpacesClient } from '../../src/index.js';
import { createSpacesMock, DEMO, type SpacesMockOptions } from '../../src/testing/index.js';

/** The bearer token our tests' clients send; the strict mock accepts it besides the JWTs it issues. */
export const TEST_TOKEN = 'test-jwt-eyJhbGciOiJIUzI1NiJ9.c2VjcmV0.s1gn4tur3';

/** Our own tests use the testing kit we ship (dogfood), with the platform's strict auth rules. */
export function createTestMock(options: SpacesMockOptions = {}) {
  return createSpacesMock({ strictAuth: true, tokens: [TEST_TOKEN], ...options });
}

/** An "Invoice Sync" instance attached to Production: where the lifecycle tests start. */
export async function attachedInvoiceSync(client: SpacesClient, name = 'EU invoices'): Promise<string> {
  const { id } = await client.installIntegrationPack({
    integrationPackId: DEMO.packs.invoiceSync,
    integrationPackOverrideName: name,
  });
  await client.attachIntegrationPackInstance({
    integrationPackInstanceId: id,
    environmentIds: [DEMO.environments.prod],
  });
  return id;
}
