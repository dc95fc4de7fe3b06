import type { TypedDocumentNode } from '@urql/core';

type Selection = {
  kind: string;
  name?: { value: string };
  alias?: { value: string };
  selectionSet?: SelectionSet;
  typeCondition?: unknown;
};
type SelectionSet = { selections: readonly Selection[] };
type Definition = { kind: string; name?: { value: string }; selectionSet?: SelectionSet };
type Fragments = Map<string, SelectionSet>;

/**
 * A departure from the shape: what is wrong, then the keys and indexes leading to it from the
 * innermost out. Built only on a miss, so a fitting answer (nearly all) is walked allocating nothing.
 */
type Miss = [problem: string, ...at: Array<string | number>];

/**
 * Where `data` departs from the shape the operation selects, or undefined when it fits: every
 * selected field present (fields under a fragment may be absent), objects where the operation
 * selects sub-fields, scalars (or lists of them) where it selects none. An answer of the wrong shape
 * would otherwise surface as empty rows or a crash far from its cause. Walks the document's own
 * AST (plain objects), so the SDK entry needs no `graphql` package.
 */
export function shapeMismatch(document: TypedDocumentNode<unknown, never>, data: unknown): string | undefined {
  const shape = shapeOf(document);
  const miss = shape && objectMiss(shape.operation, data, shape.fragments, false);
  if (!miss) return undefined;
  const [problem, ...at] = miss;
  const path = at
    .reverse()
    .reduce<string>((path, step) => `${path}${typeof step === 'number' ? `[${step}]` : `.${step}`}`, 'data');
  return `${path}: ${problem}`;
}

interface Shape {
  operation: SelectionSet;
  fragments: Fragments;
}

// A document's operation and fragments never change: read once per document.
const shapes = new WeakMap<object, Shape | null>();

function shapeOf(document: TypedDocumentNode<unknown, never>): Shape | null {
  const known = shapes.get(document);
  if (known !== undefined) return known;
  const definitions = document.definitions as unknown as readonly Definition[];
  const fragments = new Map(
    definitions.filter((d) => d.kind === 'FragmentDefinition').map((d) => [d.name!.value, d.selectionSet!]),
  );
  const operation = definitions.find((d) => d.kind === 'OperationDefinition')?.selectionSet;
  const shape = operation ? { operation, fragments } : null;
  shapes.set(document, shape);
  return shape;
}

/** How `value` departs from the object `set` selects (`optional`: its fields may be absent), if it does. */
function objectMiss(set: SelectionSet, value: unknown, fragments: Fragments, optional: boolean): Miss | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return [`expected an object, got ${kindOf(value)}`];
  const record = value as Record<string, unknown>;
  for (const selection of set.selections) {
    let miss: Miss | undefined;
    if (selection.kind === 'InlineFragment' && selection.selectionSet) {
      // A fragment on another type of a union or interface selects nothing from this object.
      miss = objectMiss(selection.selectionSet, value, fragments, optional || selection.typeCondition !== undefined);
    } else if (selection.kind === 'FragmentSpread') {
      const spread = fragments.get(selection.name!.value);
      miss = spread && objectMiss(spread, value, fragments, true);
    } else if (selection.kind === 'Field') {
      const key = selection.alias?.value ?? selection.name!.value;
      if (key in record) miss = fieldMiss(selection.selectionSet, record[key], fragments);
      else if (!optional) miss = ['missing'];
      miss?.push(key);
    }
    if (miss) return miss;
  }
  return undefined;
}

/** How a field's value departs from its selection (`set`: its sub-fields, none for a scalar), if it does. */
function fieldMiss(set: SelectionSet | undefined, value: unknown, fragments: Fragments): Miss | undefined {
  if (value === null) return undefined;
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index++) {
      const miss = fieldMiss(set, value[index], fragments);
      if (miss) {
        miss.push(index);
        return miss;
      }
    }
    return undefined;
  }
  if (set) return objectMiss(set, value, fragments, false);
  return typeof value === 'object' ? [`expected a scalar, got ${kindOf(value)}`] : undefined;
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}
