import type { TypedDocumentNode } from '@urql/core';
import { SpacesError } from '../errors/SpacesError.js';
import type { RequestMeta } from '../transport/requestMeta.js';

/** What the SDK needs to know of a document to send it. */
export interface DescribedOperation {
  kind: RequestMeta['kind'];
  /** The operation's name, or `anonymous`. */
  name: string;
  takesVariables: boolean;
}

const described = new WeakMap<object, DescribedOperation>();

/**
 * The one way the SDK reads an operation out of a document (its first operation definition),
 * cached per document object. A document without an operation is bad input.
 */
export function describeOperation(document: TypedDocumentNode<unknown, never>): DescribedOperation {
  const known = described.get(document);
  if (known) return known;
  for (const definition of document.definitions) {
    if ((definition.kind as string) === 'OperationDefinition' && 'operation' in definition) {
      const operation: DescribedOperation = {
        kind: definition.operation,
        name: definition.name?.value ?? 'anonymous',
        takesVariables: (definition.variableDefinitions ?? []).length > 0,
      };
      described.set(document, operation);
      return operation;
    }
  }
  throw new SpacesError('The document holds no operation', { code: 'INVALID_INPUT' });
}
