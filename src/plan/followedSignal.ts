/**
 * A run's own signal, following the caller's through one listener that `dispose` removes. Every
 * wait of every request in flight listens to the signal it is given (and removes its listener when
 * it ends): with many requests at once, on the caller's signal that passed Node's warning at 11
 * (MaxListenersExceededWarning); on this one, which lives as long as the run, the warning is lifted.
 */
import { setMaxListeners } from 'node:events';

export function followed(signal: AbortSignal | undefined): { signal: AbortSignal | undefined; dispose: () => void } {
  if (!signal) return { signal, dispose: () => undefined };
  const own = new AbortController();
  setMaxListeners(0, own.signal);
  const abort = () => own.abort(signal.reason);
  if (signal.aborted) abort();
  else signal.addEventListener('abort', abort, { once: true });
  return { signal: own.signal, dispose: () => signal.removeEventListener('abort', abort) };
}
