import { beforeEach, describe, expect, it } from '@jest/globals';
import { createSpacesClient, OutcomeUnknownError } from '../../src/index.js';
import { createSpacesMock, DEMO, PlatformError, type SimPack } from '../../src/testing/index.js';
import { createTestMock, TEST_TOKEN } from '../support/spacesMock.js';
import { withMswServer } from '../support/setupMsw.js';

const CUSTOM_ENDPOINT = 'https://custom.example.test/graphql';
const extraPack: SimPack = {
  id: 'aaaaaaaa-0000-4000-8000-000000000001',
  name: 'Payroll',
  description: 'Runs payroll.',
  installationType: 'MULTI',
};
const mock = createTestMock();
const seeded = createSpacesMock({
  endpoint: CUSTOM_ENDPOINT,
  tokens: [TEST_TOKEN],
  fixtures: {
    packs: [extraPack],
    spaces: [{ ...createDemoSpace(), sharedPackIds: [extraPack.id] }],
    instances: [{ id: 'SW5zdGFuY2Ux', integrationPackId: extraPack.id, integrationPackOverrideName: 'Existing' }],
  },
});
// The simulator's options, on the same fake platform: a rate limit on a clock the test moves.
const SHARED_ENDPOINT = 'https://shared.example.test/graphql';
let clock = Date.parse('2026-11-30T10:00:00Z');
const shared = createSpacesMock({ endpoint: SHARED_ENDPOINT, rateLimit: 1, now: () => clock });
// A fleet: two accounts, each reached through the JWT flow with its own token.
const FLEET_ENDPOINT = 'https://fleet.example.test/graphql';
const FLEET_AUTH = 'https://fleet.example.test/auth/jwt/generate';
const fleet = createSpacesMock({ accounts: 2, endpoint: FLEET_ENDPOINT, authUrl: FLEET_AUTH });
withMswServer(...mock.handlers, ...seeded.handlers, ...shared.handlers, ...fleet.handlers);

function createDemoSpace() {
  return {
    id: DEMO.spaceId,
    name: 'Seeded',
    description: 'A seeded space',
    createdDate: '2026-01-01 00:00:00.0',
    createdByAccountId: DEMO.accountId,
    modifiedDate: '2026-01-01 00:00:00.0',
    modifiedByAccountId: DEMO.accountId,
    url: 'https://example.test',
    sharedPackIds: [] as string[],
    accountGroup: { id: DEMO.accountGroupId, name: 'Group' },
    theme: { logoUrl: null, logoAltTxt: null },
  };
}

const client = createSpacesClient({
  token: TEST_TOKEN,
  spaceGuid: DEMO.spaceId,
  retry: { baseDelayMs: 1, maxDelayMs: 2 },
});
beforeEach(() => {
  mock.reset();
  seeded.reset();
  shared.reset();
  fleet.reset();
});

describe('createSpacesMock({ accounts })', () => {
  it('serves fleet-001… each with its own data, token and counts; reset() empties them all', async () => {
    const as = (accountId: string) =>
      createSpacesClient({
        endpoint: FLEET_ENDPOINT,
        spaceGuid: DEMO.spaceId,
        jwt: { accountId, username: 'ops@partner.example', apiToken: `token-${accountId}`, authUrl: FLEET_AUTH },
      });
    await as('fleet-002').installIntegrationPack({ integrationPackId: DEMO.packs.orderIntake });
    expect(fleet.accounts.get('fleet-002')!.platform.state.instances).toHaveLength(1);
    expect(await as('fleet-001').listIntegrationPackInstances()).toEqual([]);
    expect(fleet.accountStats()['fleet-002']).toMatchObject({ requests: 1, auth: 1, mutations: 1 });
    fleet.reset();
    expect(fleet.accounts.get('fleet-002')!.platform.state).toMatchObject({ instances: [], accountId: 'fleet-002' });
    expect(fleet.accountStats()['fleet-002']).toMatchObject({ requests: 0, mutations: 0 });
  });
});

describe('createSpacesMock: a stateful fake platform', () => {
  it('keeps state: installs appear in later listings, the rules and codes hold', async () => {
    await client.installIntegrationPack({ integrationPackId: DEMO.packs.orderIntake });
    expect(await client.listIntegrationPackInstances()).toHaveLength(1);
    await expect(client.installIntegrationPack({ integrationPackId: DEMO.packs.orderIntake })).rejects.toMatchObject({
      code: 'IPACK_ALREADY_INSTALLED',
    });
    await expect(
      client.installIntegrationPack({ integrationPackId: DEMO.packs.unsharedArchive }),
    ).rejects.toMatchObject({
      code: 'IPACK_NOT_FOUND_IN_SPACE',
    });
    expect(mock.state.instances).toHaveLength(1);
    expect(mock.requests).toEqual(['installIpack', 'listIntegrationPackInstances', 'installIpack', 'installIpack']);
  });

  it('includes the JWT endpoint: a client with API-token credentials works, a wrong token is refused', async () => {
    const jwtClient = createSpacesClient({
      jwt: { accountId: DEMO.accountId, username: DEMO.username, apiToken: DEMO.apiToken },
    });
    await expect(jwtClient.listSpaces()).resolves.toHaveLength(1);
    const wrong = createSpacesClient({ jwt: { accountId: DEMO.accountId, username: DEMO.username, apiToken: 'nope' } });
    await expect(wrong.listSpaces()).rejects.toMatchObject({ code: 'AUTH_ERROR', status: 401 });
    const stranger = createSpacesClient({ token: 'not-a-known-token', retry: { maxAttempts: 1 } });
    await expect(stranger.listSpaces()).rejects.toMatchObject({ code: 'UNAUTHORIZED', status: 401 });
  });

  it('is seeded from fixtures, and reset() returns to them', async () => {
    const other = createSpacesClient({ endpoint: CUSTOM_ENDPOINT, token: TEST_TOKEN, spaceGuid: DEMO.spaceId });
    const space = await other.getSpace(DEMO.spaceId);
    expect(space.sharedIpacks).toEqual([
      { id: extraPack.id, name: 'Payroll', description: 'Runs payroll.', installationType: 'MULTI' },
    ]);
    await other.installIntegrationPack({
      integrationPackId: extraPack.id,
      integrationPackOverrideName: 'New',
      spaceId: DEMO.spaceId,
    });
    expect(seeded.state.instances.map((i) => i.integrationPackOverrideName)).toEqual(['Existing', 'New']);
    seeded.reset();
    expect(seeded.state.instances.map((i) => i.integrationPackOverrideName)).toEqual(['Existing']);
  });
});

describe('fault switches', () => {
  it('takes fixtures and fault rates given as undefined as absent: the demo data, no faults', () => {
    const given = createSpacesMock({
      endpoint: 'https://undefined.example.test/graphql',
      fixtures: { packs: undefined, spaces: undefined },
      faults: { unavailableRate: undefined, seed: undefined },
    });
    const demo = createSpacesMock({ endpoint: 'https://demo.example.test/graphql' });
    expect(given.state.packs).toEqual(demo.state.packs);
    expect(given.state.spaces).toEqual(demo.state.spaces);
    expect(given.faults.current).toEqual(demo.faults.current);
    given.faults.set({ dropAfterExecuteRate: undefined, rateLimitedRate: 0.5 });
    expect(given.faults.current).toEqual({ ...demo.faults.current, rateLimitedRate: 0.5 });
    given.reset();
    expect(given.faults.current).toEqual(demo.faults.current);
  });

  it('failNext fails only the next call of that operation, with the status and code given', async () => {
    mock.failNext('listSpaces', { status: 200, code: 'SPACE_IS_DELETED', message: 'gone' });
    await expect(client.getSpace(DEMO.spaceId)).resolves.toMatchObject({ id: DEMO.spaceId });
    await expect(client.listSpaces()).rejects.toMatchObject({ code: 'SPACE_IS_DELETED' });
    await expect(client.listSpaces()).resolves.toHaveLength(1);
  });

  it('dropNext executes the call and loses the answer: the SDK reconciles instead of installing twice', async () => {
    mock.dropNext('installIpack');
    const instance = await client.installIntegrationPack({
      integrationPackId: DEMO.packs.invoiceSync,
      integrationPackOverrideName: 'EU',
    });
    expect(instance.reconciled).toBe(true);
    expect(mock.state.instances).toHaveLength(1);
  });

  it('dropNext on the listing too leaves the outcome unknown', async () => {
    const oneShot = createSpacesClient({
      token: TEST_TOKEN,
      spaceGuid: DEMO.spaceId,
      retry: { maxAttempts: 1, reconcileAttempts: 1 },
    });
    mock.dropNext('installIpack');
    mock.dropNext('listIntegrationPackInstances');
    await expect(oneShot.installIntegrationPack({ integrationPackId: DEMO.packs.orderIntake })).rejects.toBeInstanceOf(
      OutcomeUnknownError,
    );
  });

  it('rateLimitNext answers 429 with Retry-After, which the SDK waits out', async () => {
    mock.rateLimitNext('*', 0);
    await expect(client.listSpaces()).resolves.toHaveLength(1);
    expect(mock.requests).toEqual(['listSpaces', 'listSpaces']);
  });
});

describe('the simulator’s options and fault model, shared', () => {
  const sharedClient = (options: { maxAttempts?: number } = {}) =>
    createSpacesClient({
      endpoint: SHARED_ENDPOINT,
      token: 'any-token',
      spaceGuid: DEMO.spaceId,
      rateLimit: false,
      retry: { maxAttempts: options.maxAttempts ?? 3, baseDelayMs: 1, maxDelayMs: 2 },
    });

  it('rateLimit answers 429 above the limit in one second of the clock', async () => {
    const once = sharedClient({ maxAttempts: 1 });
    await expect(once.listSpaces()).resolves.toHaveLength(1);
    await expect(once.listSpaces()).rejects.toMatchObject({ status: 429 });
    clock += 1000;
    await expect(once.listSpaces()).resolves.toHaveLength(1);
    expect(shared.requests).toEqual(['listSpaces', 'listSpaces', 'listSpaces']);
  });

  it('fault rates drop every answer after executing, and reset() turns them off', async () => {
    clock += 1000;
    shared.faults.set({ dropAfterExecuteRate: 1 });
    const once = createSpacesClient({
      endpoint: SHARED_ENDPOINT,
      token: 'any-token',
      spaceGuid: DEMO.spaceId,
      rateLimit: false,
      retry: { maxAttempts: 1, reconcileAttempts: 1 },
    });
    await expect(once.installIntegrationPack({ integrationPackId: DEMO.packs.orderIntake })).rejects.toBeInstanceOf(
      OutcomeUnknownError,
    );
    expect(shared.state.instances).toHaveLength(1);
    shared.reset();
    expect(shared.faults.current.dropAfterExecuteRate).toBe(0);
    clock += 1000;
    await expect(sharedClient().listSpaces()).resolves.toHaveLength(1);
  });
});

describe('typed per-operation overrides', () => {
  it('answers with your result, run through the schema', async () => {
    mock.on('installIpack', (variables) => ({
      integrationPackInstanceInstall: {
        id: 'T3ZlcnJpZGRlbg',
        integrationPackId: variables.input.integrationPackId,
        integrationPackOverrideName: variables.input.integrationPackOverrideName ?? null,
      },
    }));
    const instance = await client.installIntegrationPack({
      integrationPackId: DEMO.packs.invoiceSync,
      integrationPackOverrideName: 'X',
    });
    expect(instance).toEqual({
      id: 'T3ZlcnJpZGRlbg',
      integrationPackId: DEMO.packs.invoiceSync,
      integrationPackOverrideName: 'X',
      reconciled: false,
    });
    expect(mock.state.instances).toEqual([]);
  });

  it('works with aliased root fields', async () => {
    mock.on('getSpace', ({ id }) => ({
      space: { ...createDemoSpace(), id, name: 'Overridden', sharedIpacks: [], createdDate: null },
    }));
    await expect(client.getSpace('anything')).resolves.toMatchObject({ id: 'anything', name: 'Overridden' });
  });

  it('an override that breaks the schema becomes a GraphQL error, not a malformed answer', async () => {
    mock.on('uninstallIpack', () => ({ integrationPackInstanceUninstall: { not: 'an id' } as unknown as string }));
    await expect(client.uninstallIntegrationPack('x')).rejects.toMatchObject({ code: 'GRAPHQL_ERROR' });
  });

  it('an override can refuse with a platform code', async () => {
    mock.on('detachIpackInstance', () => {
      throw new PlatformError('ATTACHMENT_ID_INVALID', 'no such attachment');
    });
    await expect(client.detachIntegrationPackInstance('x')).rejects.toMatchObject({ code: 'ATTACHMENT_ID_INVALID' });
  });

  it('is type-checked against the generated operation types', () => {
    /* eslint-disable @typescript-eslint/no-unsafe-assignment -- the type errors the test expects make values `any` */
    const neverCalled = () => {
      mock.on('installIpack', (variables) => ({
        integrationPackInstanceInstall: {
          // @ts-expect-error the install variables have no `packId`
          id: variables.packId,
          integrationPackId: null,
          integrationPackOverrideName: null,
        },
      }));
      // @ts-expect-error listSpaces answers `spaces`, not `space`
      mock.on('listSpaces', () => ({ space: [] }));
      // @ts-expect-error not one of our operations
      mock.on('deleteEverything', () => ({}));
    };
    /* eslint-enable @typescript-eslint/no-unsafe-assignment */
    expect(typeof neverCalled).toBe('function');
  });
});
