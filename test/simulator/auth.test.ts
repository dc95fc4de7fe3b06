import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { decodeJwt } from 'jose';
import { startSimulator, type RunningSimulator } from '../../src/simulator/server/startSimulator.js';
import { fetchJwt, postGraphQL } from '../support/simulatorClient.js';

let clock = Date.parse('2026-11-29T10:00:00Z');
let simulator: RunningSimulator;
beforeAll(async () => {
  simulator = await startSimulator({ jwtTtlSeconds: 300, now: () => clock });
});
afterAll(() => simulator.close());

const spacesQuery = { query: 'query listSpaces { spaces { id } }' };

describe('the simulator’s JWT endpoint', () => {
  it('issues a JWT expiring ttl seconds from now for the demo user', async () => {
    const response = await fetchJwt(simulator);
    expect(response.status).toBe(200);
    const jwt = await response.text();
    const claims = decodeJwt(jwt);
    expect(claims.sub).toBe('demo@example.com');
    expect(claims.exp).toBe(clock / 1000 + 300);
  });

  it('refuses a wrong API token, a wrong account, and a call without Basic auth', async () => {
    expect((await fetchJwt(simulator, 'not-the-token')).status).toBe(401);
    const basic = Buffer.from('BOOMI_TOKEN.demo@example.com:demo-token').toString('base64');
    expect(
      (await fetch(`${simulator.authUrl}/other-account`, { headers: { authorization: `Basic ${basic}` } })).status,
    ).toBe(401);
    expect((await fetch(`${simulator.authUrl}/demo-account`)).status).toBe(401);
    expect((await fetch(`${simulator.authUrl}/demo-account`, { method: 'POST' })).status).toBe(405);
  });
});

describe('GraphQL calls need a valid, unexpired JWT', () => {
  it('answers a call without a JWT with the documented 401 body', async () => {
    const response = await postGraphQL(simulator, spacesQuery);
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({
      errors: [
        { message: 'Downstream Execution Error: Unauthorized', path: ['spaces'], extensions: { code: 'UNAUTHORIZED' } },
      ],
      data: null,
    });
  });

  it('accepts a fresh JWT and refuses it once expired', async () => {
    const jwt = await (await fetchJwt(simulator)).text();
    const auth = { authorization: `Bearer ${jwt}` };
    expect((await postGraphQL(simulator, spacesQuery, auth)).status).toBe(200);
    clock += 299_000;
    expect((await postGraphQL(simulator, spacesQuery, auth)).status).toBe(200);
    clock += 2_000;
    const expired = await postGraphQL(simulator, spacesQuery, auth);
    expect(expired.status).toBe(401);
    expect(await expired.json()).toMatchObject({ errors: [{ extensions: { code: 'UNAUTHORIZED' } }] });
  });

  it('refuses a tampered JWT', async () => {
    const jwt = await (await fetchJwt(simulator)).text();
    const [header, payload, signature] = jwt.split('.');
    const forged = Buffer.from(JSON.stringify({ ...decodeJwt(jwt), exp: clock / 1000 + 99_999 })).toString('base64url');
    expect(payload).not.toBe(forged);
    const response = await postGraphQL(simulator, spacesQuery, {
      authorization: `Bearer ${header}.${forged}.${signature}`,
    });
    expect(response.status).toBe(401);
  });
});

describe('the msw kit’s auth options work on the simulator too (one auth check)', () => {
  it('tokens are accepted besides its JWTs; strictAuth: false accepts any bearer token', async () => {
    const listed = await startSimulator({ tokens: ['listed-token'] });
    const lax = await startSimulator({ strictAuth: false });
    try {
      expect((await postGraphQL(listed, spacesQuery, { authorization: 'Bearer listed-token' })).status).toBe(200);
      expect((await postGraphQL(listed, spacesQuery, { authorization: 'Bearer other' })).status).toBe(401);
      expect((await postGraphQL(lax, spacesQuery, { authorization: 'Bearer other' })).status).toBe(200);
      expect((await postGraphQL(lax, spacesQuery)).status).toBe(401);
    } finally {
      await Promise.all([listed.close(), lax.close()]);
    }
  });
});

describe('a fleet behind the server', () => {
  it('issues JWTs for each account of `accounts: N` and exposes them all', async () => {
    const fleet = await startSimulator({ accounts: 2 });
    try {
      expect([...fleet.accounts.keys()]).toEqual(['fleet-001', 'fleet-002']);
      expect(fleet.credentials).toMatchObject({ accountId: 'fleet-001', apiToken: 'token-fleet-001' });
      const basic = Buffer.from('BOOMI_TOKEN.someone:token-fleet-002').toString('base64');
      const response = await fetch(`${fleet.authUrl}/fleet-002`, { headers: { authorization: `Basic ${basic}` } });
      expect(response.status).toBe(200);
      const jwt = await response.text();
      expect((await postGraphQL(fleet, spacesQuery, { authorization: `Bearer ${jwt}` })).status).toBe(200);
    } finally {
      await fleet.close();
    }
  });
});
