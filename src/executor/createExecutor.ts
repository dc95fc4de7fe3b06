import type { TypedDocumentNode } from '../client/callOptions.js';
import { SpacesError } from '../errors/SpacesError.js';
import { fromGraphQLErrors, fromTransportFailure } from '../errors/toSpacesError.js';
import type { SecretRedactor } from '../security/SecretRedactor.js';
import { shorten } from '../text/printable.js';
import type { RequestMeta } from '../transport/requestMeta.js';
import { deadlineOf, type CallOptions, type ExecuteArguments, type OperationExecutor } from '../client/callOptions.js';
import { shapeMismatch } from './checkShape.js';
import { describeOperation } from './describeOperation.js';
import type { OperationSender } from './dialectStep.js';

/** Runs one typed document and resolves with its data, or rejects with a {@link SpacesError}. */
export type Execute = OperationExecutor;

/**
 * The per-call data of one operation, fixed when the call starts: the deadline becomes an instant
 * here, once, and travels as a parameter from then on.
 */
export function requestMeta(
  kind: RequestMeta['kind'],
  operationName: string,
  options: CallOptions | undefined,
  withoutCredentials = false,
): RequestMeta {
  const meta: RequestMeta = { kind, operationName };
  // Set one by one rather than spread: this runs on every call.
  if (withoutCredentials) meta.withoutCredentials = true;
  if (options) {
    const deadline = deadlineOf(options);
    if (options.signal) meta.signal = options.signal;
    if (deadline !== undefined) meta.deadline = deadline;
    if (options.maxAttempts !== undefined) meta.maxAttempts = options.maxAttempts;
  }
  return meta;
}

/**
 * Builds `execute`, the one way the SDK runs an operation: the dialect step (`dialectStep.ts`) and
 * the transport, then the answer's checks. Each call is its own request, with its own signal and
 * deadline. (urql merges identical queries in flight into one operation, whose context, and so whose
 * signal and deadline, would be the last caller's: one caller's abort would fail the others.)
 * `client.urql` reaches the same sender through `transportExchange`.
 */
export function createExecutor(
  send: OperationSender,
  redactor: SecretRedactor,
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
    const meta = requestMeta(kind, name, options, withoutCredentials);
    if (meta.deadline !== undefined && meta.deadline <= Date.now()) {
      // The call's deadline passed before this request: nothing is sent, so nothing can have run.
      throw new SpacesError(`${name}: the call's deadline passed before the request was sent`, {
        code: 'TIMEOUT',
        operationName: name,
      });
    }
    let answer;
    try {
      answer = await send(document, variables ?? {}, meta);
    } catch (error) {
      throw fromTransportFailure(error, { operationName: name, redact });
    }
    const { data, errors } = answer.payload;
    if (Array.isArray(errors) && errors.length > 0)
      throw fromGraphQLErrors(errors, { operationName: name, redact, status: answer.status, data });
    if (data === undefined || data === null) throw invalidAnswer(name, 'the answer carried no data');
    const mismatch = shapeMismatch(document, data);
    if (mismatch)
      throw invalidAnswer(name, `the answer does not have the operation's shape (${shorten(redact(mismatch), 200)})`);
    return data as TResult;
  };
}

/** An answer the SDK cannot use: the server answered, so the operation may have run. */
function invalidAnswer(operationName: string, why: string): SpacesError {
  return new SpacesError(`${operationName}: ${why}`, {
    code: 'INVALID_RESPONSE',
    operationName,
    mayHaveExecuted: true,
  });
}
