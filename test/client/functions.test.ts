// boomi-spaces/functions: the same rules and errors as the client's methods (which call them), on a
// core or on a client, against the mocked platform.
import { inspect } from 'node:util';
import { beforeEach, describe, expect, it } from '@jest/globals';
import {
  createSpacesCore,
  getSpace,
  installIntegrationPack,
  jwtTokenSource,
  listIntegrationPackInstances,
  SpacesError,
  SpacesInputError,
  type SpacesCore,
} from '../../src/functions/index.js';
import { createSpacesClient } from '../../src/index.js';
import { DEMO } from '../../src/simulator/model/seed.js';
import { createTestMock, TEST_TOKEN } from '../support/spacesMock.js';
import { recordRequests, withMswServer } from '../support/setupMsw.js';

const mock = createTestMock();
const server = withMswServer(...mock.handlers);
const requests = recordRequests(server);

let core: SpacesCore;
beforeEach(() => {
  mock.reset();
  requests.length = 0;
  core = createSpacesCore({ token: TEST_TOKEN, spaceGuid: DEMO.spaceId });
});

describe('the functions entry', () => {
  it('reads a Space and installs a pack through a core', async () => {
    const space = await getSpace(core, DEMO.spaceId);
    const pack = space.sharedIpacks.find((p) => p.installationType === 'MULTI')!;
    const instance = await installIntegrationPack(core, {
      integrationPackId: pack.id,
      integrationPackOverrideName: 'EU',
      spaceId: DEMO.spaceId,
    });
    expect(instance).toMatchObject({
      integrationPackId: pack.id,
      integrationPackOverrideName: 'EU',
      reconciled: false,
    });
    expect((await listIntegrationPackInstances(core)).map((i) => i.id)).toContain(instance.id);
  });

  it('refuses what the client refuses, before sending', async () => {
    await expect(getSpace(core, '  ')).rejects.toBeInstanceOf(SpacesInputError);
    const space = await getSpace(core, DEMO.spaceId);
    const multi = space.sharedIpacks.find((p) => p.installationType === 'MULTI')!;
    requests.length = 0;
    await expect(
      installIntegrationPack(core, { integrationPackId: multi.id, spaceId: DEMO.spaceId }),
    ).rejects.toBeInstanceOf(SpacesInputError);
    // Only the read of the Space that showed the pack wants an override name: no install was sent.
    expect(requests).toHaveLength(1);
  });

  it('rejects SPACE_NOT_FOUND as the client does, and takes a client as its core', async () => {
    const client = createSpacesClient({ token: TEST_TOKEN, spaceGuid: DEMO.spaceId });
    const unknown = '00000000-0000-4000-8000-000000000000';
    const [fromCore, fromClient] = await Promise.all([
      getSpace(core, unknown).catch((e: unknown) => e),
      getSpace(client, unknown).catch((e: unknown) => e),
    ]);
    expect(fromCore).toBeInstanceOf(SpacesError);
    expect(fromCore).toMatchObject({ code: 'SPACE_NOT_FOUND', operationName: 'getSpace' });
    expect(fromClient).toMatchObject({ code: 'SPACE_NOT_FOUND', operationName: 'getSpace' });
  });

  it('names the core when given something else', async () => {
    await expect(getSpace({} as SpacesCore, DEMO.spaceId)).rejects.toMatchObject({ field: 'core' });
  });

  it('fetches its own JWTs from credentials given through jwtTokenSource', async () => {
    const credentials = { accountId: DEMO.accountId, username: DEMO.username, apiToken: DEMO.apiToken };
    const withJwt = createSpacesCore({ jwt: jwtTokenSource(credentials), spaceGuid: DEMO.spaceId, rateLimit: false });
    expect((await getSpace(withJwt, DEMO.spaceId)).id).toBe(DEMO.spaceId);
    expect(requests.map((r) => new URL(r.url).pathname)).toEqual([`/auth/jwt/generate/${DEMO.accountId}`, '/graphql']);
    expect(requests[1]!.headers.get('authorization')).toMatch(/^Bearer /);
    // The wrapped credentials never show their API token.
    const source = jwtTokenSource(credentials);
    expect(JSON.stringify({ source })).not.toContain(DEMO.apiToken);
  });

  it('refuses plain jwt credentials, naming jwtTokenSource, and checks them when the core is made', () => {
    const plain = { accountId: DEMO.accountId, username: DEMO.username, apiToken: DEMO.apiToken };
    expect(() => createSpacesCore({ jwt: plain as never })).toThrow(
      expect.objectContaining({ field: 'jwt', message: expect.stringContaining('jwtTokenSource(') }),
    );
    expect(() => createSpacesCore({ jwt: jwtTokenSource({ ...plain, accountId: ' ' }) })).toThrow(SpacesInputError);
    expect(() => createSpacesCore({ token: 't', jwt: jwtTokenSource(plain) })).toThrow(
      expect.objectContaining({ field: 'token' }),
    );
  });

  it('takes the old name of attemptTimeoutMs, checked as before, without the client’s deprecation warning', () => {
    const events: unknown[] = [];
    createSpacesCore({ token: TEST_TOKEN, timeoutMs: 5000, logger: (event) => events.push(event) });
    expect(events).toEqual([]);
    expect(() => createSpacesCore({ token: TEST_TOKEN, timeoutMs: 0 })).toThrow(
      expect.objectContaining({ field: 'timeoutMs' }),
    );
  });

  it('shows only its endpoint as JSON, and no credential in any dump, after calls too', async () => {
    expect(JSON.stringify(core)).toBe(JSON.stringify({ endpoint: core.endpoint }));
    const credentials = { accountId: DEMO.accountId, username: DEMO.username, apiToken: DEMO.apiToken };
    const withJwt = createSpacesCore({ jwt: jwtTokenSource(credentials), spaceGuid: DEMO.spaceId, rateLimit: false });
    await getSpace(core, DEMO.spaceId);
    await getSpace(withJwt, DEMO.spaceId);
    for (const dumped of [core, withJwt].map((c) => inspect(c, { showHidden: true, depth: 20 }))) {
      expect(dumped).toContain(core.endpoint);
      for (const secret of [TEST_TOKEN, DEMO.apiToken]) expect(dumped).not.toContain(secret);
    }
  });
});
