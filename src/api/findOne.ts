// The one rule for "an id, or else a name" everywhere people name things (CLI flags, plan files,
// extension settings): an exact id first, else a unique exact name, else a typed error. A name that
// several items share is refused, never resolved to the first one: which one was meant is a guess.
import { SpacesInputError } from '../errors/SpacesError.js';
import { printable, quote, shorten } from '../text/printable.js';

/** Items listed in a lookup error at most (the rest counted): a listing of thousands stays one line. */
export const MAX_LISTED = 10;

/** How a lookup reads its items and names them in messages. */
export interface FindOneOptions<T> {
  /** What the items are, singular, for messages: `environment`, `process`. */
  what: string;
  /** Where they were looked for, for messages: `in space "Demo"`. None by default. */
  within?: string;
  /** The item's id; `item.id` by default. */
  idOf?: (item: T) => string;
  /** The item's name (null for none); `item.name` by default. */
  nameOf?: (item: T) => string | null | undefined;
}

/** One item a lookup error lists: its id and name. */
export interface LookupCandidate {
  id: string;
  name: string | null;
}

/**
 * A name or id that picks no item (`missing`; `candidates` are the items there are, at most
 * {@link MAX_LISTED}) or several (`ambiguous`; `candidates` are every item with that name). Its
 * message lists them, escaped as text; `problem` is the message uncapitalised, to follow a location.
 *
 * @example
 * ```ts
 * try {
 *   findOne(environments, 'Production', { what: 'environment' });
 * } catch (error) {
 *   if (error instanceof NameLookupError && error.reason === 'ambiguous')
 *     console.error(`pick one of ${error.candidates.map((c) => c.id).join(', ')}`);
 * }
 * ```
 */
export class NameLookupError extends SpacesInputError {
  override name = 'NameLookupError';
  /** The message as a clause: `no environment has the id or name "X"; known: …`. */
  readonly problem: string;

  constructor(
    readonly reason: 'missing' | 'ambiguous',
    readonly wanted: string,
    readonly candidates: readonly LookupCandidate[],
    problem: string,
    what: string,
  ) {
    super(problem.charAt(0).toUpperCase() + problem.slice(1), { field: what });
    this.problem = problem;
  }
}

const text = (value: string) => printable(shorten(value, 80));
/** `process` → `processes`, `property` → `properties`, `pack` → `packs`. */
const plural = (what: string) =>
  what.endsWith('s') ? `${what}es` : what.endsWith('y') ? `${what.slice(0, -1)}ies` : `${what}s`;

/** Up to MAX_LISTED entries joined, then how many more there are. */
function listed(parts: string[]): string {
  const shown = parts.slice(0, MAX_LISTED).join(', ');
  return parts.length > MAX_LISTED ? `${shown} and ${parts.length - MAX_LISTED} more` : shown;
}

/**
 * The item `wanted` names, or why there is none. Never throws; {@link findOne} is the throwing form.
 *
 * @example
 * ```ts
 * const found = lookupOne(processes, 'Sync orders', { what: 'process' });
 * if ('error' in found) console.error(found.error.message);
 * else console.log(found.item.id);
 * ```
 */
export function lookupOne<T>(
  items: readonly T[],
  wanted: string,
  options: FindOneOptions<T>,
): { item: T } | { error: NameLookupError } {
  const idOf = options.idOf ?? ((item: T) => (item as { id: string }).id);
  const nameOf = options.nameOf ?? ((item: T) => (item as { name?: string | null }).name);
  const candidate = (item: T): LookupCandidate => ({ id: idOf(item), name: nameOf(item) ?? null });
  const within = options.within ? ` ${options.within}` : '';
  const byId = items.find((item) => idOf(item) === wanted);
  if (byId !== undefined) return { item: byId };
  const byName = items.filter((item) => nameOf(item) === wanted);
  if (byName.length === 1) return { item: byName[0]! };
  if (byName.length > 1) {
    const ids = listed(byName.map((i) => `${text(idOf(i))} (${quote(nameOf(i))})`));
    const problem = `${quote(wanted)} names ${byName.length} ${plural(options.what)}${within}; use an id: ${ids}`;
    return { error: new NameLookupError('ambiguous', wanted, byName.map(candidate), problem, options.what) };
  }
  const label = (item: T) => {
    const [id, name] = [idOf(item), nameOf(item)];
    return name === null || name === undefined || name === id ? quote(id) : `${quote(name)} (${text(id)})`;
  };
  const known = listed(items.map(label)) || 'none';
  const problem = `no ${options.what}${within} has the id or name ${quote(wanted)}; known: ${known}`;
  const available = items.slice(0, MAX_LISTED).map(candidate);
  return { error: new NameLookupError('missing', wanted, available, problem, options.what) };
}

/**
 * The item whose id is `wanted`, or else the one item whose name is exactly `wanted` (case counts).
 * Throws {@link NameLookupError} when none matches (listing what there is) or when the name is
 * shared (listing the ids to choose from).
 *
 * @example
 * ```ts
 * const environment = findOne(await client.listEnvironments(), 'Production', { what: 'environment' });
 * await client.attachIntegrationPackInstance({ integrationPackInstanceId, environmentIds: [environment.id] });
 * ```
 */
export function findOne<T>(items: readonly T[], wanted: string, options: FindOneOptions<T>): T {
  const found = lookupOne(items, wanted, options);
  if ('error' in found) throw found.error;
  return found.item;
}
