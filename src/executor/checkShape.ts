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

/**
 * Where `data` departs from the shape the operation selects, or undefined when it fits: every
 * selected field present (fields under a fragment may be absent), objects where the operation
 * selects sub-fields, scalars (or lists of them) where it selects none. An answer of the wrong shape
 * would otherwise surface as empty rows or a crash far from its cause. Walks the document's own
 * AST (plain objects), so the SDK entry needs no `graphql` package.
 */
export function shapeMismatch(document: TypedDocumentNode<unknown, never>, data: unknown): string | undefined {
  const shape = shapeOf(document);
  if (!shape) return undefined;
  // Answers fit nearly always: a walk that builds no path first, the one that names the place on a miss.
  if (objectFits(shape.operation, data, shape.fragments, false)) return undefined;
  return objectMismatch(shape.operation, data, 'data', shape.fragments, false);
}

interface Shape {
  operation: SelectionSet;
  fragments: Map<string, SelectionSet>;
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

/** {@link objectMismatch} as a yes or no, allocating nothing. */
function objectFits(
  set: SelectionSet,
  value: unknown,
  fragments: Map<string, SelectionSet>,
  optional: boolean,
): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const record = value as Record<string, unknown>;
  for (const selection of set.selections) {
    if (selection.kind === 'InlineFragment' && selection.selectionSet) {
      const inner = optional || selection.typeCondition !== undefined;
      if (!objectFits(selection.selectionSet, value, fragments, inner)) return false;
    } else if (selection.kind === 'FragmentSpread') {
      const spread = fragments.get(selection.name!.value);
      if (spread && !objectFits(spread, value, fragments, true)) return false;
    } else if (selection.kind === 'Field') {
      const key = selection.alias?.value ?? selection.name!.value;
      if (!(key in record)) {
        if (optional) continue;
        return false;
      }
      if (!fieldFits(selection.selectionSet, record[key], fragments)) return false;
    }
  }
  return true;
}

function fieldFits(set: SelectionSet | undefined, value: unknown, fragments: Map<string, SelectionSet>): boolean {
  if (value === null) return true;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) if (!fieldFits(set, value[i], fragments)) return false;
    return true;
  }
  if (set) return objectFits(set, value, fragments, false);
  return typeof value !== 'object';
}

function objectMismatch(
  set: SelectionSet,
  value: unknown,
  path: string,
  fragments: Map<string, SelectionSet>,
  optional: boolean,
): string | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return `${path}: expected an object, got ${kindOf(value)}`;
  const record = value as Record<string, unknown>;
  for (const selection of set.selections) {
    if (selection.kind === 'InlineFragment' && selection.selectionSet) {
      // A fragment on another type of a union or interface selects nothing from this object.
      const problem = objectMismatch(
        selection.selectionSet,
        value,
        path,
        fragments,
        optional || selection.typeCondition !== undefined,
      );
      if (problem) return problem;
      continue;
    }
    if (selection.kind === 'FragmentSpread') {
      const spread = fragments.get(selection.name!.value);
      const problem = spread && objectMismatch(spread, value, path, fragments, true);
      if (problem) return problem;
      continue;
    }
    if (selection.kind !== 'Field') continue;
    const key = selection.alias?.value ?? selection.name!.value;
    const at = `${path}.${key}`;
    if (!(key in record)) {
      if (optional) continue;
      return `${at}: missing`;
    }
    const problem = fieldMismatch(selection.selectionSet, record[key], at, fragments);
    if (problem) return problem;
  }
  return undefined;
}

function fieldMismatch(
  set: SelectionSet | undefined,
  value: unknown,
  path: string,
  fragments: Map<string, SelectionSet>,
): string | undefined {
  if (value === null) return undefined;
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const problem = fieldMismatch(set, item, `${path}[${index}]`, fragments);
      if (problem) return problem;
    }
    return undefined;
  }
  if (set) return objectMismatch(set, value, path, fragments, false);
  return typeof value === 'object' ? `${path}: expected a scalar, got ${kindOf(value)}` : undefined;
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}
