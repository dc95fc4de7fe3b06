import type { SimState } from './state.js';

/** The input of `catalogListings`, as graphql-js coerced it. */
export interface CatalogSearchInput {
  offset?: number | null;
  limit?: number | null;
  searchTerm?: string | null;
  catalogListingStatus?: ReadonlyArray<string | null> | null;
  catalogListingTagFilter?: ReadonlyArray<string | null> | null;
}

/** A page size the simulator uses when the input gives none. */
const DEFAULT_LIMIT = 20;

/** When the demo's packs were published: fixed, so answers do not change from run to run. */
const PUBLISHED_DATE = '2026-01-15T09:00:00Z';

function slugOf(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/**
 * The public Marketplace catalog: every pack of the state as a PUBLISHED listing, its installs
 * counted from the state's instances. Matches the search term in name, description or slug, ignoring
 * case; pages by offset and limit.
 */
export function catalogListings(state: SimState, input: CatalogSearchInput) {
  const term = input.searchTerm?.trim().toLowerCase() ?? '';
  const statuses = input.catalogListingStatus;
  const listings = state.packs
    .map((pack) => ({
      slug: slugOf(pack.name),
      publishedDate: PUBLISHED_DATE,
      catalogListingStatus: 'PUBLISHED',
      numberOfInstalls: state.instances.filter((i) => i.integrationPackId === pack.id).length,
      listingMetaData: { name: pack.name, description: pack.description },
      listingArtifact: { listingType: 'INTEGRATION_PACK', artifactSourceId: pack.id },
      listingTags: [
        {
          listingTag: {
            id: `installation-${pack.installationType.toLowerCase()}`,
            name: pack.installationType === 'MULTI' ? 'Many instances' : 'One instance',
            categoryCode: 'INSTALLATION_TYPE',
          },
        },
      ],
    }))
    .filter((listing) => !statuses || statuses.includes(listing.catalogListingStatus))
    .filter(
      (listing) =>
        term === '' ||
        [listing.slug, listing.listingMetaData.name, listing.listingMetaData.description].some((text) =>
          text.toLowerCase().includes(term),
        ),
    );
  const offset = Math.max(0, input.offset ?? 0);
  const page = listings.slice(offset, offset + Math.max(0, input.limit ?? DEFAULT_LIMIT));
  return { totalCount: listings.length, currentPageSize: page.length, catalogListings: page };
}
