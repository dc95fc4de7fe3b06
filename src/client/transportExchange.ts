import { makeErrorResult, makeResult, type Exchange, type Operation, type OperationResult } from '@urql/core';
import { filter, fromPromise, merge, mergeMap, pipe, takeUntil } from 'wonka';
import type { RequestMeta } from '../transport/requestMeta.js';
import { describeOperation } from './describeOperation.js';
import type { OperationSender } from './dialectStep.js';

/**
 * The exchange that sends queries and mutations through our transport. It stands in for urql's
 * fetchExchange because the transport has already read and parsed each answer (to judge retries):
 * handing urql a Response would make it read and parse the body a second time. `client.urql` keeps
 * urql's model (exchanges, operations, results); only the network step is ours, the same as
 * `execute`'s (dialect step included).
 */
export function transportExchange(send: OperationSender, url: string): Exchange {
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
    const { name } = described;
    // urql's operation says what it is; its context's signal (if the caller set one) travels along.
    const signal = options.signal ?? undefined;
    const meta = { kind: operation.kind as RequestMeta['kind'], operationName: name, ...(signal && { signal }) };
    try {
      const answer = await send(url, operation.query, operation.variables, options, meta);
      return makeResult(operation, answer.payload as Parameters<typeof makeResult>[1], { status: answer.status });
    } catch (error) {
      return makeErrorResult(operation, error as Error);
    }
  }
}
