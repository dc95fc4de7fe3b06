import { describe, expect, it } from '@jest/globals';
import { decodeJwt } from 'jose';
import { DEMO } from '../../src/simulator/model/seed.js';
import {
  createPlatformHandler,
  type PlatformHandler,
  type PlatformReply,
  type PlatformRequest,
} from '../../src/simulator/platform/createPlatformHandler.js';
import type { HttpAnswer } from '../../src/simulator/graphql/graphqlOverHttp.js';

// The handler is called directly: no server, no msw. Both front ends only adapt to it.
const basic = (token: string = DEMO.apiToken) =>
  `Basic ${Buffer.from(`BOOMI_TOKEN.${DEMO.username}:${token}`).toString('base64')}`;

function request(url: string, init: { method?: string; headers?: Record<string, string>; body?: unknown } = {}) {
  const headers = new Headers({
    'content-type': 'application/json',
    accept: 'application/json',
    space_guid: DEMO.spaceId,
    ...init.headers,
  });
  const body = init.body === undefined ? '' : JSON.stringify(init.body);
  return { method: init.method ?? 'POST', url, headers, body } satisfies PlatformRequest;
}

const listSpaces = { query: 'query listSpaces { spaces { id } }', operationName: 'listSpaces' };
const install = (name: string) => ({
  query:
    'mutation installIpack($input: IntegrationPackInstanceInput!) { integrationPackInstanceInstall(input: $input) { id } }',
  operationName: 'installIpack',
  variables: { input: { integrationPackId: DEMO.packs.invoiceSync, integrationPackOverrideName: name } },
});

function answered(reply: PlatformReply): HttpAnswer {
  if (reply === 'drop') throw new Error('expected an answer, the handler dropped it');
  return reply;
}

async function jwtOf(handler: PlatformHandler): Promise<string> {
  const reply = answered(
    await handler.handle(
      request(`/auth/jwt/generate/${DEMO.accountId}`, { method: 'GET', headers: { authorization: basic() } }),
    ),
  );
  expect(reply.status).toBe(200);
  return reply.body;
}

const call = async (handler: PlatformHandler, body: unknown, token?: string) =>
  handler.handle(
    request('/graphql', { body, headers: token === undefined ? {} : { authorization: `Bearer ${token}` } }),
  );

describe('the platform handler: routes, JWT endpoint and the one auth check', () => {
  it('issues a JWT for the account in the path, and answers GraphQL calls that carry it', async () => {
    const handler = createPlatformHandler({ now: () => Date.parse('2026-11-30T10:00:00Z') });
    const jwt = await jwtOf(handler);
    expect(decodeJwt(jwt)).toMatchObject({ accountId: DEMO.accountId, sub: DEMO.username });
    const reply = answered(await call(handler, listSpaces, jwt));
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toEqual({ data: { spaces: [{ id: DEMO.spaceId }] } });
    expect(handler.stats).toMatchObject({ graphql: 1, auth: 1, unauthorized: 0, operations: { listSpaces: 1 } });
  });

  it('refuses a wrong API token, an unknown account, another method and an unknown path', async () => {
    const handler = createPlatformHandler();
    const jwtStatus = async (path: string, method: string, authorization: string) =>
      answered(await handler.handle(request(path, { method, headers: { authorization } }))).status;
    expect(await jwtStatus(`/auth/jwt/generate/${DEMO.accountId}`, 'GET', basic('nope'))).toBe(401);
    expect(await jwtStatus('/auth/jwt/generate/someone-else', 'GET', basic())).toBe(401);
    expect(await jwtStatus(`/auth/jwt/generate/${DEMO.accountId}`, 'POST', basic())).toBe(405);
    expect(await jwtStatus('/elsewhere', 'GET', basic())).toBe(404);
  });

  it('strict auth (the simulator’s default) accepts only its JWTs and the listed tokens', async () => {
    const handler = createPlatformHandler({ tokens: ['listed-token'] });
    expect(answered(await call(handler, listSpaces)).status).toBe(401);
    expect(answered(await call(handler, listSpaces, 'made-up')).status).toBe(401);
    expect(answered(await call(handler, listSpaces, 'listed-token')).status).toBe(200);
    expect(handler.stats.unauthorized).toBe(2);
  });

  it('lax auth (the msw kit’s default) accepts any bearer token, but not none', async () => {
    const handler = createPlatformHandler({ strictAuth: false });
    expect(answered(await call(handler, listSpaces, 'made-up')).status).toBe(200);
    expect(answered(await call(handler, listSpaces)).status).toBe(401);
  });
});

describe('the one fault model', () => {
  const handler = createPlatformHandler({ strictAuth: false });
  const state = () => handler.accounts.get(DEMO.accountId)!.platform.state;

  it('a dropped answer is executed first, then dropped', async () => {
    handler.faults.queue('drop-after-execute');
    expect(await call(handler, install('dropped'), 't')).toBe('drop');
    expect(state().instances.map((i) => i.integrationPackOverrideName)).toEqual(['dropped']);
  });

  it('a detailed failure answers its status, code and Retry-After without executing', async () => {
    handler.faults.queueFor('installIpack', { kind: 'fail', status: 503, code: 'BUSY', retryAfterSeconds: 2 });
    const reply = answered(await call(handler, install('refused'), 't'));
    expect(reply.status).toBe(503);
    expect(reply.headers['retry-after']).toBe('2');
    expect(JSON.parse(reply.body)).toMatchObject({ data: null, errors: [{ extensions: { code: 'BUSY' } }] });
    expect(state().instances.map((i) => i.integrationPackOverrideName)).not.toContain('refused');
  });

  it('faults queued for an operation come before those for any operation', async () => {
    handler.faults.queue({ kind: 'rate-limited', retryAfterSeconds: 7 });
    handler.faults.queueFor('listSpaces', 'unavailable');
    const first = answered(await call(handler, listSpaces, 't'));
    const second = answered(await call(handler, listSpaces, 't'));
    expect([first.status, second.status]).toEqual([503, 429]);
    expect(first.headers['retry-after']).toBeUndefined();
    expect(second.headers['retry-after']).toBe('7');
    expect(answered(await call(handler, listSpaces, 't')).status).toBe(200);
  });

  it('an override answers instead of the model, through the schema', async () => {
    handler.overrides.set('listSpaces', () => ({ spaces: [{ id: 'overridden' }] }));
    const reply = answered(await call(handler, listSpaces, 't'));
    expect(JSON.parse(reply.body)).toEqual({ data: { spaces: [{ id: 'overridden' }] } });
    handler.overrides.clear();
  });
});

describe('the rate limit', () => {
  it('admits rateLimit calls a second of the clock, then answers 429 with the seconds left', async () => {
    let clock = 10_000;
    const handler = createPlatformHandler({ strictAuth: false, rateLimit: 2, now: () => clock });
    const statuses = async () => answered(await call(handler, listSpaces, 't'));
    expect((await statuses()).status).toBe(200);
    expect((await statuses()).status).toBe(200);
    const refused = await statuses();
    expect(refused.status).toBe(429);
    expect(refused.headers['retry-after']).toBe('1');
    expect(handler.stats.rateLimited).toBe(1);
    clock += 1000;
    expect((await statuses()).status).toBe(200);
  });
});

describe('a fleet of accounts (accounts: N)', () => {
  const fleetJwt = async (
    handler: PlatformHandler,
    accountId: string,
    username: string,
    token = `token-${accountId}`,
  ) =>
    answered(
      await handler.handle(
        request(`/auth/jwt/generate/${accountId}`, {
          method: 'GET',
          headers: { authorization: `Basic ${Buffer.from(`BOOMI_TOKEN.${username}:${token}`).toString('base64')}` },
        }),
      ),
    );

  it('serves fleet-001… with token-<id> for any username, each its own data', async () => {
    const handler = createPlatformHandler({ accounts: 3 });
    expect([...handler.accounts.keys()]).toEqual(['fleet-001', 'fleet-002', 'fleet-003']);
    const jwt = await fleetJwt(handler, 'fleet-002', 'anyone@example.com');
    expect(jwt.status).toBe(200);
    expect(decodeJwt(jwt.body)).toMatchObject({ accountId: 'fleet-002', sub: 'anyone@example.com' });
    expect((await fleetJwt(handler, 'fleet-002', 'anyone@example.com', 'token-fleet-001')).status).toBe(401);
    expect((await fleetJwt(handler, 'fleet-004', 'anyone@example.com')).status).toBe(401);
    expect((await fleetJwt(handler, DEMO.accountId, DEMO.username, DEMO.apiToken)).status).toBe(401);

    expect(answered(await call(handler, install('only-002'), jwt.body)).status).toBe(200);
    const names = (id: string) =>
      handler.accounts.get(id)!.platform.state.instances.map((i) => i.integrationPackOverrideName);
    expect(names('fleet-002')).toEqual(['only-002']);
    expect(names('fleet-001')).toEqual([]);
    expect(handler.accounts.get('fleet-002')!.platform.state.accountId).toBe('fleet-002');
  });

  it('gives each account its own rate limit', async () => {
    const handler = createPlatformHandler({ accounts: 2, rateLimit: 1, now: () => 50_000 });
    const first = (await fleetJwt(handler, 'fleet-001', 'a')).body;
    const second = (await fleetJwt(handler, 'fleet-002', 'b')).body;
    expect(answered(await call(handler, listSpaces, first)).status).toBe(200);
    expect(answered(await call(handler, listSpaces, first)).status).toBe(429);
    expect(answered(await call(handler, listSpaces, second)).status).toBe(200);
  });

  it('refuses a fleet size out of range', () => {
    expect(() => createPlatformHandler({ accounts: 0 })).toThrow(RangeError);
    expect(() => createPlatformHandler({ accounts: 1.5 })).toThrow(RangeError);
  });
});
