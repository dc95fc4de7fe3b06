import type { RetryOptions } from './policy.js';

/**
 * The retry quota shared by every request of one client, after the AWS SDK's standard retry mode:
 * a retry spends tokens, a success refunds what its last retry cost (or 1). Sized for long jobs:
 * scattered faults cost nothing in the end, while a storm that fails most requests drains it and
 * stops retries until requests succeed again.
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

  /** A request succeeded; `lastCost` is what its last retry took (undefined when it needed none). */
  succeeded(lastCost: number | undefined): void {
    this.#tokens = Math.min(this.#capacity, this.#tokens + (lastCost ?? 1));
  }
}
