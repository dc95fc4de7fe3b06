/** Client-side pacing of requests; `false` turns it off. */
export interface RateLimitOptions {
  /**
   * Requests at most in any one second, sustained and in bursts alike: up to this many go at once,
   * the next one second after the first of them was answered. Default 10 (Boomi's published limit
   * is about 10 per second per account).
   */
  requestsPerSecond?: number;
}

export const DEFAULT_RATE_LIMIT: Required<RateLimitOptions> = { requestsPerSecond: 10 };

interface Waiter {
  go: (release: () => void) => void;
  stop: (error: Error) => void;
}

/**
 * A sliding-window limiter shared by every request of one client (single installs, `installMany`
 * batches, reconciliation listings and retries alike), so bulk work paces itself instead of
 * collecting 429s. A request holds its slot from the moment it leaves until one second after its
 * answer came back (or it failed): the server has surely received it by then, so whatever the
 * network's delays, the server never sees more than `requestsPerSecond` requests in any second.
 * Counting from the send instead would trip a server's limit whenever an early request travels
 * slower than a later one. Waiters leave in order. After the server refuses with a Retry-After,
 * `pause` holds every request of the client, not only the one refused.
 */
export class RequestPacer {
  readonly #limit: number;
  /** When each slot taken frees up; Infinity while its request is on its way. */
  #slots: number[] = [];
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
   * Resolves with `release` when this request may go; the caller calls `release` once its answer
   * arrived or it failed. Rejects with `stopped()`'s error when the signal fires or the deadline
   * passes first (nothing was sent either way).
   */
  acquire(
    signal: AbortSignal | undefined,
    deadline: number | undefined,
    stopped: (reason: 'aborted' | 'deadline') => Error,
  ): Promise<() => void> {
    if (signal?.aborted) return Promise.reject(stopped('aborted'));
    return new Promise<() => void>((resolve, reject) => {
      const leave = () => {
        if (deadlineTimer !== undefined) clearTimeout(deadlineTimer);
        signal?.removeEventListener('abort', onAbort);
        const index = this.#queue.indexOf(waiter);
        if (index !== -1) this.#queue.splice(index, 1);
      };
      const waiter: Waiter = {
        go: (release) => (leave(), resolve(release)),
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
      this.#slots = this.#slots.filter((freeAt) => freeAt > now);
      // All slots on their way: a release pumps again.
      const windowFreeAt = this.#slots.length < this.#limit ? now : Math.min(...this.#slots);
      const readyAt = Math.max(now, windowFreeAt, this.#pausedUntil);
      if (readyAt === Infinity) return;
      if (readyAt > now) {
        this.#timer = setTimeout(() => this.#pump(), readyAt - now);
        return;
      }
      this.#queue[0]!.go(this.#take());
    }
  }

  /** Takes a slot until one second after its request is done; releasing twice is harmless. */
  #take(): () => void {
    this.#slots.push(Infinity);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      // Slots are interchangeable: any one still on its way becomes this one.
      const index = this.#slots.indexOf(Infinity);
      if (index !== -1) this.#slots[index] = this.now() + 1000;
      this.#pump();
    };
  }
}
