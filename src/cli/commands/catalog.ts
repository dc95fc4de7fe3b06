import type { CatalogListing } from '../../api/catalog.js';
import { INPUT_LIMITS } from '../../api/limits.js';
import type { SpacesClient } from '../../client/createSpacesClient.js';
import type { Output } from '../output.js';

/**
 * `catalog search <term>`: the published listings of the public catalog matching the term, at most
 * `limit` of them, paged through as the catalog's totalCount says (one request per 100 listings at
 * most). Needs no credentials.
 */
export async function searchCatalog(
  client: SpacesClient,
  out: Output,
  searchTerm: string,
  { limit }: { limit: number },
): Promise<void> {
  const listings: CatalogListing[] = [];
  const pageSize = Math.min(limit, INPUT_LIMITS.maxCatalogPageSize);
  for await (const listing of client.searchCatalogAll({ searchTerm, limit: pageSize })) {
    listings.push(listing);
    if (listings.length >= limit) break;
  }
  out.result(listings, () => undefined);
  await out.table(
    ['NAME', 'SLUG', 'INSTALLS', 'PUBLISHED'],
    listings.map((l) => [l.name, l.slug, l.numberOfInstalls, l.publishedDate]),
    'No listings match.',
  );
}
