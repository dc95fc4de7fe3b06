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

  it('refuses a fleet size out of range; 1000 accounts is the most, the same Space in each', () => {
    expect(() => createPlatformHandler({ accounts: 0 })).toThrow(RangeError);
    expect(() => createPlatformHandler({ accounts: 1.5 })).toThrow(RangeError);
    expect(() => createPlatformHandler({ accounts: 1001 })).toThrow(/1 to 1000/);
    const handler = createPlatformHandler({ accounts: 1000 });
    expect([...handler.accounts.keys()].at(-1)).toBe('fleet-1000');
    expect(handler.accounts.get('fleet-0500')).toBeUndefined();
    expect(handler.accounts.get('fleet-500')!.platform.state.spaces[0]!.id).toBe(DEMO.spaceId);
  });

  it('limits each fleet account to 10 requests a second by default: the 11th is 429 with Retry-After', async () => {
    let clock = 70_250;
    const handler = createPlatformHandler({ accounts: 2, now: () => clock });
    const first = (await fleetJwt(handler, 'fleet-001', 'a')).body;
    const second = (await fleetJwt(handler, 'fleet-002', 'b')).body;
    for (let i = 0; i < 10; i++) expect(answered(await call(handler, listSpaces, first)).status).toBe(200);
    const refused = answered(await call(handler, listSpaces, first));
    expect(refused.status).toBe(429);
    expect(refused.headers['retry-after']).toBe('1');
    expect(JSON.parse(refused.body)).toEqual({
      errors: [expect.objectContaining({ message: expect.stringMatching(/^Too Many Requests/), path: ['spaces'] })],
      data: null,
    });
    expect(answered(await call(handler, listSpaces, second)).status).toBe(200);
    clock += 1000;
    expect(answered(await call(handler, listSpaces, first)).status).toBe(200);
  });

  it('leaves the single default account without a rate limit', async () => {
    const handler = createPlatformHandler({ now: () => 70_250 });
    const jwt = await jwtOf(handler);
    const statuses = [];
    for (let i = 0; i < 15; i++) statuses.push(answered(await call(handler, listSpaces, jwt)).status);
    expect(new Set(statuses)).toEqual(new Set([200]));
  });

  it('draws faults per account, and one account can have its own', async () => {
    const handler = createPlatformHandler({ accounts: 3, faults: { unavailableRate: 0.5, seed: 7 } });
    const jwts = await Promise.all(
      ['fleet-001', 'fleet-002'].map(async (id) => (await fleetJwt(handler, id, 'u')).body),
    );
    const statuses = async (jwt: string, n: number) => {
      const out: number[] = [];
      for (let i = 0; i < n; i++) out.push(answered(await call(handler, listSpaces, jwt)).status);
      return out;
    };
    const alone = await statuses(jwts[0]!, 8);
    expect(alone).toContain(503);
    expect(alone).toContain(200);
    // The same seed again, with the other account's calls in between: fleet-001 draws the same.
    const again = createPlatformHandler({ accounts: 3, faults: { unavailableRate: 0.5, seed: 7 } });
    const [one, two] = await Promise.all(
      ['fleet-001', 'fleet-002'].map(async (id) => (await fleetJwt(again, id, 'u')).body),
    );
    const interleaved: number[] = [];
    for (let i = 0; i < 8; i++) {
      interleaved.push(answered(await call(again, listSpaces, one)).status);
      answered(await call(again, listSpaces, two));
    }
    expect(interleaved).toEqual(alone);

    const quiet = createPlatformHandler({ accounts: 2 });
    const [q1, q2] = await Promise.all(
      ['fleet-001', 'fleet-002'].map(async (id) => (await fleetJwt(quiet, id, 'u')).body),
    );
    quiet.accounts.get('fleet-002')!.faults.set({ unavailableRate: 1 });
    expect(answered(await call(quiet, listSpaces, q2)).status).toBe(503);
    expect(answered(await call(quiet, listSpaces, q1)).status).toBe(200);
    quiet.faults.queue('unavailable');
    expect(answered(await call(quiet, listSpaces, q1)).status).toBe(503);
  });

  it('counts requests, JWTs, 429s and executed mutations per account', async () => {
    const handler = createPlatformHandler({ accounts: 2, rateLimit: 2, now: () => 90_000 });
    const jwt = (await fleetJwt(handler, 'fleet-002', 'u')).body;
    expect(answered(await call(handler, install('one'), jwt)).status).toBe(200);
    handler.accounts.get('fleet-002')!.faults.queue('drop-after-execute');
    expect(await call(handler, install('two'), jwt)).toBe('drop');
    expect(answered(await call(handler, listSpaces, jwt)).status).toBe(429);
    expect(handler.accountStats()).toEqual({
      'fleet-001': { requests: 0, auth: 0, rateLimited: 0, mutations: 0, mutationsByOperation: {} },
      'fleet-002': { requests: 3, auth: 1, rateLimited: 1, mutations: 2, mutationsByOperation: { installIpack: 2 } },
    });
  });
});
