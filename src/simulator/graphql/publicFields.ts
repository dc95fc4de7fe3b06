import {
  Kind,
  OperationTypeNode,
  type DocumentNode,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { documentCache } from './documentCache.js';
import type { GraphQLRequestBody } from './failureAnswers.js';

/** Root fields the platform serves without authentication: the public Marketplace catalog. */
const PUBLIC_ROOT_FIELDS: ReadonlySet<string> = new Set(['catalogListings']);

/**
 * True when the operation the request runs is a query that selects public root fields only
 * (`__typename` aside), so it may go without an Authorization header. Anything else, a request that
 * does not parse, or one mixing public and private fields, needs authentication.
 */
export function isPublicRequest(request: Pick<GraphQLRequestBody, 'query' | 'operationName'>): boolean {
  const { document, operation } = operationOf(request);
  if (!document || operation?.operation !== OperationTypeNode.QUERY) return false;
  const fragments = new Map(
    document.definitions
      .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
      .map((f) => [f.name.value, f]),
  );
  const seen = new Set<string>();
  const onlyPublic = (selections: SelectionSetNode): boolean =>
    selections.selections.every((selection) => {
      if (selection.kind === Kind.FIELD)
        return selection.name.value === '__typename' || PUBLIC_ROOT_FIELDS.has(selection.name.value);
      if (selection.kind === Kind.INLINE_FRAGMENT) return onlyPublic(selection.selectionSet);
      const fragment = fragments.get(selection.name.value);
      // An unknown or repeated spread: let validation answer it, behind authentication.
      if (!fragment || seen.has(fragment.name.value)) return false;
      seen.add(fragment.name.value);
      return onlyPublic(fragment.selectionSet);
    });
  return onlyPublic(operation.selectionSet);
}

/** True when the operation the request runs is a mutation (counted per account by the simulator). */
export function isMutationRequest(request: Pick<GraphQLRequestBody, 'query' | 'operationName'>): boolean {
  return operationOf(request).operation?.operation === OperationTypeNode.MUTATION;
}

/** The parsed document and the operation the request names (or its only one); neither when it does not parse. */
function operationOf(request: Pick<GraphQLRequestBody, 'query' | 'operationName'>): {
  document?: DocumentNode;
  operation?: OperationDefinitionNode;
} {
  let document: DocumentNode;
  try {
    document = documentCache.parse(request.query);
  } catch {
    return {};
  }
  const operations = document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
  const operation = request.operationName
    ? operations.find((o) => o.name?.value === request.operationName)
    : operations.length === 1
      ? operations[0]
      : undefined;
  return { document, ...(operation && { operation }) };
}
