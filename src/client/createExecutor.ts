import type { TypedDocumentNode } from '@urql/core';
import { SpacesError } from '../errors/SpacesError.js';
import { fromGraphQLErrors, fromTransportFailure } from '../errors/toSpacesError.js';
import type { SecretRedactor } from '../security/SecretRedactor.js';
import { shorten } from '../text/printable.js';
import type { RequestMeta } from '../transport/requestMeta.js';
import type { CallOptions, ExecuteArguments, OperationExecutor } from './callOptions.js';
import { shapeMismatch } from './checkShape.js';
import { describeOperation } from './describeOperation.js';
import type { OperationSender } from './dialectStep.js';

/** Runs one typed document and resolves with its data, or rejects with a {@link SpacesError}. */
export type Execute = OperationExecutor;

/**
 * Builds `execute` straight over the transport (through the dialect step, `dialectStep.ts`): each
 * call is its own request, with its own signal and deadline. (urql merges identical queries in flight
 * into one operation, whose context, and so whose signal and deadline, would be the last caller's:
 * one caller's abort would fail the others.)
 * `client.urql` keeps urql's model for those who want it.
 */
export function createExecutor(
  send: OperationSender,
  endpoint: string,
  redactor: SecretRedactor,
  headers: Record<string, string>,
  { withoutCredentials = false }: { withoutCredentials?: boolean } = {},
): Execute {
  const redact = (text: string) => redactor.redact(text);
  return async <TResult, TVariables extends Record<string, unknown>>(
    document: TypedDocumentNode<TResult, TVariables>,
    ...args: ExecuteArguments<TVariables>
  ): Promise<TResult> => {
    const { kind, name, takesVariables } = describeOperation(document);
    const [variables, options] = (takesVariables ? args : [{}, args[0]]) as [
      TVariables | undefined,
      CallOptions | undefined,
    ];
    const meta: RequestMeta = {
      kind,
      operationName: name,
      ...(options?.signal && { signal: options.signal }),
      ...(options?.timeoutMs !== undefined && { deadline: Date.now() + options.timeoutMs }),
      ...(options?.maxAttempts !== undefined && { maxAttempts: options.maxAttempts }),
      ...(withoutCredentials && { withoutCredentials }),
    };
    if (options?.timeoutMs !== undefined && options.timeoutMs <= 0) {
      // The call's deadline passed before this request: nothing is sent, so nothing can have run.
      throw new SpacesError(`${name}: the call's deadline passed before the request was sent`, {
        code: 'TIMEOUT',
        operationName: name,
      });
    }
    let answer;
    try {
      answer = await send(endpoint, document, variables ?? {}, { headers }, meta);
    } catch (error) {
      throw fromTransportFailure(error, { operationName: name, redact });
    }
    const { data, errors } = answer.payload;
    if (Array.isArray(errors) && errors.length > 0)
      throw fromGraphQLErrors(errors, { operationName: name, redact, status: answer.status, data });
    if (data === undefined || data === null) {
      throw new SpacesError(`${name}: the answer carried no data`, {
        code: 'INVALID_RESPONSE',
        operationName: name,
        mayHaveExecuted: true,
      });
    }
    const mismatch = shapeMismatch(document, data);
    if (mismatch) {
      throw new SpacesError(
        `${name}: the answer does not have the operation's shape (${shorten(redact(mismatch), 200)})`,
        {
          code: 'INVALID_RESPONSE',
          operationName: name,
          mayHaveExecuted: true,
        },
      );
    }
    return data as TResult;
  };
}
