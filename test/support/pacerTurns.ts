import { afterEach, beforeEach, jest } from '@jest/globals';
import type { RequestPacer, Release } from '../../src/retry/pacer.js';

/** A fake clock from 0 for every test of the file (microtasks and immediates stay real). */
export function usePacerClock(): void {
  beforeEach(() => {
    jest.useFakeTimers({ doNotFake: ['queueMicrotask', 'nextTick', 'setImmediate'], now: 0 });
  });
  afterEach(() => {
    jest.useRealTimers();
  });
}

/** How the tests say a turn stopped. */
export const stopped = (reason: 'aborted' | 'deadline') => new Error(reason);

/** Acquires a turn and records when it was granted (fake ms) or how it failed. */
export function turn(pacer: RequestPacer, signal?: AbortSignal, deadline?: number) {
  const state: { at?: number; release?: Release; error?: string } = {};
  pacer.acquire(signal, deadline, stopped).then(
    (release) => ((state.at = Date.now()), (state.release = release)),
    (error: Error) => (state.error = error.message),
  );
  return state;
}

/** Lets the pacer's pending work run without moving the clock. */
export const settle = () => jest.advanceTimersByTimeAsync(0);
