import { withDefaults } from '../../client/optionDefaults.js';
import { RATE_LIMITED_MESSAGE } from '../graphql/failureAnswers.js';

/** Fault switches of the fake platform, for tests and benchmarks. Rates are between 0 and 1. */
export interface SimulatorFaults {
  /** Share of GraphQL calls answered 503 before executing. */
  unavailableRate?: number | undefined;
  /** Share of GraphQL calls executed, then dropped without an answer (a network error). */
  dropAfterExecuteRate?: number | undefined;
  /** Share of GraphQL calls answered 429 before executing. */
  rateLimitedRate?: number | undefined;
  /** The Retry-After of those 429 answers, in seconds. Default 1. */
  retryAfterSeconds?: number | undefined;
  /** Seed of the random draws, so a run can be repeated. Default 1. */
  seed?: number | undefined;
}

/** What to do with one GraphQL call, as the switches draw it. */
export type FaultDecision = 'answer' | 'unavailable' | 'drop-after-execute' | 'rate-limited';

/** A failure answer with its details, instead of executing (the msw kit's `failNext`). */
export interface FailureFault {
  kind: 'fail';
  /** HTTP status. Default 200. */
  status?: number | undefined;
  /** Sent as `extensions.code`. */
  code?: string | undefined;
  /** The GraphQL error message. Default "Simulated failure". */
  message?: string | undefined;
  /** Sent as `Retry-After` with a 429 or 5xx status. Default: no header. */
  retryAfterSeconds?: number | undefined;
}

/** A 429 with its own Retry-After, instead of the switches' `retryAfterSeconds`. */
export interface RateLimitedFault {
  kind: 'rate-limited';
  retryAfterSeconds: number;
}

/** One fault: a decision by name, or a fault with its details. Both can be queued. */
export type Fault = FaultDecision | FailureFault | RateLimitedFault;

/** What the handler does with a call, every kind of fault reduced to three. */
export type FaultOutcome =
  | { kind: 'answer' }
  | { kind: 'drop-after-execute' }
  | { kind: 'fail'; status: number; message: string; code?: string; retryAfterSeconds?: number };

/**
 * Draws the fault of each call from a seeded generator (mulberry32), so runs repeat. A running
 * simulator's plan is `simulator.faults`.
 *
 * @example
 * ```ts
 * const simulator = await startSimulator({ faults: { dropAfterExecuteRate: 0.1, seed: 42 } });
 * simulator.faults.set({ unavailableRate: 0.5 }); // change the switches while it runs
 * simulator.faults.queue('drop-after-execute'); // the next call executes, then loses its answer
 * ```
 */
export class FaultPlan {
  #random: () => number;
  #faults: Required<SimulatorFaults>;
  #queued: Fault[] = [];
  #queuedFor = new Map<string, Fault[]>();

  constructor(faults: SimulatorFaults = {}) {
    this.#faults = { unavailableRate: 0, dropAfterExecuteRate: 0, rateLimitedRate: 0, retryAfterSeconds: 1, seed: 1 };
    this.#random = mulberry32(1);
    this.set(faults);
  }

  /** Replaces the switches (and reseeds when a seed is given). */
  set(faults: SimulatorFaults): void {
    for (const key of ['unavailableRate', 'dropAfterExecuteRate', 'rateLimitedRate'] as const) {
      const rate = faults[key];
      if (rate !== undefined && !(rate >= 0 && rate <= 1)) throw new RangeError(`${key} must be between 0 and 1`);
    }
    const total =
      (faults.unavailableRate ?? this.#faults.unavailableRate) +
      (faults.dropAfterExecuteRate ?? this.#faults.dropAfterExecuteRate) +
      (faults.rateLimitedRate ?? this.#faults.rateLimitedRate);
    if (total > 1) throw new RangeError('the fault rates add up to more than 1');
    this.#faults = withDefaults(this.#faults, faults);
    if (faults.seed !== undefined) this.#random = mulberry32(faults.seed);
  }

  /** The next GraphQL calls get these faults, in order, before any drawn one. */
  queue(...decisions: Fault[]): void {
    this.#queued.push(...decisions);
  }

  /** The next calls of one operation (by its name) get these faults, in order, before any other. */
  queueFor(operationName: string, ...decisions: Fault[]): void {
    this.#queuedFor.set(operationName, [...(this.#queuedFor.get(operationName) ?? []), ...decisions]);
  }

  /** Forgets the queued faults, of every operation too. */
  clearQueued(): void {
    this.#queued = [];
    this.#queuedFor.clear();
  }

  /** The switches in force (a copy). */
  get current(): Required<SimulatorFaults> {
    return { ...this.#faults };
  }

  /** The fault of the next call (of `operationName`, when the caller knows it). */
  next(operationName?: string): Fault {
    const queuedFor = operationName === undefined ? undefined : this.#queuedFor.get(operationName)?.shift();
    if (queuedFor) return queuedFor;
    const queued = this.#queued.shift();
    if (queued) return queued;
    const { unavailableRate, dropAfterExecuteRate, rateLimitedRate } = this.#faults;
    if (unavailableRate + dropAfterExecuteRate + rateLimitedRate === 0) return 'answer';
    const draw = this.#random();
    if (draw < unavailableRate) return 'unavailable';
    if (draw < unavailableRate + dropAfterExecuteRate) return 'drop-after-execute';
    if (draw < unavailableRate + dropAfterExecuteRate + rateLimitedRate) return 'rate-limited';
    return 'answer';
  }

  /** The next call's fault (see {@link next}) as what to do: answer, drop after executing, or fail. */
  outcome(operationName?: string): FaultOutcome {
    const fault = this.next(operationName);
    if (fault === 'answer' || fault === 'drop-after-execute') return { kind: fault };
    if (fault === 'unavailable') return { kind: 'fail', status: 503, message: 'Service Unavailable' };
    if (fault === 'rate-limited') return this.#rateLimited(this.#faults.retryAfterSeconds);
    if (fault.kind === 'rate-limited') return this.#rateLimited(fault.retryAfterSeconds);
    const { status = 200, message = 'Simulated failure', code, retryAfterSeconds } = fault;
    return { kind: 'fail', status, message, code, retryAfterSeconds };
  }

  #rateLimited(retryAfterSeconds: number): FaultOutcome {
    return { kind: 'fail', status: 429, message: RATE_LIMITED_MESSAGE, retryAfterSeconds };
  }
}

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A fixed one-second window limiter: at most `perSecond` calls in each second of the clock. */
export class RateLimiter {
  #windowStart = 0;
  #count = 0;

  constructor(
    private readonly perSecond: number,
    private readonly now: () => number,
  ) {}

  /** Admits a call, or returns the seconds to wait (for Retry-After). */
  admit(): { admitted: true } | { admitted: false; retryAfterSeconds: number } {
    const now = this.now();
    const window = Math.floor(now / 1000) * 1000;
    if (window !== this.#windowStart) {
      this.#windowStart = window;
      this.#count = 0;
    }
    if (this.#count < this.perSecond) {
      this.#count += 1;
      return { admitted: true };
    }
    return { admitted: false, retryAfterSeconds: Math.max(1, Math.ceil((window + 1000 - now) / 1000)) };
  }
}
