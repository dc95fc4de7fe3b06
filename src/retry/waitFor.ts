import { SpacesError } from '../errors/SpacesError.js';

/**
 * One caller's wait for a shared promise: it ends with the promise, or earlier when the caller's
 * signal fires (`ABORTED`) or its deadline passes (`TIMEOUT`). The promise itself goes on.
 */
export function waitFor<T>(
  promise: Promise<T>,
  signal: AbortSignal | undefined,
  deadline: number | undefined,
  what = 'a token',
): Promise<T> {
  if (!signal && deadline === undefined) return promise;
  return new Promise<T>((resolve, reject) => {
    const finish = () => {
      if (timer !== undefined) clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    };
    const onAbort = () => {
      finish();
      reject(new SpacesError(`the call was aborted while waiting for ${what}`, { code: 'ABORTED' }));
    };
    const timer =
      deadline === undefined
        ? undefined
        : setTimeout(
            () => {
              finish();
              reject(
                new SpacesError(`no ${what.replace(/^an? /, '')} before the call’s deadline`, { code: 'TIMEOUT' }),
              );
            },
            Math.max(0, deadline - Date.now()),
          );
    if (signal?.aborted) return onAbort();
    signal?.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => (finish(), resolve(value)),
      (error: unknown) => (finish(), reject(error as Error)),
    );
  });
}
