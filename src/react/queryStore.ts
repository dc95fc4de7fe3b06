import type { SpacesError } from '../errors/SpacesError.js';

/** What a query hook shows. */
export interface QuerySnapshot<T> {
  data: T | undefined;
  error: SpacesError | undefined;
  fetching: boolean;
}

/**
 * The state of one query hook for one client, operation and set of variables, read by React through
 * `useSyncExternalStore`: a new one starts empty, so an answer for other variables (or another Space's
 * client) is never shown as this one's. A fetch aborts the one before it; only the latest settles.
 */
export class QueryStore<T> {
  #snapshot: QuerySnapshot<T>;
  readonly #listeners = new Set<() => void>();
  #current: AbortController | undefined;

  constructor(
    private readonly load: (signal: AbortSignal) => Promise<T>,
    private readonly toError: (error: unknown) => SpacesError,
    paused: boolean,
  ) {
    this.#snapshot = { data: undefined, error: undefined, fetching: !paused };
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  };

  readonly snapshot = (): QuerySnapshot<T> => this.#snapshot;

  /** Fetches (again); resolves when this fetch settled or was superseded. Never rejects. */
  readonly fetch = async (): Promise<void> => {
    this.#current?.abort();
    const abort = new AbortController();
    this.#current = abort;
    if (!this.#snapshot.fetching) this.#set({ ...this.#snapshot, fetching: true });
    try {
      const data = await this.load(abort.signal);
      if (this.#current === abort) this.#set({ data, error: undefined, fetching: false });
    } catch (error) {
      if (this.#current === abort && !abort.signal.aborted)
        this.#set({ data: this.#snapshot.data, error: this.toError(error), fetching: false });
    }
  };

  /** Aborts the fetch under way (the hook unmounts, or its effect runs again). */
  stop(): void {
    this.#current?.abort();
    this.#current = undefined;
  }

  #set(next: QuerySnapshot<T>): void {
    this.#snapshot = next;
    for (const listener of this.#listeners) listener();
  }
}
