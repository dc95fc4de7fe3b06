import type { CallOptions } from '../client/callOptions.js';

/**
 * The call's options with its deadline fixed when the call starts: `timeoutMs` then reads the time
 * left, so every request the call makes (the send, a reconciliation listing, a re-send) shares the
 * caller's one deadline instead of each starting a fresh one.
 */
export function fixDeadline<T extends CallOptions>(options: T | undefined): T | undefined {
  if (options?.timeoutMs === undefined) return options;
  const deadline = Date.now() + options.timeoutMs;
  return Object.defineProperty({ ...options }, 'timeoutMs', { get: () => deadline - Date.now(), enumerable: true });
}
