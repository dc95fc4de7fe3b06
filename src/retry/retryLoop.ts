import { RetryBudget } from './budget.js';
import { backoffDelay, type RetryOptions, type Verdict } from './policy.js';
import { sleep } from './waitFor.js';

/** What one run of {@link retryLoop} needs. */
export interface RetryLoop<T> {
  /** Makes attempt `n` (1-based); resolves with its outcome, whatever it is. */
  attempt: (n: number) => Promise<T>;
  /** Whether the outcome may be repeated, and how long the server asks to wait. */
  classify: (outcome: T) => Verdict;
  policy: Required<RetryOptions>;
  budget: RetryBudget;
  /** Attempts at most, overriding `policy.maxAttempts`. */
  maxAttempts?: number | undefined;
  /** Stops the waits between attempts. */
  signal?: AbortSignal | undefined;
  /** Epoch ms: no attempt starts whose wait would end after it. */
  deadline?: number | undefined;
  /** The error to throw when the signal fires during a wait. */
  abortError: () => Error;
  /** Told of each retry before its wait. */
  onRetry?: ((retry: { attempt: number; delayMs: number; reason: string }) => void) | undefined;
  random?: (() => number) | undefined;
}

/**
 * The one retry engine of the SDK (GraphQL requests and the JWT endpoint alike): attempt, classify,
 * and wait with full-jitter backoff or the server's Retry-After while the attempts, the deadline,
 * the signal and the client's budget allow. Resolves with the last outcome; classification decides
 * what a final outcome means to the caller.
 */
export async function retryLoop<T>(loop: RetryLoop<T>): Promise<T> {
  const { policy, budget } = loop;
  const maxAttempts = loop.maxAttempts ?? policy.maxAttempts;
  let spent = 0;
  for (let attempt = 1; ; attempt++) {
    const outcome = await loop.attempt(attempt);
    const verdict = loop.classify(outcome);
    if (!verdict.retry) {
      if (verdict.success) budget.succeeded(spent);
      return outcome;
    }
    const delayMs = backoffDelay(attempt, policy, verdict.retryAfterMs, loop.random);
    const allowed =
      attempt < maxAttempts &&
      (verdict.retryAfterMs ?? 0) <= policy.maxRetryAfterMs &&
      Date.now() + delayMs < (loop.deadline ?? Infinity) &&
      !loop.signal?.aborted;
    const cost = allowed ? budget.take(verdict.timeout ?? false) : undefined;
    if (cost === undefined) return outcome;
    spent += cost;
    loop.onRetry?.({ attempt, delayMs, reason: verdict.reason });
    await sleep(delayMs, loop.signal, loop.abortError);
  }
}
