// The public catalog in the SDK (issue 20, item 6): no credentials needed, none sent; paging follows
// totalCount; bad input is refused before any request.
import { beforeEach, describe, expect, it } from '@jest/globals';
import { createSpacesClient, SpacesError, SpacesInputError, type CatalogListing } from '../../src/index.js';
import { DEMO } from '../../src/testing/index.js';
import { createTestMock, TEST_TOKEN } from '../support/spacesMock.js';
import { recordRequests, withMswServer } from '../support/setupMsw.js';

const AUTH_URL = 'https://api.boomi.com/auth/jwt/generate';
// Strict auth: only the JWTs it issues and TEST_TOKEN pass, so a public call passing proves no token was needed.
const mock = createTestMock();
const server = withMswServer(...mock.handlers);
const seen = recordRequests(server);
const fast = { baseDelayMs: 1, maxDelayMs: 2 };

/** A client with no token, getToken or jwt at all. */
const anonymous = createSpacesClient({ retry: fast, rateLimit: false });

beforeEach(() => {
  mock.reset();
  seen.length = 0;
});

const names = (listings: readonly CatalogListing[]) => listings.map((l) => l.name);

describe('searchCatalog', () => {
  it('works on a client made without credentials: no JWT request, no Authorization header', async () => {
    const page = await anonymous.searchCatalog({ searchTerm: 'Invoice' });
    expect(page).toEqual({
      totalCount: 1,
      nextOffset: undefined,
      listings: [
        {
          slug: 'invoice-sync',
          name: 'Invoice Sync',
          description: 'Sends invoices to one accounting system per instance.',
          publishedDate: '2026-01-15T09:00:00Z',
          status: 'PUBLISHED',
          numberOfInstalls: 0,
          artifact: { listingType: 'INTEGRATION_PACK', artifactSourceId: DEMO.packs.invoiceSync },
          tags: [{ id: 'installation-multi', name: 'Many instances', categoryCode: 'INSTALLATION_TYPE' }],
        },
      ],
    });
    expect(mock.requests).toEqual(['searchCatalog']);
    expect(seen.map((r) => r.url)).toEqual(['https://platform.boomi.com/graphql']);
    expect(seen[0]!.headers.get('authorization')).toBeNull();
  });

  it('sends the term, the page and PUBLISHED as the state; a blank term lists everything', async () => {
    await anonymous.searchCatalog({ searchTerm: '  Sync ', offset: 1, limit: 5 });
    await anonymous.searchCatalog({ searchTerm: '   ' });
    const bodies = await Promise.all(seen.map((r) => r.json() as Promise<{ query: string; variables: unknown }>));
    expect(bodies[0]!.variables).toEqual({ searchTerm: 'Sync', offset: 1, limit: 5 });
    expect(bodies[0]!.query).toContain('catalogListingStatus: [PUBLISHED]');
    expect(bodies[1]!.variables).toEqual({ offset: 0, limit: 20 });
  });

  it('sends no credentials for it from a client that has some, and fetches no JWT for it', async () => {
    const withJwt = createSpacesClient({
      jwt: { accountId: DEMO.accountId, username: DEMO.username, apiToken: DEMO.apiToken },
      retry: fast,
      rateLimit: false,
    });
    expect((await withJwt.searchCatalog({ searchTerm: 'Order' })).listings).toHaveLength(1);
    expect(seen.some((r) => r.url.startsWith(AUTH_URL))).toBe(false);
    expect(seen.map((r) => r.headers.get('authorization'))).toEqual([null]);
    // The authenticated methods of the same client still fetch and send a JWT.
    await withJwt.listSpaces();
    expect(seen.filter((r) => r.url.startsWith(AUTH_URL))).toHaveLength(1);
    expect(seen.at(-1)!.headers.get('authorization')).toMatch(/^Bearer /);
  });

  it('reads installs from the platform: an installed pack counts', async () => {
    const client = createSpacesClient({ token: TEST_TOKEN, retry: fast, rateLimit: false });
    await client.installIntegrationPack({
      integrationPackId: DEMO.packs.invoiceSync,
      integrationPackOverrideName: 'EU',
    });
    const [listing] = (await anonymous.searchCatalog({ searchTerm: 'invoice-sync' })).listings;
    expect(listing?.numberOfInstalls).toBe(1);
  });
});

describe('searchCatalogAll: paging follows totalCount', () => {
  it('asks for pages until offset reaches totalCount, and no further', async () => {
    const listings: CatalogListing[] = [];
    for await (const listing of anonymous.searchCatalogAll({ limit: 3 })) listings.push(listing);
    expect(names(listings)).toEqual(['Order Intake', 'Invoice Sync', 'Customer Master Data', expect.any(String)]);
    expect(mock.requests).toEqual(['searchCatalog', 'searchCatalog']);
    const offsets = await Promise.all(seen.map(async (r) => ((await r.json()) as { variables: unknown }).variables));
    expect(offsets).toEqual([
      { offset: 0, limit: 3 },
      { offset: 3, limit: 3 },
    ]);
  });

  it('pages one listing at a time from an offset', async () => {
    const listings: CatalogListing[] = [];
    for await (const listing of anonymous.searchCatalogAll({ offset: 1, limit: 1 })) listings.push(listing);
    expect(listings).toHaveLength(3);
    expect(mock.requests).toHaveLength(3);
  });

  it('stops at an empty page even when totalCount promises more', async () => {
    mock.on('searchCatalog', () => ({
      catalogListings: { totalCount: 1000, currentPageSize: 0, catalogListings: [] },
    }));
    const listings: CatalogListing[] = [];
    for await (const listing of anonymous.searchCatalogAll({})) listings.push(listing);
    expect(listings).toEqual([]);
    expect(mock.requests).toEqual(['searchCatalog']);
  });

  it('asks for no further page after break', async () => {
    for await (const listing of anonymous.searchCatalogAll({ limit: 1 })) {
      expect(listing.name).toBe('Order Intake');
      break;
    }
    expect(mock.requests).toEqual(['searchCatalog']);
  });
});

describe('bounds, refused before any request', () => {
  it.each([
    ['a term of 201 characters', { searchTerm: 'x'.repeat(201) }, 'searchTerm'],
    ['a term that is no string', { searchTerm: 42 as unknown as string }, 'searchTerm'],
    ['a negative offset', { offset: -1 }, 'offset'],
    ['a fractional offset', { offset: 1.5 }, 'offset'],
    ['an offset past GraphQL Int', { offset: 2 ** 31 }, 'offset'],
    ['a limit of 0', { limit: 0 }, 'limit'],
    ['a limit of 101', { limit: 101 }, 'limit'],
    ['a limit of NaN', { limit: Number.NaN }, 'limit'],
  ])('%s', async (_label, search, field) => {
    await expect(anonymous.searchCatalog(search)).rejects.toMatchObject({ code: 'INVALID_INPUT', field });
    expect(() => anonymous.searchCatalogAll(search)).toThrow(SpacesInputError);
    expect(seen).toHaveLength(0);
  });

  it('takes a term of 200 characters', async () => {
    await expect(anonymous.searchCatalog({ searchTerm: 'x'.repeat(200) })).resolves.toMatchObject({ totalCount: 0 });
  });
});

describe('a client without credentials', () => {
  it('refuses the authenticated methods with AUTH_ERROR naming what to set, before any request', async () => {
    const error = await anonymous.listSpaces().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SpacesError);
    expect(error).toMatchObject({ code: 'AUTH_ERROR', mayHaveExecuted: false });
    expect((error as Error).message).toContain(
      'this client was made without credentials: give it `token`, `getToken` or `jwt`; only searchCatalog works without',
    );
    await expect(anonymous.installIntegrationPack({ integrationPackId: DEMO.packs.orderIntake })).rejects.toMatchObject(
      { code: 'AUTH_ERROR' },
    );
    expect(seen).toHaveLength(0);
  });

  it('still refuses a blank token', () => {
    expect(() => createSpacesClient({ token: '  ' })).toThrow(SpacesInputError);
  });
});
