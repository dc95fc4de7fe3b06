import { SpacesInputError } from '../errors/SpacesError.js';
import { SearchCatalogDocument, type CatalogListingStatus, type SearchCatalogQuery } from '../generated/graphql.js';
import type { CallOptions } from '../client/callOptions.js';
import type { Execute } from '../executor/createExecutor.js';
import { quote } from '../text/printable.js';
import { fixDeadline } from './callDeadline.js';
import { INPUT_LIMITS } from './limits.js';
import { Reader } from './results.js';

/** A tag of a catalog listing. */
export interface CatalogTag {
  id: string | null;
  name: string | null;
  categoryCode: string | null;
}

/** A listing of the public Marketplace catalog. */
export interface CatalogListing {
  slug: string | null;
  name: string | null;
  description: string | null;
  /** As the platform sends it (the pages give no format). */
  publishedDate: string | null;
  status: CatalogListingStatus | null;
  numberOfInstalls: number | null;
  /** What the listing installs. */
  artifact: { listingType: string | null; artifactSourceId: string | null } | null;
  tags: CatalogTag[];
}

/** Which page of the catalog to read. */
export interface CatalogSearch {
  /** Text the listings must match; absent or blank: every published listing. At most 200 characters. */
  searchTerm?: string | undefined;
  /** Listings to skip: a whole number ≥ 0. Default 0. */
  offset?: number | undefined;
  /** Listings in the page at most: 1 to 100. Default 20. */
  limit?: number | undefined;
}

/** One page of the catalog. */
export interface CatalogPage {
  /** How many listings match in all. */
  totalCount: number;
  /** This page's listings. */
  listings: CatalogListing[];
  /** The offset of the next page; undefined after the last one. */
  nextOffset: number | undefined;
}

/** The public Marketplace catalog: needs no credentials, and none are sent for it. */
export interface CatalogApi {
  /**
   * One page of the published listings of the public Marketplace catalog. Works on a client made
   * without credentials: no JWT is fetched and no Authorization header is sent for it.
   *
   * @example
   * ```ts
   * const client = createSpacesClient({}); // no credentials needed
   * const page = await client.searchCatalog({ searchTerm: 'invoice', limit: 10 });
   * console.log(`${page.totalCount} listings`, page.listings.map((l) => l.name));
   * ```
   */
  searchCatalog(search?: CatalogSearch, options?: CallOptions): Promise<CatalogPage>;
  /**
   * Every matching listing, page after page (`limit` per request, default 20) from `offset` until
   * `totalCount` is reached or a page comes back empty. Bad input throws at the call, before any
   * request; `break` stops the paging (no further page is asked for). `timeoutMs` bounds all pages.
   *
   * @example
   * ```ts
   * for await (const listing of client.searchCatalogAll({ searchTerm: 'invoice' })) {
   *   console.log(listing.slug, listing.numberOfInstalls);
   * }
   * ```
   */
  searchCatalogAll(search?: CatalogSearch, options?: CallOptions): AsyncGenerator<CatalogListing, void, undefined>;
}

const DEFAULT_PAGE_SIZE = 20;
/** GraphQL's Int is 32 bits: a larger offset cannot be sent. */
const MAX_OFFSET = 2 ** 31 - 1;

/** The search checked and completed with defaults; refused before anything is sent. */
function normaliseCatalogSearch(search: CatalogSearch | undefined): Required<CatalogSearch> {
  if (search !== undefined && (typeof search !== 'object' || search === null))
    throw new SpacesInputError('The catalog search must be an object', { field: 'search' });
  const { searchTerm, offset = 0, limit = DEFAULT_PAGE_SIZE } = search ?? {};
  if (searchTerm !== undefined && typeof searchTerm !== 'string')
    throw new SpacesInputError('`searchTerm` must be a string', { field: 'searchTerm' });
  const term = searchTerm?.trim() ?? '';
  if (term.length > INPUT_LIMITS.maxSearchTermLength) {
    throw new SpacesInputError(
      `\`searchTerm\` is ${term.length} characters long; at most ${INPUT_LIMITS.maxSearchTermLength} are accepted: ${quote(term, 40)}`,
      { field: 'searchTerm' },
    );
  }
  if (!Number.isInteger(offset) || offset < 0 || offset > MAX_OFFSET)
    throw new SpacesInputError(`\`offset\` must be a whole number from 0 to ${MAX_OFFSET}`, { field: 'offset' });
  const most = INPUT_LIMITS.maxCatalogPageSize;
  if (!Number.isInteger(limit) || limit < 1 || limit > most)
    throw new SpacesInputError(`\`limit\` must be a whole number from 1 to ${most}`, { field: 'limit' });
  return { searchTerm: term, offset, limit };
}

type RawPage = NonNullable<SearchCatalogQuery['catalogListings']>;
type RawListing = NonNullable<NonNullable<RawPage['catalogListings']>[number]>;

function listingOf(raw: RawListing, read: Reader, path: string): CatalogListing {
  const { listingMetaData: meta, listingArtifact: artifact } = raw;
  return {
    slug: raw.slug ?? null,
    name: meta?.name ?? null,
    description: meta?.description ?? null,
    publishedDate: raw.publishedDate ?? null,
    status: raw.catalogListingStatus ?? null,
    numberOfInstalls: raw.numberOfInstalls ?? null,
    artifact: artifact
      ? { listingType: artifact.listingType ?? null, artifactSourceId: artifact.artifactSourceId ?? null }
      : null,
    tags: read
      .list(raw.listingTags, `${path}.listingTags`, ({ listingTag: tag }) =>
        tag ? { id: tag.id ?? null, name: tag.name ?? null, categoryCode: tag.categoryCode ?? null } : null,
      )
      .filter((tag): tag is CatalogTag => tag !== null),
  };
}

/** The catalog's methods, over an executor that sends no credentials. */
export function createCatalogApi(executePublic: Execute): CatalogApi {
  async function page(search: Required<CatalogSearch>, options?: CallOptions): Promise<CatalogPage> {
    const { searchTerm, offset, limit } = search;
    const { catalogListings: raw } = await executePublic(
      SearchCatalogDocument,
      { ...(searchTerm !== '' && { searchTerm }), offset, limit },
      options,
    );
    const read = new Reader('searchCatalog');
    const listings = read.list(raw?.catalogListings, 'catalogListings.catalogListings', (item, path) =>
      listingOf(item, read, path),
    );
    // Without a total this page is all there is; an empty page ends the paging whatever the total says.
    const totalCount = raw?.totalCount ?? offset + listings.length;
    const next = offset + listings.length;
    return { totalCount, listings, nextOffset: listings.length > 0 && next < totalCount ? next : undefined };
  }

  async function* pages(first: Required<CatalogSearch>, options?: CallOptions) {
    let offset: number | undefined = first.offset;
    while (offset !== undefined) {
      const current: CatalogPage = await page({ ...first, offset }, options);
      yield* current.listings;
      offset = current.nextOffset;
    }
  }

  return {
    async searchCatalog(search, options) {
      return page(normaliseCatalogSearch(search), options);
    },
    searchCatalogAll: (search, options) => pages(normaliseCatalogSearch(search), fixDeadline(options)),
  };
}
