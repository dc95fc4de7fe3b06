/** Client-side pacing of requests; `false` turns it off. */
export interface RateLimitOptions {
  /**
   * Requests at most in any one second, sustained and in bursts alike: up to this many go at once,
   * the next when the oldest of them is a second old. Default 10 (Boomi's published limit is about
   * 10 per second per account).
   */
  requestsPerSecond?: number;
}

export const DEFAULT_RATE_LIMIT: Required<RateLimitOptions> = { requestsPerSecond: 10 };

interface Waiter {
  go: () => void;
  stop: (error: Error) => void;
}

/**
 * A sliding-window limiter shared by every request of one client (single installs, `installMany`
 * batches, reconciliation listings and retries alike), so bulk work paces itself instead of
 * collecting 429s: never more than `requestsPerSecond` sends in any second, so no fixed or sliding
 * per-second limit on the server is ever exceeded. Waiters leave in order. After the server refuses
 * with a Retry-After, `pause` holds every request of the client, not only the one refused.
 */
export class RequestPacer {
  readonly #limit: number;
  /** When the last `#limit` requests were let go, oldest first. */
  readonly #sent: number[] = [];
  readonly #queue: Waiter[] = [];
  #pausedUntil = 0;
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    options: Required<RateLimitOptions>,
    private readonly now: () => number = Date.now,
  ) {
    this.#limit = options.requestsPerSecond;
  }

  /**
   * Resolves when this request may go; rejects with `stopped()`'s error when the signal fires or the
   * deadline passes first (nothing was sent either way).
   */
  acquire(
    signal: AbortSignal | undefined,
    deadline: number | undefined,
    stopped: (reason: 'aborted' | 'deadline') => Error,
  ): Promise<void> {
    if (signal?.aborted) return Promise.reject(stopped('aborted'));
    return new Promise<void>((resolve, reject) => {
      const leave = () => {
        if (deadlineTimer !== undefined) clearTimeout(deadlineTimer);
        signal?.removeEventListener('abort', onAbort);
        const index = this.#queue.indexOf(waiter);
        if (index !== -1) this.#queue.splice(index, 1);
      };
      const waiter: Waiter = {
        go: () => (leave(), resolve()),
        stop: (error) => (leave(), reject(error)),
      };
      const onAbort = () => waiter.stop(stopped('aborted'));
      const deadlineTimer =
        deadline === undefined
          ? undefined
          : setTimeout(() => waiter.stop(stopped('deadline')), Math.max(0, deadline - this.now()));
      signal?.addEventListener('abort', onAbort, { once: true });
      this.#queue.push(waiter);
      this.#pump();
    });
  }

  /** The server asked to wait `ms`: no request of this client leaves before then. */
  pause(ms: number): void {
    this.#pausedUntil = Math.max(this.#pausedUntil, this.now() + ms);
    this.#pump();
  }

  /** Lets waiters go while the window and any pause allow; otherwise sleeps until they will. */
  #pump(): void {
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = undefined;
    while (this.#queue.length > 0) {
      const now = this.now();
      const windowFreeAt = this.#sent.length < this.#limit ? now : this.#sent[0]! + 1000;
      const readyAt = Math.max(now, windowFreeAt, this.#pausedUntil);
      if (readyAt > now) {
        this.#timer = setTimeout(() => this.#pump(), readyAt - now);
        return;
      }
      this.#sent.push(now);
      if (this.#sent.length > this.#limit) this.#sent.shift();
      this.#queue[0]!.go();
    }
  }
}
