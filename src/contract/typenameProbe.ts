import { getNamedType, isNonNullType, isObjectType, parse, type GraphQLSchema } from 'graphql';
import type { SpacesClient } from '../client/createSpacesClient.js';
import type { Origin } from '../schema/provenance.js';
import type { Exercise, TypenamesSeen } from './inferred.js';
import { REFUSED, urqlContext, type AnyDocument, type ContractResult } from './runner.js';

/** A query that asks for `__typename` wherever an inferred object type should be in the answer. */
interface TypenameProbe {
  /** The root field it reads. */
  root: string;
  document: AnyDocument;
  variables: Record<string, string>;
  /** Where in the answer each inferred type is expected: the path of fields from `data`. */
  expects: Array<{ path: string[]; type: string }>;
}

const MAX_DEPTH = 3;

/**
 * One probe per root query field whose required arguments are all known (`ids`, by argument name):
 * the fields leading to an inferred object type (none with a required argument), each with
 * `__typename`. The answer's `__typename` is the live name of the type: the only way a query shows
 * a type's name when introspection is off.
 */
function typenameProbes(
  schema: GraphQLSchema,
  inferredTypes: ReadonlySet<string>,
  ids: Readonly<Record<string, string | undefined>>,
): TypenameProbe[] {
  const probes: TypenameProbe[] = [];
  for (const root of Object.values(schema.getQueryType()?.getFields() ?? {})) {
    if (root.args.some((a) => isNonNullType(a.type) && ids[a.name] === undefined)) continue;
    // Every argument we have an id for, optional ones too (the processes of the instance found).
    const given = root.args.filter((a) => ids[a.name] !== undefined);
    const expects: TypenameProbe['expects'] = [];
    // The selection under a field of type `typeName`, or '' when no inferred type is below it.
    const select = (typeName: string, path: string[], depth: number): string => {
      const type = schema.getType(typeName);
      if (!isObjectType(type)) return '';
      const inner: string[] = [];
      if (depth < MAX_DEPTH)
        for (const field of Object.values(type.getFields())) {
          if (field.args.some((a) => isNonNullType(a.type))) continue;
          const below = select(getNamedType(field.type).name, [...path, field.name], depth + 1);
          if (below) inner.push(`${field.name} ${below}`);
        }
      if (inferredTypes.has(typeName)) expects.push({ path, type: typeName });
      return inner.length > 0 || inferredTypes.has(typeName) ? `{ __typename ${inner.join(' ')} }` : '';
    };
    const selection = select(getNamedType(root.type).name, [root.name], 1);
    if (!selection) continue;
    const definitions = given.map((a) => `$${a.name}: ${a.type.toString()}`).join(', ');
    const args = given.map((a) => `${a.name}: $${a.name}`).join(', ');
    const text =
      `query contractTypenames_${root.name}${definitions ? `(${definitions})` : ''} ` +
      `{ ${root.name}${args ? `(${args})` : ''} ${selection} }`;
    const variables = Object.fromEntries(given.map((a) => [a.name, ids[a.name]!]));
    probes.push({ root: root.name, document: parse(text), variables, expects });
  }
  return probes;
}

/** The `__typename`s the answer holds at each expected place, by the type expected there. */
function typenamesSeen(data: unknown, expects: TypenameProbe['expects']): Map<string, Set<string>> {
  const seen = new Map<string, Set<string>>();
  for (const { path, type } of expects) {
    let nodes: unknown[] = [data];
    for (const key of path)
      nodes = nodes
        .flatMap((node) => (typeof node === 'object' && node !== null ? [(node as Record<string, unknown>)[key]] : []))
        .flatMap((value): unknown[] => (Array.isArray(value) ? (value as unknown[]) : [value]));
    const names = seen.get(type) ?? new Set<string>();
    for (const node of nodes) {
      const name = (node as { __typename?: unknown } | null)?.__typename;
      if (typeof name === 'string') names.add(name.slice(0, 100));
    }
    seen.set(type, names);
  }
  return seen;
}

/**
 * Where the snapshot has an inferred object type below a listing, asks for its `__typename` (the
 * type's live name): one query per listing. Kept out of the results table: what they show goes to
 * the inferred elements.
 */
export async function probeTypenames(
  client: SpacesClient,
  snapshot: GraphQLSchema,
  provenance: ReadonlyMap<string, Origin>,
  ids: Readonly<Record<string, string | undefined>>,
  signal: AbortSignal | undefined,
  into: { exercises: Exercise[]; typenames: TypenamesSeen },
): Promise<void> {
  const inferredTypes = new Set(
    [...provenance].filter(([element, o]) => o.source === 'inferred' && !element.includes('.')).map(([e]) => e),
  );
  const context = urqlContext(client, signal);
  for (const probe of typenameProbes(snapshot, inferredTypes, ids)) {
    if (signal?.aborted) return;
    const operation = `contractTypenames_${probe.root}`;
    const { data, error } = await client.urql
      .query(probe.document, probe.variables, { ...context, requestPolicy: 'network-only' })
      .toPromise();
    const refusals = (error?.graphQLErrors ?? []).filter((e) => !e.path).map((e) => e.message);
    const result: ContractResult = data
      ? { operation, status: 'OK', drifts: [] }
      : {
          operation,
          status: refusals.length > 0 ? 'DRIFT' : 'FAILED',
          drifts: refusals.map((seen) => ({ path: REFUSED, expected: 'accepted by the server', seen })),
        };
    into.exercises.push({ document: probe.document, result });
    if (data)
      for (const [type, names] of typenamesSeen(data, probe.expects))
        if (names.size > 0 && !into.typenames.get(type)?.names.size) into.typenames.set(type, { names, by: operation });
  }
}
