import type { RetryOptions } from './policy.js';

/**
 * The retry quota shared by every request of one client, after the AWS SDK's standard retry mode:
 * a retry spends tokens (more after a timeout), a request that needed none gives back 1. Unlike
 * the AWS SDK, a request that succeeds after retrying gives back everything its retries cost, not
 * only the last: retries that worked were worth it. So a long job through a lossy network (half the
 * attempts failing, each request getting through in the end) keeps its budget, while a storm in
 * which requests fail for good drains it and stops retries until requests succeed again.
 */
export class RetryBudget {
  #tokens: number;
  readonly #capacity: number;
  readonly #retryCost: number;
  readonly #timeoutRetryCost: number;

  constructor(options: Required<Pick<RetryOptions, 'budget' | 'retryCost' | 'timeoutRetryCost'>>) {
    this.#capacity = options.budget;
    this.#retryCost = options.retryCost;
    this.#timeoutRetryCost = options.timeoutRetryCost;
    this.#tokens = options.budget;
  }

  /** Takes the tokens of one retry; the cost taken, or undefined when the budget cannot pay. */
  take(timeout: boolean): number | undefined {
    const cost = timeout ? this.#timeoutRetryCost : this.#retryCost;
    if (this.#tokens < cost) return undefined;
    this.#tokens -= cost;
    return cost;
  }

  /** A request succeeded; `spent` is what its retries took (0 when it needed none). */
  succeeded(spent: number): void {
    this.#tokens = Math.min(this.#capacity, this.#tokens + (spent > 0 ? spent : 1));
  }
}
