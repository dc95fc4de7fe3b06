import { EXIT } from './output.js';

/** Where Ctrl+C and SIGTERM come from: the process, or an emitter in tests. */
export type SignalSource = Pick<NodeJS.EventEmitter, 'on' | 'off'>;

/** What a long command with something to undo hears of Ctrl+C and SIGTERM. */
export interface Interruption {
  /** Fires at the first signal: stop the work. */
  work: AbortSignal;
  /** Fires at a second signal: stop the cleanup too. */
  cleanup: AbortSignal;
  /** The first signal received, if any. */
  readonly received: 'SIGINT' | 'SIGTERM' | undefined;
  /** 130 after SIGINT, 143 after SIGTERM (128 + the signal's number). */
  readonly exitCode: number | undefined;
  /** Removes the listeners: after it, a signal ends the process as usual. */
  dispose(): void;
}

/**
 * Listens for Ctrl+C and SIGTERM instead of letting them end the process: the first aborts `work`
 * (the command then undoes what it must), a second aborts `cleanup` (the command then reports what it
 * could not undo and ends).
 */
export function listenForInterruption(source: SignalSource = process): Interruption {
  const work = new AbortController();
  const cleanup = new AbortController();
  let received: 'SIGINT' | 'SIGTERM' | undefined;
  const listeners = (['SIGINT', 'SIGTERM'] as const).map((signal) => {
    const listener = () => {
      if (received) cleanup.abort(new Error(`${signal} again`));
      else {
        received = signal;
        work.abort(new Error(signal));
      }
    };
    source.on(signal, listener);
    return [signal, listener] as const;
  });
  return {
    work: work.signal,
    cleanup: cleanup.signal,
    get received() {
      return received;
    },
    get exitCode() {
      return received && (received === 'SIGINT' ? EXIT.interrupted : EXIT.terminated);
    },
    dispose: () => listeners.forEach(([signal, listener]) => source.off(signal, listener)),
  };
}
