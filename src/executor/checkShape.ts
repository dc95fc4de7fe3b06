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
  const definitions = document.definitions as unknown as readonly Definition[];
  const fragments = new Map(
    definitions.filter((d) => d.kind === 'FragmentDefinition').map((d) => [d.name!.value, d.selectionSet!]),
  );
  const operation = definitions.find((d) => d.kind === 'OperationDefinition');
  if (!operation?.selectionSet) return undefined;
  return objectMismatch(operation.selectionSet, data, 'data', fragments, false);
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
