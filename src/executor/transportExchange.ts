import { makeErrorResult, makeResult, type Exchange, type Operation, type OperationResult } from '@urql/core';
import { filter, fromPromise, merge, mergeMap, pipe, takeUntil } from 'wonka';
import { requestMeta } from './createExecutor.js';
import { describeOperation } from './describeOperation.js';
import type { OperationSender } from './dialectStep.js';

/**
 * The exchange that sends urql's queries and mutations down the SDK's one path: the same operation
 * sender as `execute` (dialect step, transport, pipeline), with the per-call data built the same
 * way. It stands in for urql's fetchExchange because the transport has already read and parsed each
 * answer (to judge retries): handing urql a Response would make it read and parse the body again.
 */
export function transportExchange(send: OperationSender): Exchange {
  return ({ forward }) =>
    (operations$) => {
      const results$ = pipe(
        operations$,
        filter((operation) => operation.kind === 'query' || operation.kind === 'mutation'),
        mergeMap((operation) =>
          pipe(
            fromPromise(execute(operation)),
            takeUntil(
              pipe(
                operations$,
                filter((other) => other.kind === 'teardown' && other.key === operation.key),
              ),
            ),
          ),
        ),
      );
      const rest$ = forward(
        pipe(
          operations$,
          filter((operation) => operation.kind !== 'query' && operation.kind !== 'mutation'),
        ),
      );
      return merge([results$, rest$]);
    };

  async function execute(operation: Operation): Promise<OperationResult> {
    const { fetchOptions } = operation.context;
    const options = (typeof fetchOptions === 'function' ? fetchOptions() : fetchOptions) ?? {};
    let described;
    try {
      described = describeOperation(operation.query);
    } catch (error) {
      return makeErrorResult(operation, error as Error);
    }
    // urql's operation says what it is; its context's signal (if the caller set one) travels along.
    const signal = options.signal ?? undefined;
    const meta = requestMeta(described.kind, described.name, signal ? { signal } : undefined);
    const headers = options.headers as Record<string, string> | undefined;
    try {
      const answer = await send(operation.query, operation.variables, meta, headers);
      return makeResult(operation, answer.payload as Parameters<typeof makeResult>[1], { status: answer.status });
    } catch (error) {
      return makeErrorResult(operation, error as Error);
    }
  }
}
