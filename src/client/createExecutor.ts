import type { Client, TypedDocumentNode } from '@urql/core';
import { SpacesError } from '../errors/SpacesError.js';
import { toSpacesError } from '../errors/toSpacesError.js';
import type { OperationExecutor, VariablesArgument } from '../generated/operations.js';
import type { SecretRedactor } from '../security/SecretRedactor.js';

/** Runs one typed document and resolves with its data, or rejects with a {@link SpacesError}. */
export type Execute = OperationExecutor;

/** Builds `execute` over an urql client: picks query or mutation from the document, maps errors. */
export function createExecutor(urql: Client, redactor: SecretRedactor): Execute {
  return async <TResult, TVariables extends Record<string, unknown>>(
    document: TypedDocumentNode<TResult, TVariables>,
    ...[variables]: VariablesArgument<TVariables>
  ): Promise<TResult> => {
    const { kind, name } = describeOperation(document);
    const vars = (variables ?? {}) as TVariables;
    const source = kind === 'mutation' ? urql.mutation(document, vars) : urql.query(document, vars);
    const result = await source.toPromise();
    const redact = (text: string) => redactor.redact(text);
    if (result.error) throw toSpacesError(result.error, { operationName: name, data: result.data, redact });
    if (result.data === undefined || result.data === null) {
      throw new SpacesError(`${name}: the answer carried no data`, { code: 'INVALID_RESPONSE', operationName: name });
    }
    return result.data;
  };
}

function describeOperation(document: TypedDocumentNode<unknown, never>): { kind: string; name: string } {
  for (const definition of document.definitions) {
    if (definition.kind === 'OperationDefinition') {
      return { kind: definition.operation, name: definition.name?.value ?? 'anonymous' };
    }
  }
  throw new SpacesError('The document holds no operation', { code: 'INVALID_INPUT' });
}
