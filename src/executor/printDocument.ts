// The GraphQL text a core sends for a document: the executable grammar only (operations, fragments,
// values, directives, types), on one line. A client sends urql's print (its urql client carries it
// anyway); a core, made for small browser bundles, prints with this instead of shipping urql's
// printer and its comment-stripping. Both are the same operation to a server.

// Nodes are read loosely: graphql-js's and urql's AST types differ in detail.
const p = (node: unknown): string => printDocument(node as object);

/** `nodes` printed and joined by `separator` between `open` and `close`; nothing when there are none. */
const list = (nodes: unknown, separator = ' ', open = ' ', close = ''): string =>
  (nodes as object[] | undefined)?.length ? open + (nodes as object[]).map(p).join(separator) + close : '';

/**
 * A document (or any executable node) as GraphQL text: `query getSpace($id: ID!) { space: Space(id: $id) { id } }`.
 *
 * @example
 * ```ts
 * printDocument(GetSpaceDocument); // 'query getSpace($id: ID!) { space: Space(id: $id) { id name … } }'
 * ```
 */
export function printDocument(node: object): string {
  const n = node as Record<string, unknown>;
  // The parts several kinds share, each empty where a node has none.
  const name = n.name ? p(n.name) : '';
  const on = n.typeCondition ? ` on ${p(n.typeCondition)}` : '';
  const args = list(n.arguments, ', ', '(', ')');
  const directives = list(n.directives);
  const selections = n.selectionSet ? ` ${p(n.selectionSet)}` : '';
  switch (n.kind) {
    case 'Document':
      return list(n.definitions, '\n', '');
    case 'OperationDefinition':
      return `${n.operation as string}${name && ` ${name}`}${list(n.variableDefinitions, ', ', '(', ')')}${directives}${selections}`;
    case 'VariableDefinition':
      return `${p(n.variable)}: ${p(n.type)}${n.defaultValue ? ` = ${p(n.defaultValue)}` : ''}${directives}`;
    case 'SelectionSet':
      return `{${list(n.selections)} }`;
    case 'Field':
      return `${n.alias ? `${p(n.alias)}: ` : ''}${name}${args}${directives}${selections}`;
    case 'Argument':
    case 'ObjectField':
      return `${name}: ${p(n.value)}`;
    case 'FragmentSpread':
      return `...${name}${directives}`;
    case 'InlineFragment':
      return `...${on}${directives}${selections}`;
    case 'FragmentDefinition':
      return `fragment ${name}${on}${directives}${selections}`;
    case 'Directive':
      return `@${name}${args}`;
    case 'Variable':
      return `$${name}`;
    case 'StringValue':
      // A block string's value is already its content: as an ordinary string it is the same value.
      return JSON.stringify(n.value);
    case 'ListValue':
      return `[${list(n.values, ', ', '')}]`;
    case 'ObjectValue':
      return `{${list(n.fields, ', ', '')}}`;
    case 'ListType':
      return `[${p(n.type)}]`;
    case 'NonNullType':
      return `${p(n.type)}!`;
    case 'NullValue':
      return 'null';
    case 'NamedType':
      return name;
    default:
      // Name, IntValue, FloatValue, EnumValue, BooleanValue.
      return String(n.value);
  }
}
