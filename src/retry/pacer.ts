import { waitFor, type StopReason } from './waitFor.js';

/** Client-side pacing of requests; `false` turns it off. */
export interface RateLimitOptions {
  /**
   * Requests at most in any one second, sustained and in bursts alike: up to this many go at once,
   * the next one second after the first of them was answered. Default 10 (Boomi's published limit
   * is about 10 per second per account). The highest rate: after a 429 the client goes slower and
   * comes back to this one as requests are let through.
   */
  requestsPerSecond?: number | undefined;
}

/** The pacing a client uses unless its `rateLimit` option says otherwise (`false`: none). */
export const DEFAULT_RATE_LIMIT: Required<RateLimitOptions> = { requestsPerSecond: 10 };

/** How a request that held a turn ended, as the rate cares: refused by the server's limiter, or let through. */
export type TurnOutcome = 'limited' | 'passed';

/** Gives a turn back once its request is done; `outcome` adapts the rate (nothing: no news, e.g. a network error). */
export type Release = (outcome?: TurnOutcome) => void;

/** The rate never falls below this many requests per second, however many 429s come. */
const MIN_RATE = 1;
/** A 429 multiplies the rate by this... */
const DECREASE = 0.5;
/** ...and each window's worth of requests let through twice over adds this much back, up to the configured rate. */
const INCREASE = 0.5;

/**
 * A sliding-window limiter shared by every request of one client (single installs, `installMany`
 * batches, reconciliation listings and retries alike), so bulk work paces itself instead of
 * collecting 429s. A request holds its slot from the moment it leaves until one second after its
 * answer came back (or it failed): the server has surely received it by then, so whatever the
 * network's delays, the server never sees more than `requestsPerSecond` requests in any second.
 * Counting from the send instead would trip a server's limit whenever an early request travels
 * slower than a later one. Waiters leave in order. After the server refuses with a Retry-After,
 * `pause` holds every request of the client, not only the one refused.
 *
 * The rate adapts (AIMD, as TCP's congestion window): a 429 halves it (never below 1 per second),
 * and requests let through raise it again by 0.5 per second for every two windows' worth of them,
 * up to the configured rate. Only a 429 to a request sent at the current rate lowers it: the other
 * answers of the same burst say nothing new. A client talks to one endpoint, so this is its rate.
 */
export class RequestPacer {
  readonly #configured: number;
  /** The current rate, in requests per second: `requestsPerSecond` until the server refuses. */
  #rate: number;
  /** Requests in any one second at the current rate. */
  #limit: number;
  /** Counts the decreases: a turn taken before the last one reports on an older rate. */
  #generation = 0;
  /** Requests let through at the current rate since it last changed. */
  #passed = 0;
  /** When each slot taken frees up; Infinity while its request is on its way. */
  #slots: number[] = [];
  /** The waiters in order: each one's way to be handed its turn. */
  readonly #queue: Array<(release: Release) => void> = [];
  #pausedUntil = 0;
  #timer: ReturnType<typeof setTimeout> | undefined;
  readonly #now: () => number;

  constructor(options: Required<RateLimitOptions>, now: () => number = Date.now) {
    this.#now = now;
    this.#configured = this.#rate = this.#limit = options.requestsPerSecond;
  }

  /** The rate the client keeps to now, in requests per second (lower than configured after 429s). */
  get requestsPerSecond(): number {
    return this.#rate;
  }

  /**
   * Resolves with `release` when this request may go; the caller calls `release` once its answer
   * arrived or it failed. Rejects with `stopped()`'s error when the signal fires or the deadline
   * passes first (nothing was sent either way).
   */
  acquire(
    signal: AbortSignal | undefined,
    deadline: number | undefined,
    stopped: (reason: StopReason) => Error,
  ): Promise<Release> {
    if (signal?.aborted) return Promise.reject(stopped('aborted'));
    let go!: (release: Release) => void;
    const turn = new Promise<Release>((resolve) => (go = resolve));
    this.#queue.push(go);
    this.#pump();
    return waitFor(turn, { signal, deadline }, (reason) => {
      const index = this.#queue.indexOf(go);
      // Still queued: it leaves the queue. Granted meanwhile: the turn goes straight back.
      if (index !== -1) this.#queue.splice(index, 1);
      else void turn.then((release) => release());
      return stopped(reason);
    });
  }

  /** The server asked to wait `ms`: no request of this client leaves before then. */
  pause(ms: number): void {
    this.#pausedUntil = Math.max(this.#pausedUntil, this.#now() + ms);
    this.#pump();
  }

  /** Lets waiters go while the window and any pause allow; otherwise sleeps until they will. */
  #pump(): void {
    // A timer that already fired is ignored by clearTimeout.
    clearTimeout(this.#timer);
    while (this.#queue.length > 0) {
      const now = this.#now();
      this.#slots = this.#slots.filter((freeAt) => freeAt > now);
      // All slots on their way: a release pumps again.
      const windowFreeAt = this.#slots.length < this.#limit ? now : Math.min(...this.#slots);
      const readyAt = Math.max(now, windowFreeAt, this.#pausedUntil);
      if (readyAt === Infinity) return;
      if (readyAt > now) return void (this.#timer = setTimeout(() => this.#pump(), readyAt - now));
      this.#queue.shift()!(this.#take());
    }
  }

  /** Takes a slot until one second after its request is done; releasing twice is harmless. */
  #take(): Release {
    this.#slots.push(Infinity);
    const generation = this.#generation;
    let released = false;
    return (outcome) => {
      if (released) return;
      released = true;
      // Slots are interchangeable: any one still on its way (this one's, at least) becomes this one.
      this.#slots[this.#slots.indexOf(Infinity)] = this.#now() + 1000;
      if (outcome !== undefined && generation === this.#generation) this.#adapt(outcome);
      this.#pump();
    };
  }

  #adapt(outcome: TurnOutcome): void {
    if (outcome === 'limited') {
      this.#rate = Math.max(MIN_RATE, this.#rate * DECREASE);
      this.#generation += 1;
      this.#passed = 0;
    } else if (this.#rate < this.#configured && ++this.#passed >= 2 * this.#limit) {
      this.#rate = Math.min(this.#configured, this.#rate + INCREASE);
      this.#passed = 0;
    }
    this.#limit = Math.max(MIN_RATE, Math.floor(this.#rate));
  }
}
