// A Space named by its id or its name, by the one rule of findOne.ts, for every command and file:
// among the listed Spaces an exact id first, else a unique name. A GUID no listed Space has as its
// id or name is taken as an id as it is: a Space another account shares may not be listed.
import { findOne } from './findOne.js';
import { requireId } from './validate.js';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The id of the Space `nameOrId` names: the listed Space with that id or, failing that, the one
 * with that name; a GUID neither listed Space has is returned as it is. Throws `SpacesInputError`
 * for an empty or overlong value (named `field`, before anything is listed), and `NameLookupError`
 * (listing the Spaces there are, or the ids a shared name has) when none or several match.
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
  const wanted = requireId(nameOrId, field);
  const spaces = await listSpaces();
  if (GUID.test(wanted) && !spaces.some((space) => space.id === wanted || space.name === wanted)) return wanted;
  return findOne(spaces, wanted, { what: 'Space' }).id;
}
