import {
  getNamedType,
  isEnumType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  Kind,
  OperationTypeNode,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLObjectType,
  type GraphQLOutputType,
  type GraphQLSchema,
  type SelectionSetNode,
} from 'graphql';

/** One place where an answer departs from the snapshot's types. */
export interface Drift {
  /** Where in the answer, for example `data.space.sharedIpacks[0].installationType`. */
  path: string;
  /** What the snapshot promises there. */
  expected: string;
  /** What the answer holds. */
  seen: string;
}

const describe = (value: unknown): string => {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  const text = JSON.stringify(value);
  return `${typeof value} ${text.length > 60 ? `${text.slice(0, 60)}…` : text}`;
};

/**
 * Every departure of `data` from the operation's selection under the schema's types: a null where
 * the type is non-null, a list where an object is typed (or the reverse), an enum value the schema
 * does not know, a scalar of the wrong kind, a selected field missing, a field nobody selected.
 */
export function validateAnswer(schema: GraphQLSchema, document: DocumentNode, data: unknown): Drift[] {
  const drifts: Drift[] = [];
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const operation = document.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION);
  if (operation?.kind !== Kind.OPERATION_DEFINITION) return drifts;
  const root = operation.operation === OperationTypeNode.MUTATION ? schema.getMutationType() : schema.getQueryType();
  if (!root) return drifts;

  /** The selected fields of a selection set on `type`, fragments expanded: response key → field. */
  const fieldsOf = (
    set: SelectionSetNode,
    type: GraphQLObjectType,
    out = new Map<string, { name: string; set?: SelectionSetNode }>(),
  ) => {
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        out.set(selection.alias?.value ?? selection.name.value, {
          name: selection.name.value,
          ...(selection.selectionSet && { set: selection.selectionSet }),
        });
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        fieldsOf(selection.selectionSet, type, out);
      } else {
        const fragment = fragments.get(selection.name.value);
        if (fragment) fieldsOf(fragment.selectionSet, type, out);
      }
    }
    return out;
  };

  const object = (value: unknown, type: GraphQLObjectType, set: SelectionSetNode, path: string) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      drifts.push({ path, expected: `an object (${type.name})`, seen: describe(value) });
      return;
    }
    const record = value as Record<string, unknown>;
    const selected = fieldsOf(set, type);
    for (const [key, { name, set: subSet }] of selected) {
      const at = `${path}.${key}`;
      if (name === '__typename') continue;
      const field = type.getFields()[name];
      if (!field) continue;
      if (!(key in record)) {
        drifts.push({ path: at, expected: `the field ${name} (${String(field.type)})`, seen: 'nothing' });
        continue;
      }
      check(record[key], field.type, subSet, at);
    }
    for (const key of Object.keys(record))
      if (!selected.has(key))
        drifts.push({ path: `${path}.${key}`, expected: 'no such field (not selected)', seen: describe(record[key]) });
  };

  const check = (value: unknown, type: GraphQLOutputType, set: SelectionSetNode | undefined, path: string): void => {
    if (isNonNullType(type)) {
      if (value === null || value === undefined) drifts.push({ path, expected: String(type), seen: 'null' });
      else check(value, type.ofType, set, path);
      return;
    }
    if (value === null) return;
    if (isListType(type)) {
      if (!Array.isArray(value)) {
        drifts.push({ path, expected: `a list (${String(type)})`, seen: describe(value) });
        return;
      }
      value.forEach((item, i) => check(item, type.ofType, set, `${path}[${i}]`));
      return;
    }
    if (Array.isArray(value)) {
      drifts.push({ path, expected: `${String(type)}, not a list`, seen: 'a list' });
      return;
    }
    const named = getNamedType(type);
    if (isEnumType(named)) {
      if (typeof value !== 'string' || !named.getValue(value))
        drifts.push({
          path,
          expected: `one of ${named
            .getValues()
            .map((v) => v.name)
            .join(', ')}`,
          seen: describe(value),
        });
    } else if (isScalarType(named)) {
      const ok =
        named.name === 'Int'
          ? Number.isInteger(value)
          : named.name === 'Float'
            ? typeof value === 'number'
            : named.name === 'Boolean'
              ? typeof value === 'boolean'
              : named.name === 'ID'
                ? typeof value === 'string' || Number.isInteger(value)
                : typeof value === 'string' || named.name !== 'String';
      if (!ok) drifts.push({ path, expected: named.name, seen: describe(value) });
    } else if (isObjectType(named) && set) {
      object(value, named, set, path);
    }
  };

  object(data, root, operation.selectionSet, 'data');
  return drifts;
}
