// The public catalog is served without authentication, and only it: a request that selects anything
// else, even beside it, still needs a valid JWT (issue 20, item 6).
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createSpacesClient } from '../../src/index.js';
import { isPublicRequest } from '../../src/simulator/graphql/publicFields.js';
import { startSimulator, type RunningSimulator } from '../../src/simulator/server/startSimulator.js';
import { createTestMock } from '../support/spacesMock.js';
import { withMswServer } from '../support/setupMsw.js';
import { fetchJwt, postGraphQL } from '../support/simulatorClient.js';

const catalog = 'query searchCatalog { catalogListings(input: { searchTerm: "Invoice" }) { totalCount } }';

describe('isPublicRequest', () => {
  it.each([
    ['the catalog alone', { query: catalog }],
    ['the catalog with __typename', { query: '{ __typename catalogListings { totalCount } }' }],
    [
      'the catalog through fragments',
      { query: '{ ...C } fragment C on Query { ... on Query { catalogListings { totalCount } } }' },
    ],
    [
      'the named operation of several, which reads the catalog only',
      { query: `${catalog} query other { spaces { id } }`, operationName: 'searchCatalog' },
    ],
  ])('public: %s', (_label, request) => {
    expect(isPublicRequest(request)).toBe(true);
  });

  it.each([
    ['the catalog beside a private field', { query: '{ catalogListings { totalCount } spaces { id } }' }],
    [
      'a private field in a fragment',
      { query: '{ catalogListings { totalCount } ...P } fragment P on Query { spaces { id } }' },
    ],
    ['a private field alone', { query: '{ spaces { id } }' }],
    ['introspection', { query: '{ __schema { queryType { name } } }' }],
    ['a mutation', { query: 'mutation { spaceDelete(id: "1") }' }],
    ['several operations and no operationName', { query: `${catalog} query other { catalogListings { totalCount } }` }],
    ['an operationName that names none', { query: catalog, operationName: 'other' }],
    ['a fragment that spreads itself', { query: '{ ...A } fragment A on Query { ...A }' }],
    ['an unknown fragment', { query: '{ ...Missing }' }],
    ['a query that does not parse', { query: '{ catalogListings {' }],
  ])('needs auth: %s', (_label, request) => {
    expect(isPublicRequest(request)).toBe(false);
  });
});

describe('the simulator', () => {
  let simulator: RunningSimulator;
  beforeAll(async () => {
    simulator = await startSimulator();
  });
  afterAll(() => simulator.close());

  it('serves the catalog without an Authorization header', async () => {
    const response = await postGraphQL(simulator, { query: catalog });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: { catalogListings: { totalCount: 1 } } });
  });

  it('refuses a request mixing the catalog with a private field without a JWT, and serves it with one', async () => {
    const mixed = { query: '{ catalogListings { totalCount } spaces { id } }' };
    expect((await postGraphQL(simulator, mixed)).status).toBe(401);
    const jwt = await (await fetchJwt(simulator)).text();
    const response = await postGraphQL(simulator, mixed, { authorization: `Bearer ${jwt}` });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ data: { catalogListings: { totalCount: 4 } } });
  });

  it('serves the SDK’s searchCatalog to a client without credentials, with no JWT request', async () => {
    const auth = simulator.stats.auth;
    const client = createSpacesClient({ endpoint: simulator.url, rateLimit: false });
    const page = await client.searchCatalog({ searchTerm: 'master' });
    expect(page.listings.map((l) => l.name)).toEqual(['Customer Master Data']);
    expect(simulator.stats.auth).toBe(auth);
    await client.close();
  });
});

describe('the testing kit (strict auth)', () => {
  const mock = createTestMock();
  withMswServer(...mock.handlers);
  const post = (query: string, headers: Record<string, string> = {}) =>
    fetch('https://platform.boomi.com/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
      body: JSON.stringify({ query }),
    });

  it('serves the catalog without an Authorization header', async () => {
    const response = await post(catalog);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: { catalogListings: { totalCount: 1 } } });
  });

  it('refuses everything else without one, the catalog mixed in or not', async () => {
    expect((await post('{ catalogListings { totalCount } spaces { id } }')).status).toBe(401);
    expect((await post('{ spaces { id } }')).status).toBe(401);
    expect((await post('{ spaces { id } }', { authorization: 'Bearer not-a-known-token' })).status).toBe(401);
  });
});
