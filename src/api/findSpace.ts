// A Space named by its id or its name, by the one rule of findOne.ts. A GUID is a Space's id as it
// is (a Space another account shares with this one may not be among those listSpaces returns);
// anything else is looked up among the listed Spaces: an exact id first, else a unique name.
import { findOne } from './findOne.js';
import { requireId } from './validate.js';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The id of the Space `nameOrId` names: a GUID as it is, nothing listed; else the listed Space with
 * that id or, failing that, the one with that name. `listSpaces` is called only for a value that
 * is not a GUID. Throws `SpacesInputError` for an empty or overlong value (named `field`), and
 * `NameLookupError` (listing the Spaces there are, or the ids a shared name has) when none or
 * several match.
 *
 * @example
 * ```ts
 * const spaceGuid = await findSpaceId('Demo_Space', () => client.listSpaces());
 * ```
 */
export async function findSpaceId(
  nameOrId: string,
  listSpaces: () => Promise<ReadonlyArray<{ id: string; name: string }>>,
  field = 'id',
): Promise<string> {
  // Checked before anything is listed: empty or too long is refused as an id is.
  const wanted = requireId(nameOrId, field);
  if (GUID.test(wanted)) return wanted;
  return findOne(await listSpaces(), wanted, { what: 'Space' }).id;
}
