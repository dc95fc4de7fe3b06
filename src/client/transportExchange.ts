import { makeErrorResult, makeResult, stringifyDocument, type Exchange, type Operation, type OperationResult } from '@urql/core';
import { filter, fromPromise, merge, mergeMap, pipe, takeUntil } from 'wonka';
import type { Transport } from '../transport/createTransport.js';

/**
 * The exchange that sends queries and mutations through our transport. It stands in for urql's
 * fetchExchange because the transport has already read and parsed each answer (to judge retries):
 * handing urql a Response would make it read and parse the body a second time. `client.urql` keeps
 * urql's model (exchanges, operations, results); only the network step is ours.
 */
export function transportExchange(transport: Transport, url: string): Exchange {
  return ({ forward }) =>
    (operations$) => {
      const results$ = pipe(
        operations$,
        filter((operation) => operation.kind === 'query' || operation.kind === 'mutation'),
        mergeMap((operation) =>
          pipe(
            fromPromise(execute(operation)),
            takeUntil(pipe(operations$, filter((other) => other.kind === 'teardown' && other.key === operation.key))),
          ),
        ),
      );
      const rest$ = forward(pipe(operations$, filter((operation) => operation.kind !== 'query' && operation.kind !== 'mutation')));
      return merge([results$, rest$]);
    };

  async function execute(operation: Operation): Promise<OperationResult> {
    const { fetchOptions } = operation.context;
    const options = (typeof fetchOptions === 'function' ? fetchOptions() : fetchOptions) ?? {};
    const body = JSON.stringify({
      operationName: operationNameOf(operation),
      query: stringifyDocument(operation.query),
      variables: operation.variables,
    });
    try {
      // The spread keeps the request meta the executor put on fetchOptions (a symbol key).
      const answer = await transport.send(url, { ...options, method: 'POST', body });
      return makeResult(operation, answer.payload as Parameters<typeof makeResult>[1], { status: answer.status });
    } catch (error) {
      return makeErrorResult(operation, error as Error);
    }
  }
}

function operationNameOf(operation: Operation): string | undefined {
  for (const definition of operation.query.definitions) {
    if (definition.kind === 'OperationDefinition' && definition.name) return definition.name.value;
  }
  return undefined;
}
