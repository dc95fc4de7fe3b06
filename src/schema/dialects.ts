// Root fields Boomi publishes under two names. The one table of them: the client's dialect step
// (src/executor/dialectStep.ts), the simulator and testing kit (`--dialect`, `{ dialect }`), SCHEMA_DRIFT
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

// The names alone: what the dialect step and errors read (a browser bundle of a core carries no more).
const PAIRS: ReadonlyArray<Omit<RootFieldNames, 'provenance'>> = [{ type: 'Query', help: 'Space', reference: 'space' }];

// Where each pair's names are published, by its help name.
const PROVENANCE: Record<string, RootFieldNames['provenance']> = {
  Space: {
    help: 'Spaces API doc: Space (request `Space(id: …)`)',
    reference: 'Space (the type page: "returned by: space query")',
  },
};

export const ROOT_FIELD_NAMES: readonly RootFieldNames[] = /* @__PURE__ */ PAIRS.map((names) => ({
  ...names,
  provenance: PROVENANCE[names.help]!,
}));

/** Every published name of a root field -> the other names published for the same field. */
export const ROOT_FIELD_ALTERNATIVES: ReadonlyMap<string, readonly string[]> = new Map(
  PAIRS.flatMap(({ help, reference }) => [
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
  return PAIRS.find((names) => names.help === helpName)?.reference ?? helpName;
}

/** Whether `value` names a dialect (for options and flags read from outside). */
export function isDialect(value: unknown): value is Dialect {
  return (DIALECTS as readonly unknown[]).includes(value);
}
