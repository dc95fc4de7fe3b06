// Root fields Boomi publishes under two names. The one table of them: the client's dialect step
// (src/client/dialectStep.ts), the simulator and testing kit (`--dialect`, `{ dialect }`), SCHEMA_DRIFT
// messages and `contract check` all read it. No runtime dependency: the browser console bundles it.

/**
 * Which of Boomi's published sources names the root fields: `help`, the hand-written Spaces help pages
 * (our snapshot's names), or `reference`, the schema-generated GraphQL reference.
 */
export type Dialect = 'help' | 'reference';

export const DIALECTS: readonly Dialect[] = ['help', 'reference'];

/** One root field with its name in each published source. */
export interface RootFieldNames {
  /** The root type it is a field of. */
  type: 'Query' | 'Mutation';
  /** Its name on the help pages, and in schema/boomi-spaces.graphql. */
  help: string;
  /** Its name in the generated reference. */
  reference: string;
  /** Where each name is published (the page titles, as in schema/provenance.yaml). */
  provenance: { help: string; reference: string };
}

export const ROOT_FIELD_NAMES: readonly RootFieldNames[] = [
  {
    type: 'Query',
    help: 'Space',
    reference: 'space',
    provenance: {
      help: 'Spaces API doc: Space (request `Space(id: …)`)',
      reference: 'Space (the type page: "returned by: space query")',
    },
  },
];

/** Every published name of a root field -> the other names published for the same field. */
export const ROOT_FIELD_ALTERNATIVES: ReadonlyMap<string, readonly string[]> = new Map(
  ROOT_FIELD_NAMES.flatMap(({ help, reference }) => [
    [help, [reference]],
    [reference, [help]],
  ]),
);

/** The other published name of a root field, or undefined when Boomi publishes only one. */
export function alternativeFor(rootField: string): string | undefined {
  return ROOT_FIELD_ALTERNATIVES.get(rootField)?.[0];
}

/** The name a dialect gives the root field the snapshot (the help pages) calls `helpName`. */
export function rootFieldIn(dialect: Dialect, helpName: string): string {
  if (dialect === 'help') return helpName;
  return ROOT_FIELD_NAMES.find((names) => names.help === helpName)?.reference ?? helpName;
}

/** Whether `value` names a dialect (for options and flags read from outside). */
export function isDialect(value: unknown): value is Dialect {
  return (DIALECTS as readonly unknown[]).includes(value);
}

// How servers say a root type has no such field: graphql-js ("Cannot query field "Space" on type
// "Query"."), graphql-java ("Validation error (FieldUndefined@[Space]) : Field 'Space' in type 'Query'
// is undefined").
const UNKNOWN_FIELD = [/^Cannot query field "([^"]+)" on type "([^"]+)"/, /Field '([^']+)' in type '([^']+)' is undefined/];
const ROOT_TYPES = new Set(['Query', 'Mutation']);

/** The root field a validation message says the server does not have, or undefined. */
export function unknownRootField(message: unknown): string | undefined {
  if (typeof message !== 'string') return undefined;
  for (const pattern of UNKNOWN_FIELD) {
    const match = pattern.exec(message.slice(0, 500));
    if (match && ROOT_TYPES.has(match[2]!)) return match[1];
  }
  return undefined;
}

/**
 * The root field, among those `sent`, on which the server refused a whole request by validation
 * (errors without a path and no data: nothing ran), or undefined when it did not.
 */
export function refusedRootField(
  payload: { data?: unknown; errors?: readonly unknown[] },
  sent: readonly string[],
): string | undefined {
  if ((payload.data !== undefined && payload.data !== null) || !Array.isArray(payload.errors)) return undefined;
  for (const error of payload.errors) {
    if (typeof error !== 'object' || error === null) continue;
    const { message, path } = error as { message?: unknown; path?: unknown };
    const field = path === undefined || path === null ? unknownRootField(message) : undefined;
    if (field !== undefined && sent.includes(field)) return field;
  }
  return undefined;
}
