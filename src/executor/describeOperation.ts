import type { TypedDocumentNode } from '../client/callOptions.js';
import { SpacesError } from '../errors/SpacesError.js';
import type { RequestMeta } from '../transport/requestMeta.js';

// Nodes as far as the executor reads them (the AST types of urql and graphql-js differ in detail).
export interface Selection {
  kind: string;
  name: { kind: string; value: string };
  alias?: { kind: string; value: string };
  selectionSet?: SelectionSet;
  typeCondition?: unknown;
}
export interface SelectionSet {
  selections: readonly Selection[];
}
interface Definition {
  kind: string;
  operation?: RequestMeta['kind'];
  name?: { value: string };
  variableDefinitions?: readonly unknown[];
  selectionSet: SelectionSet;
}

/** What the SDK needs to know of a document to send it and check its answer. */
export interface DescribedOperation {
  kind: RequestMeta['kind'];
  /** The operation's name, or `anonymous`. */
  name: string;
  takesVariables: boolean;
  /** The operation's definition, as it is in the document. */
  definition: Definition;
  /** The document's named fragments, by name. */
  fragments: ReadonlyMap<string, SelectionSet>;
  /**
   * The root fields the operation selects, by name (aliases aside). Those selected through a named
   * fragment are left out, so the dialect step always sends them as written (contract check's probe relies on it).
   */
  rootFields: readonly string[];
}

const described = new WeakMap<object, DescribedOperation>();

/**
 * The one way the SDK reads a document (its first operation definition and its fragments), once per
 * document object. A document without an operation is bad input.
 */
export function describeOperation(document: TypedDocumentNode<unknown, never>): DescribedOperation {
  const known = described.get(document);
  if (known) return known;
  const definitions = document.definitions as unknown as readonly Definition[];
  const definition = definitions.find((d) => d.kind === 'OperationDefinition' && d.operation);
  if (!definition) throw new SpacesError('The document holds no operation', { code: 'INVALID_INPUT' });
  const rootFields: string[] = [];
  const collect = ({ selections }: SelectionSet) => {
    for (const selection of selections) {
      if (selection.kind === 'Field') rootFields.push(selection.name.value);
      else if (selection.kind === 'InlineFragment') collect(selection.selectionSet!);
    }
  };
  collect(definition.selectionSet);
  const operation: DescribedOperation = {
    kind: definition.operation!,
    name: definition.name?.value ?? 'anonymous',
    takesVariables: (definition.variableDefinitions ?? []).length > 0,
    definition,
    fragments: new Map(
      definitions.filter((d) => d.kind === 'FragmentDefinition').map((d) => [d.name!.value, d.selectionSet]),
    ),
    rootFields,
  };
  described.set(document, operation);
  return operation;
}
