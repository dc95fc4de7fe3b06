/**
 * The SDK's one way to wait "until this settles, the signal fires or the deadline passes": token
 * waits, pacing turns, the waits between retries and each HTTP exchange all go through it. It holds
 * its own timer (never `AbortSignal.timeout`, which Node 20 may collect inside `AbortSignal.any`
 * before it fires) and one listener on the caller's signal, both released when the wait ends.
 */

/** Why a wait ended early. */
export type StopReason = 'aborted' | 'deadline';

/** When a wait ends early: the caller's signal, an absolute deadline (epoch ms), either or neither. */
export interface Until {
  signal?: AbortSignal | undefined;
  deadline?: number | undefined;
}

/**
 * `work`'s outcome, or a rejection with `stopped(reason)` when the signal fires or the deadline passes
 * first. The work itself goes on (a shared refresh serves other callers); the caller cancels it if
 * it must, from `stopped`.
 *
 * @example
 * ```ts
 * const token = await waitFor(refresh, { signal, deadline }, (reason) => new Error(reason));
 * ```
 */
export function waitFor<T>(work: Promise<T>, until: Until, stopped: (reason: StopReason) => Error): Promise<T>;
/** Without `work`, the deadline is the end of a sleep (a resolution), not a failure. */
export function waitFor(work: undefined, until: Until, stopped: (reason: StopReason) => Error): Promise<void>;
export function waitFor<T>(
  work: Promise<T> | undefined,
  { signal, deadline }: Until,
  stopped: (reason: StopReason) => Error,
): Promise<T> {
  if (work && !signal && deadline === undefined) return work;
  return new Promise<T>((resolve, reject) => {
    if (signal?.aborted) return reject(stopped('aborted'));
    let timer: ReturnType<typeof setTimeout> | undefined;
    const finish = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    };
    const onAbort = () => (finish(), reject(stopped('aborted')));
    if (deadline !== undefined && deadline !== Infinity) {
      timer = setTimeout(
        () => {
          finish();
          if (work) reject(stopped('deadline'));
          else resolve(undefined as T);
        },
        Math.max(0, deadline - Date.now()),
      );
    }
    signal?.addEventListener('abort', onAbort, { once: true });
    work?.then(
      (value) => (finish(), resolve(value)),
      (error: Error) => (finish(), reject(error)),
    );
  });
}

/** Waits `ms`, or rejects with `abortError()` as soon as the signal fires. */
export function sleep(ms: number, signal: AbortSignal | undefined, abortError: () => Error): Promise<void> {
  return waitFor(undefined, { signal, deadline: Date.now() + ms }, abortError);
}
