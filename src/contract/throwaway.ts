import type { SpacesClient } from '../client/createSpacesClient.js';
import { sleep } from '../retry/waitFor.js';

/** The throwaway Space of `--allow-writes`: its name and group, and its id once known. */
export interface Throwaway {
  name: string;
  accountGroupId: string;
  id?: string;
}

/** A throwaway Space that could not be deleted: the report names it, so someone can. */
export interface LeftBehind {
  /** Null when the createSpace answer never came and no listing showed the Space. */
  id: string | null;
  name: string;
  /** Why the last try failed. */
  reason: string;
}

/** How hard the check tries to delete its Space after a failure or an interruption. */
export interface CleanupOptions {
  /** Stops trying at once (a second Ctrl+C): the Space is then reported as left behind. */
  signal?: AbortSignal;
  /** The deadline of the whole cleanup. Default 60 s. */
  timeoutMs?: number;
  /** Tries at most (a listing, then a delete when the Space is still there). Default 4. */
  attempts?: number;
  /** The wait after the first failed try, doubled after each. Default 1 s. */
  retryDelayMs?: number;
}

/**
 * Deletes the throwaway Space until it is gone, within the deadline. deleteSpace is a mutation: each
 * try first lists the Spaces, and only a Space still listed is deleted (never a blind re-send); the
 * SDK's deleteSpace reconciles its own ambiguous failures the same way. Resolves with what is left
 * behind, or undefined once the Space is gone (or was never made).
 */
export async function removeThrowaway(space: Throwaway, client: SpacesClient, options: CleanupOptions = {}) {
  const { signal, timeoutMs = 60_000, attempts = 4, retryDelayMs = 1000 } = options;
  const deadline = Date.now() + timeoutMs;
  const callOptions = () => ({ ...(signal && { signal }), timeoutMs: deadline - Date.now() });
  let reason = `no try within ${timeoutMs} ms`;
  for (let attempt = 1; attempt <= attempts && !signal?.aborted && deadline > Date.now(); attempt++) {
    try {
      const found = (await client.listSpaces(callOptions())).find((s) =>
        space.id ? s.id === space.id : s.name === space.name && s.accountGroup?.id === space.accountGroupId,
      );
      if (!found) return undefined;
      space.id = found.id;
      await client.deleteSpace(found.id, callOptions());
      return undefined;
    } catch (error) {
      reason = error instanceof Error ? error.message : String(error);
    }
    const wait = Math.min(retryDelayMs * 2 ** (attempt - 1), Math.max(0, deadline - Date.now()));
    if (attempt < attempts) await sleep(wait, signal, () => new Error('interrupted')).catch(() => undefined);
  }
  if (signal?.aborted) reason = `interrupted again while deleting it (${reason})`;
  return { id: space.id ?? null, name: space.name, reason } satisfies LeftBehind;
}
