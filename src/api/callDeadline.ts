import { deadlineOf, type CallOptions } from '../client/callOptions.js';

/**
 * The call's options with its deadline fixed when the call starts, as the absolute `deadline`
 * (`timeoutMs` unset): every request the call makes (the send, a reconciliation listing, a
 * re-send) shares the caller's one deadline instead of each starting a fresh one.
 */
export function fixDeadline<T extends CallOptions>(options: T | undefined): T | undefined {
  if (options?.timeoutMs === undefined) return options;
  return { ...options, timeoutMs: undefined, deadline: deadlineOf(options) };
}
