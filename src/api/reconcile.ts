import { OutcomeUnknownError, SpacesError, type OutcomeKey } from '../errors/SpacesError.js';

/** What a listing says about a mutation's effect. */
type Observation<T> = { done: true; value: T } | { done: false };

export interface ExactlyOnce<T> {
  key: OutcomeKey;
  operationName: string;
  /** Sends the mutation. */
  send: () => Promise<T>;
  /** Reads the listings; throws when they cannot be read (the outcome is then unknown). */
  observe: () => Promise<Observation<T>>;
  /** Re-sends after the listings showed the effect certainly absent (may send less than `send`). */
  resend?: () => Promise<T>;
  /** Platform codes that mean "already done" (a duplicate); the listings are read again. */
  conflictCodes?: readonly string[];
  /** Sends at most, the first included; each re-send follows a listing that proved the effect absent. Default 2. */
  maxSends?: number;
}

/** A failure after which the mutation may or may not have run. */
export function isAmbiguous(error: unknown): boolean {
  return error instanceof SpacesError && error.mayHaveExecuted && error.code !== 'ABORTED';
}

/**
 * Runs a non-idempotent mutation at most once in effect. After an ambiguous failure it is never
 * re-sent blindly: the listings decide. Found → its result, reconciled. Certainly absent → sent
 * again (up to `maxSends` in all) and checked again. Listings unreadable → OutcomeUnknownError
 * carrying the key.
 */
export async function mutateExactlyOnce<T>(plan: ExactlyOnce<T>): Promise<{ value: T; reconciled: boolean }> {
  let failure: unknown;
  try {
    return { value: await plan.send(), reconciled: false };
  } catch (error) {
    if (!isAmbiguous(error)) throw error;
    failure = error;
  }
  for (let sends = 1; ; sends++) {
    const observation = await observe(plan, failure);
    if (observation.done) return { value: observation.value, reconciled: true };
    // Certainly absent after the last ambiguous failure: nothing ran, so the caller may try again.
    if (sends >= (plan.maxSends ?? 2)) throw failure;
    try {
      return { value: await (plan.resend ?? plan.send)(), reconciled: true };
    } catch (error) {
      const conflict = error instanceof SpacesError && (plan.conflictCodes ?? []).includes(String(error.code));
      if (!isAmbiguous(error) && !conflict) throw error;
      failure = error;
    }
  }
}

async function observe<T>(plan: ExactlyOnce<T>, failure: unknown): Promise<Observation<T>> {
  try {
    return await plan.observe();
  } catch (listingFailure) {
    throw outcomeUnknown({ operationName: plan.operationName, key: plan.key, failure, listingFailure });
  }
}

/** The error for a mutation that failed ambiguously when the listing that would decide failed too. */
export function outcomeUnknown({
  operationName,
  key,
  failure,
  listingFailure,
  subject,
}: {
  operationName: string;
  key: OutcomeKey;
  failure: unknown;
  listingFailure: unknown;
  /** What the outcome is about, when the operation covered several items. */
  subject?: string;
}): OutcomeUnknownError {
  const message = (error: unknown) => (error instanceof Error ? error.message : String(error));
  return new OutcomeUnknownError(
    `${operationName}: the outcome${subject ? ` for ${subject}` : ''} is unknown. The request failed ambiguously (${message(failure)}) ` +
      `and the listing that would tell whether it took effect failed too (${message(listingFailure)}). Look before repeating it.`,
    key,
    { cause: failure, operationName },
  );
}
