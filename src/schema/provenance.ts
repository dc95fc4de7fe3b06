import { readFileSync } from 'node:fs';
import {
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  isSpecifiedScalarType,
  type GraphQLSchema,
} from 'graphql';
import { parse as parseYaml } from 'yaml';

/** Where a schema element comes from (schema/provenance.yaml). */
const SOURCES = ['help', 'reference', 'both', 'inferred'] as const;
type Source = (typeof SOURCES)[number];

/** One element's origin, after its parents' defaults were applied. */
export interface Origin {
  source: Source;
  /** The help page's title (help, both). */
  help?: string;
  /** The reference page's title (reference, both). */
  reference?: string;
  /** Why it is inferred (inferred). */
  why?: string;
  /** For an inferred type an operation declares a variable of: why no operation can do without it. */
  unavoidable?: string;
  note?: string;
}

export interface Provenance {
  /** By coordinate: `Type`, `Type.field`, `Type.field(arg:)`, `Enum.VALUE`. */
  origins: Map<string, Origin>;
  /** Schema elements without an entry, entries for no element, entries missing what their source needs. */
  problems: string[];
}

export type ProvenanceCounts = Record<Source, number> & { total: number };

const ORIGIN_KEYS = ['source', 'help', 'reference', 'why', 'unavoidable', 'note'] as const;
const TYPE_KEYS = [...ORIGIN_KEYS, 'fields', 'values'];
const BUILT_IN_DIRECTIVES = new Set(['include', 'skip', 'deprecated', 'specifiedBy', 'oneOf']);

type Entry = Partial<Record<(typeof ORIGIN_KEYS)[number], unknown>> & { fields?: unknown; values?: unknown };

/**
 * Every element of the schema by coordinate, with its parent (whose entry gives its defaults):
 * types, their fields and input fields, field arguments, enum values. Built-in scalars are the
 * GraphQL spec's, not Boomi's: they have none.
 */
export function schemaElements(schema: GraphQLSchema): Map<string, string | undefined> {
  const elements = new Map<string, string | undefined>();
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__') || isSpecifiedScalarType(type)) continue;
    elements.set(type.name, undefined);
    if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
      const fields: ReadonlyArray<{ name: string; args?: ReadonlyArray<{ name: string }> }> = Object.values(
        type.getFields(),
      );
      for (const field of fields) {
        const coordinate = `${type.name}.${field.name}`;
        elements.set(coordinate, type.name);
        for (const arg of field.args ?? []) elements.set(`${coordinate}(${arg.name}:)`, coordinate);
      }
    }
    if (isEnumType(type)) for (const value of type.getValues()) elements.set(`${type.name}.${value.name}`, type.name);
  }
  for (const directive of schema.getDirectives())
    if (!BUILT_IN_DIRECTIVES.has(directive.name)) elements.set(`@${directive.name}`, undefined);
  return elements;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Reads the provenance file against a schema. The file holds one entry per type; a type's
 * `fields` (and `values` for an enum) list each of its elements by name (`field`, `field(arg:)`,
 * `VALUE`). An element's entry may be empty: it then takes its parent's (an argument its field's,
 * a field its type's), so only what differs is written, while every element is still named.
 */
export function readProvenance(text: string, schema: GraphQLSchema): Provenance {
  const problems: string[] = [];
  const entries = new Map<string, Entry>();
  let document: unknown;
  try {
    document = parseYaml(text);
  } catch (error) {
    return { origins: new Map(), problems: [`not YAML: ${(error as Error).message}`] };
  }
  const types = isRecord(document) ? document.types : undefined;
  if (!isRecord(types)) return { origins: new Map(), problems: ['no `types:` map at the top'] };
  for (const [typeName, raw] of Object.entries(types)) {
    const entry = (raw ?? {}) as Entry;
    if (!isRecord(entry)) {
      problems.push(`${typeName}: not a map`);
      continue;
    }
    for (const key of Object.keys(entry))
      if (!TYPE_KEYS.includes(key)) problems.push(`${typeName}: unknown key \`${key}\``);
    entries.set(typeName, entry);
    for (const list of ['fields', 'values'] as const) {
      const children = entry[list] ?? {};
      if (!isRecord(children)) {
        problems.push(`${typeName}.${list}: not a map`);
        continue;
      }
      for (const [name, child] of Object.entries(children)) {
        const childEntry = (child ?? {}) as Entry;
        if (!isRecord(childEntry)) problems.push(`${typeName}.${name}: not a map`);
        else {
          for (const key of Object.keys(childEntry))
            if (!(ORIGIN_KEYS as readonly string[]).includes(key))
              problems.push(`${typeName}.${name}: unknown key \`${key}\``);
          entries.set(`${typeName}.${name}`, childEntry);
        }
      }
    }
  }

  const elements = schemaElements(schema);
  for (const coordinate of entries.keys())
    if (!elements.has(coordinate)) problems.push(`${coordinate}: no such element in the schema`);
  const origins = new Map<string, Origin>();
  const resolve = (coordinate: string): Origin | undefined => {
    const known = origins.get(coordinate);
    if (known) return known;
    const entry = entries.get(coordinate);
    if (!entry) return undefined;
    const parentName = elements.get(coordinate);
    const parent = parentName === undefined ? undefined : resolve(parentName);
    const merged = inherit(parent, pickOrigin(entry));
    origins.set(coordinate, merged);
    return merged;
  };
  for (const coordinate of elements.keys()) {
    if (!entries.has(coordinate)) {
      problems.push(`${coordinate}: no entry`);
      continue;
    }
    const origin = resolve(coordinate);
    const missing = origin && originProblem(origin);
    if (missing) problems.push(`${coordinate}: ${missing}`);
  }
  return { origins, problems };
}

function pickOrigin(entry: Entry): Partial<Origin> {
  const origin: Record<string, unknown> = {};
  for (const key of ORIGIN_KEYS) if (entry[key] !== undefined && entry[key] !== null) origin[key] = entry[key];
  return origin;
}

/**
 * An element's origin over its parent's: the parent's titles (and reason, for the same source) fill
 * in what the element does not say; a note stays with its element. Only what the source uses is kept.
 */
function inherit(parent: Origin | undefined, own: Partial<Origin>): Origin {
  const { note: _note, ...fromParent } = parent ?? ({} as Partial<Origin>);
  const sameSource = own.source === undefined || own.source === fromParent.source;
  const merged: Partial<Origin> = {
    ...fromParent,
    ...(!sameSource && { why: undefined, unavoidable: undefined }),
    ...own,
  };
  const source = merged.source!;
  const origin: Origin = { source };
  if ((source === 'help' || source === 'both') && merged.help) origin.help = merged.help;
  if ((source === 'reference' || source === 'both') && merged.reference) origin.reference = merged.reference;
  if (source === 'inferred' && merged.why) origin.why = merged.why;
  if (source === 'inferred' && merged.unavoidable) origin.unavoidable = merged.unavoidable;
  if (merged.note) origin.note = merged.note;
  return origin;
}

function originProblem(origin: Origin): string | undefined {
  if (!SOURCES.includes(origin.source)) return `source must be one of ${SOURCES.join(', ')}`;
  const text = (value: unknown) => typeof value === 'string' && value.trim() !== '';
  if ((origin.source === 'help' || origin.source === 'both') && !text(origin.help))
    return `source ${origin.source} needs \`help:\` (the help page's title)`;
  if ((origin.source === 'reference' || origin.source === 'both') && !text(origin.reference))
    return `source ${origin.source} needs \`reference:\` (the reference page's title)`;
  if (origin.source === 'inferred' && !text(origin.why)) return 'source inferred needs `why:`';
  return undefined;
}

/** How many elements come from each source. */
export function countProvenance(origins: Map<string, Origin>): ProvenanceCounts {
  const counts: ProvenanceCounts = { help: 0, reference: 0, both: 0, inferred: 0, total: 0 };
  for (const origin of origins.values()) {
    counts[origin.source]++;
    counts.total++;
  }
  return counts;
}

/** The provenance file beside a snapshot file (`schema/provenance.yaml` beside `schema/boomi-spaces.graphql`). */
export function provenanceFileOf(snapshotFile: string): string {
  return snapshotFile.replace(/[^/\\]+$/, 'provenance.yaml');
}

export function loadProvenance(file: string, schema: GraphQLSchema): Provenance {
  return readProvenance(readFileSync(file, 'utf8'), schema);
}

/** "help 120, reference 12, both 60, inferred 40 (232 elements)". */
export function describeCounts(counts: ProvenanceCounts): string {
  return `${SOURCES.map((s) => `${s} ${counts[s]}`).join(', ')} (${counts.total} elements)`;
}
