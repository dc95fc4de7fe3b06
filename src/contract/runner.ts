import { createRequest, type OperationContext } from '@urql/core';
import type { TypedDocumentNode } from '../client/callOptions.js';
import type { GraphQLSchema } from 'graphql';
import type { SpacesClient } from '../client/createSpacesClient.js';
import { isSchemaRefusal } from '../errors/toSpacesError.js';
import { validateAnswer, type Drift } from './validateAnswer.js';

/** The path of a drift that is the server's refusal of the whole operation (nothing ran). */
export const REFUSED = 'operation';

/** How one operation fared. */
export interface ContractResult {
  operation: string;
  status: 'OK' | 'DRIFT' | 'NOT_CHECKABLE' | 'FAILED';
  drifts: Drift[];
  note?: string;
}

export type AnyDocument = TypedDocumentNode<Record<string, unknown>, Record<string, unknown>>;

type Inspect = (data: Record<string, unknown>) => { drifts?: Drift[]; empty?: boolean };
export type Run = (
  name: string,
  document: AnyDocument,
  variables: Record<string, unknown> | undefined,
  inspect?: Inspect,
  kind?: 'query' | 'mutation',
) => Promise<void>;

/**
 * Sends one operation and records how its answer fares against the snapshot (and `inspect`). Once
 * `signal` fires, the request under way is aborted and nothing more is sent.
 */
export function runner(
  client: SpacesClient,
  snapshot: GraphQLSchema,
  results: ContractResult[],
  signal?: AbortSignal,
): Run {
  const context = urqlContext(client, signal);
  return async (name, document, variables, inspect, kind = 'query') => {
    if (signal?.aborted) return;
    if (variables === undefined) {
      results.push({ operation: name, status: 'NOT_CHECKABLE', drifts: [], note: 'no id to ask for (no data)' });
      return;
    }
    const { data, error } = await (
      kind === 'mutation'
        ? client.urql.mutation(document, variables, context)
        : client.urql.query(document, variables, { ...context, requestPolicy: 'network-only' })
    ).toPromise();
    if (error && !data) {
      const refusals = error.graphQLErrors.filter((e) => !e.path && isSchemaRefusal(e.message));
      results.push({
        operation: name,
        status: refusals.length > 0 ? 'DRIFT' : 'FAILED',
        // One drift per refusal, each naming what the server does not have.
        drifts: refusals.map((e) => ({ path: REFUSED, expected: 'accepted by the server', seen: e.message })),
        note: refusals.length > 0 ? 'the server refused the operation as invalid for its schema' : error.message,
      });
      return;
    }
    const drifts = validateAnswer(snapshot, document, data);
    let extra: ReturnType<NonNullable<typeof inspect>> | undefined;
    try {
      extra = data ? inspect?.(data) : undefined;
    } catch {
      // A drifted answer the follow-up cannot read: its drifts are reported already.
    }
    drifts.push(...(extra?.drifts ?? []));
    const status = drifts.length > 0 ? 'DRIFT' : extra?.empty ? 'NOT_CHECKABLE' : 'OK';
    results.push({
      operation: name,
      status,
      drifts,
      ...(status === 'NOT_CHECKABLE' && { note: 'no items to check (no data)' }),
    });
  };
}

/**
 * The urql context that carries `signal`. urql replaces the client's fetchOptions (its headers: the
 * SPACE_GUID) with a call's instead of merging them, so the call's start from the client's.
 */
export function urqlContext(client: SpacesClient, signal: AbortSignal | undefined): Partial<OperationContext> {
  if (!signal) return {};
  const { fetchOptions } = client.urql.createRequestOperation('query', createRequest('{ __typename }', {})).context;
  const base = (typeof fetchOptions === 'function' ? fetchOptions() : fetchOptions) ?? {};
  return { fetchOptions: { ...base, signal } };
}
