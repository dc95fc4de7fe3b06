import type { TypedDocumentNode } from '../client/callOptions.js';
import { describeOperation, type SelectionSet } from './describeOperation.js';

type Fragments = ReadonlyMap<string, SelectionSet>;

/**
 * Where `data` departs from the shape the operation selects, or undefined when it fits: every
 * selected field present (fields under a fragment may be absent), objects where the operation
 * selects sub-fields, scalars (or lists of them) where it selects none. An answer of the wrong shape
 * would otherwise surface as empty rows or a crash far from its cause. Walks the document's own
 * AST (plain objects), so the SDK entry needs no `graphql` package.
 */
export function shapeMismatch(document: TypedDocumentNode<unknown, never>, data: unknown): string | undefined {
  const { definition, fragments } = describeOperation(document);
  const miss = objectMiss(definition.selectionSet, data, fragments, false);
  return miss && `data${miss}`;
}

// A miss reads from the value in hand down to the departure, then says what is wrong
// (`.list[1].id: missing`). Built only on a miss, so a fitting answer (nearly all) is walked
// allocating nothing.

/** How `value` departs from the object `set` selects (`optional`: its fields may be absent), if it does. */
function objectMiss(set: SelectionSet, value: unknown, fragments: Fragments, optional: boolean): string | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return `: expected an object, got ${kindOf(value)}`;
  for (const selection of set.selections) {
    if (selection.kind === 'Field') {
      const key = (selection.alias ?? selection.name).value;
      let miss: string | undefined;
      if (key in value) miss = fieldMiss(selection.selectionSet, (value as Record<string, unknown>)[key], fragments);
      else if (!optional) miss = ': missing';
      if (miss) return `.${key}${miss}`;
    } else {
      // A fragment's fields may be absent: a named fragment's, or an inline one's on another type of
      // a union or interface, select nothing from this object.
      const spread = selection.kind === 'FragmentSpread';
      const fragment = spread ? fragments.get(selection.name.value) : selection.selectionSet;
      const miss =
        fragment && objectMiss(fragment, value, fragments, optional || spread || selection.typeCondition !== undefined);
      if (miss) return miss;
    }
  }
  return undefined;
}

/** How a field's value departs from its selection (`set`: its sub-fields, none for a scalar), if it does. */
function fieldMiss(set: SelectionSet | undefined, value: unknown, fragments: Fragments): string | undefined {
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index++) {
      const miss = fieldMiss(set, value[index], fragments);
      if (miss) return `[${index}]${miss}`;
    }
    return undefined;
  }
  if (value === null) return undefined;
  if (set) return objectMiss(set, value, fragments, false);
  return typeof value === 'object' ? ': expected a scalar, got an object' : undefined;
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}
