import type { Client, TypedDocumentNode } from '@urql/core';
import { SpacesError } from '../errors/SpacesError.js';
import { toSpacesError } from '../errors/toSpacesError.js';
import type { CallOptions, ExecuteArguments, OperationExecutor } from '../generated/operations.js';
import type { SecretRedactor } from '../security/SecretRedactor.js';
import { withMeta, type RequestMeta } from '../transport/requestMeta.js';

/** Runs one typed document and resolves with its data, or rejects with a {@link SpacesError}. */
export type Execute = OperationExecutor;

/**
 * Builds `execute` over an urql client: picks query or mutation from the document, hands the call's
 * signal and deadline to the transport, and maps errors.
 */
export function createExecutor(urql: Client, redactor: SecretRedactor, headers: Record<string, string>): Execute {
  return async <TResult, TVariables extends Record<string, unknown>>(
    document: TypedDocumentNode<TResult, TVariables>,
    ...args: ExecuteArguments<TVariables>
  ): Promise<TResult> => {
    const { kind, name, takesVariables } = describeOperation(document);
    const [variables, options] = (takesVariables ? args : [{}, args[0]]) as [TVariables | undefined, CallOptions | undefined];
    const meta: RequestMeta = {
      kind,
      operationName: name,
      ...(options?.signal && { signal: options.signal }),
      ...(options?.timeoutMs !== undefined && { deadline: Date.now() + options.timeoutMs }),
    };
    const context = { fetchOptions: withMeta({ headers }, meta) };
    const vars = (variables ?? {}) as TVariables;
    const source = kind === 'mutation' ? urql.mutation(document, vars, context) : urql.query(document, vars, context);
    const result = await source.toPromise();
    const redact = (text: string) => redactor.redact(text);
    if (result.error) throw toSpacesError(result.error, { operationName: name, data: result.data, redact });
    if (result.data === undefined || result.data === null) {
      throw new SpacesError(`${name}: the answer carried no data`, { code: 'INVALID_RESPONSE', operationName: name, mayHaveExecuted: true });
    }
    return result.data;
  };
}

function describeOperation(document: TypedDocumentNode<unknown, never>): { kind: RequestMeta['kind']; name: string; takesVariables: boolean } {
  for (const definition of document.definitions) {
    if (definition.kind === 'OperationDefinition') {
      return {
        kind: definition.operation as RequestMeta['kind'],
        name: definition.name?.value ?? 'anonymous',
        takesVariables: (definition.variableDefinitions ?? []).length > 0,
      };
    }
  }
  throw new SpacesError('The document holds no operation', { code: 'INVALID_INPUT' });
}
