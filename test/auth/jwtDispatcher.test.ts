import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { MockAgent } from 'undici';
import { createJwtProvider, createSpacesClient } from '../../src/index.js';
import { fakeJwt } from '../support/jwt.js';

// No msw here: the dispatcher alone answers, and it refuses any request it was not told of.
const AUTH_ORIGIN = 'https://api.boomi.com';
const AUTH_PATH = '/auth/jwt/generate/acme-ABC123';
const GRAPHQL_ORIGIN = 'https://platform.boomi.com';
const JWT = fakeJwt(4_000_000_000, 'me');
const credentials = { accountId: 'acme-ABC123', username: 'me@acme.com', apiToken: 'api-token-SEKRET-7d1e' };

let agent: MockAgent;
let jwtRequests: Array<Record<string, string>>;
let graphqlAuthorization: string[];
beforeEach(() => {
  agent = new MockAgent();
  agent.disableNetConnect();
  jwtRequests = [];
  graphqlAuthorization = [];
  agent
    .get(AUTH_ORIGIN)
    .intercept({ path: AUTH_PATH, method: 'GET' })
    .reply(200, (options) => {
      jwtRequests.push(options.headers as Record<string, string>);
      return JWT;
    });
  agent
    .get(GRAPHQL_ORIGIN)
    .intercept({ path: '/graphql', method: 'POST' })
    .reply(200, (options) => {
      graphqlAuthorization.push((options.headers as Record<string, string>).authorization ?? '');
      return { data: { spaces: [] } };
    })
    .persist();
});
afterEach(() => agent.close());

describe('JWT requests go through the configured dispatcher (a ProxyAgent behind a corporate proxy)', () => {
  it('a client with `jwt` and `dispatcher` asks the dispatcher for its JWT, then sends GraphQL with it', async () => {
    const client = createSpacesClient({ jwt: credentials, dispatcher: agent, rateLimit: false });
    await expect(client.listSpaces()).resolves.toEqual([]);
    expect(jwtRequests).toHaveLength(1);
    const basic = Buffer.from(`BOOMI_TOKEN.me@acme.com:${credentials.apiToken}`).toString('base64');
    expect(jwtRequests[0]!.authorization).toBe(`Basic ${basic}`);
    expect(graphqlAuthorization).toEqual([`Bearer ${JWT}`]);
    agent.assertNoPendingInterceptors();
    await client.close();
  });

  it('a standalone provider with `dispatcher` sends its GET through it', async () => {
    const provider = createJwtProvider({ ...credentials, dispatcher: agent });
    await expect(provider.getToken()).resolves.toBe(JWT);
    expect(jwtRequests).toHaveLength(1);
  });
});
