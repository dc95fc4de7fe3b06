import { OPERATION_FACTS } from '../generated/operationFacts.js';
import type { MutationName, QueryName } from '../generated/operations.js';

/**
 * The mounted query hooks of one SpacesProvider, by operation, so a mutation can refresh the
 * listings it changes without the component asking.
 */
export class RefreshRegistry {
  readonly #byName = new Map<QueryName, Set<() => unknown>>();

  /** Adds a refetch function under a query; returns its removal. */
  register(name: QueryName, refetch: () => unknown): () => void {
    let set = this.#byName.get(name);
    if (!set) this.#byName.set(name, (set = new Set()));
    set.add(refetch);
    return () => set.delete(refetch);
  }

  /** Refetches the listings a mutation changes, as its file declares (`# @refreshes …`). */
  refreshAfter(mutation: MutationName): void {
    this.refresh(OPERATION_FACTS[mutation].refreshes);
  }

  /** Refetches every mounted hook of these queries. */
  refresh(names: readonly QueryName[]): void {
    for (const name of names) for (const refetch of this.#byName.get(name) ?? []) refetch();
  }
}
