import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import type { CallOptions } from '../client/callOptions.js';
import type { SpacesClient } from '../client/createSpacesClient.js';
import { SpacesError } from '../errors/SpacesError.js';
import {
  documents,
  type MutationName,
  type OperationName,
  type OperationTypes,
  type QueryName,
} from '../generated/operations.js';
import { mutationAdapters, queryAdapters, type MutationData, type MutationInput, type QueryData } from './adapters.js';
import { useSpacesContext } from './context.js';
import { QueryStore } from './queryStore.js';

export type { MutationData, MutationInput, QueryData } from './adapters.js';

/** Options of a query hook. */
export interface QueryHookOptions {
  /** Do not fetch while true (no request on mount; `refetch()` still works). Default false. */
  pause?: boolean | undefined;
  /** Deadline of each fetch in milliseconds, retries included (the SDK's `timeoutMs` call option). */
  timeoutMs?: number | undefined;
}

/** What a query hook returns. */
export interface QueryState<N extends QueryName> {
  /** The last answer, kept while a refetch runs; undefined before the first. */
  data: QueryData<N> | undefined;
  /** Why the last fetch failed, as the SDK reports it (`code`, `message`, `graphQLErrors`). */
  error: SpacesError | undefined;
  /** True while a fetch runs. */
  fetching: boolean;
  /** Fetches again (the hook's own and any earlier fetch of it is aborted); resolves when done. */
  refetch: () => Promise<void>;
}

/** What a mutation's `run` resolves with: never rejects, so a click handler needs no catch. */
export type MutationResult<N extends MutationName> =
  { data: MutationData<N>; error: undefined } | { data: undefined; error: SpacesError };

/** What a mutation hook's state holds. */
export interface MutationState<N extends MutationName> {
  data: MutationData<N> | undefined;
  error: SpacesError | undefined;
  /** True while a run is under way. */
  fetching: boolean;
}

/** `[run, state]` of a mutation hook. */
export type MutationTuple<N extends MutationName> = [
  run: (input: MutationInput<N>, options?: CallOptions) => Promise<MutationResult<N>>,
  state: MutationState<N>,
];

type AnyAdapter = (client: SpacesClient, input: unknown, options: CallOptions) => Promise<unknown>;

function runOperation(client: SpacesClient, name: OperationName, input: unknown, options: CallOptions) {
  const adapter =
    (queryAdapters as Record<string, AnyAdapter>)[name] ?? (mutationAdapters as Record<string, AnyAdapter>)[name];
  if (adapter) return adapter(client, input, options);
  const execute = client.execute as (doc: unknown, variables: unknown, options: CallOptions) => Promise<unknown>;
  return execute(documents[name], input, options);
}

function asSpacesError(error: unknown, name: OperationName, mutation: boolean): SpacesError {
  if (error instanceof SpacesError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new SpacesError(`${name}: ${message}`, {
    code: 'INVALID_RESPONSE',
    operationName: name,
    cause: error,
    mayHaveExecuted: mutation,
  });
}

/**
 * Runs a query through the nearest SpacesProvider's client once mounted and whenever its variables
 * change; the generated hooks (`useGetSpace`, …) call it. Nothing is fetched during render, so
 * server rendering sends nothing (the state says `fetching` until the browser takes over). A refetch
 * or unmount aborts the fetch under way. Mutations of the same provider refetch it when they can
 * have changed it.
 *
 * @example
 * ```tsx
 * const { data, error, fetching } = useGetSpace({ id: spaceId });
 * if (error) return <p role="alert">{error.code}: {error.message}</p>;
 * return <ul>{data?.space.sharedIpacks.map((p) => <li key={p.id}>{p.name}</li>)}</ul>;
 * ```
 */
export function useSpacesQuery<N extends QueryName>(
  name: N,
  variables: OperationTypes[N]['variables'],
  options: QueryHookOptions = {},
): QueryState<N> {
  const { client, registry } = useSpacesContext();
  const { pause = false, timeoutMs } = options;
  const key = JSON.stringify(variables);
  const store = useMemo(
    () =>
      new QueryStore<QueryData<N>>(
        (signal) =>
          runOperation(client, name, JSON.parse(key) as unknown, { signal, timeoutMs }) as Promise<QueryData<N>>,
        (error) => asSpacesError(error, name, false),
        pause,
      ),
    [client, name, key, timeoutMs, pause],
  );
  const state = useSyncExternalStore(store.subscribe, store.snapshot, store.snapshot);

  useEffect(() => {
    const unregister = registry.register(name, store.fetch);
    if (!pause) void store.fetch();
    return () => {
      unregister();
      store.stop();
    };
  }, [registry, name, store, pause]);

  return { ...state, refetch: store.fetch };
}

/**
 * `[run, state]` for a mutation, through the SDK's method for it: the same input, install rules,
 * reconciliation and typed errors as `client.installIntegrationPack` and the rest. `run` resolves
 * with `{ data }` or `{ error }` and never rejects. A second `run` with the same input while the
 * first is under way joins it instead of sending again (StrictMode runs effects twice in
 * development). Unmounting does not abort a run: a mutation cut off mid-flight could not be told
 * apart from one that never ran. When a run settles, the provider's mounted queries it can have
 * changed refetch (an install shows up in `useListIntegrationPackInstances`).
 *
 * @example
 * ```tsx
 * const [install, { fetching, error }] = useInstallIpack();
 * const onClick = () => void install({ integrationPackId, integrationPackOverrideName: 'EU', spaceId });
 * return <button disabled={fetching} onClick={onClick}>Install</button>;
 * ```
 */
export function useSpacesMutation<N extends MutationName>(name: N): MutationTuple<N> {
  const { client, registry } = useSpacesContext();
  const [state, setState] = useState<MutationState<N>>({ data: undefined, error: undefined, fetching: false });
  const inFlight = useRef(new Map<string, Promise<MutationResult<N>>>());

  const run = useCallback(
    (input: MutationInput<N>, options: CallOptions = {}): Promise<MutationResult<N>> => {
      const key = JSON.stringify(input) ?? '';
      const joined = inFlight.current.get(key);
      if (joined) return joined;
      setState((s) => ({ ...s, fetching: true }));
      // Through a Promise constructor: a method that throws instead of rejecting still settles here.
      const settled = new Promise((resolve) => resolve(runOperation(client, name, input, options))).then(
        (data): MutationResult<N> => ({ data: data as MutationData<N>, error: undefined }),
        (error: unknown): MutationResult<N> => ({ data: undefined, error: asSpacesError(error, name, true) }),
      );
      const done = settled.then((result) => {
        inFlight.current.delete(key);
        setState({ ...result, fetching: inFlight.current.size > 0 });
        registry.refreshAfter(name);
        return result;
      });
      inFlight.current.set(key, done);
      return done;
    },
    [client, name, registry],
  );

  return [run, state];
}
