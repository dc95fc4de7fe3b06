import { describe, expect, it } from '@jest/globals';
import { isAmbiguous, mutateExactlyOnce, outcomeUnknown, type ExactlyOnce } from '../../src/api/reconcile.js';
import { OutcomeUnknownError, SpacesError, type OutcomeKey } from '../../src/errors/SpacesError.js';

const KEY: OutcomeKey = { operation: 'uninstall', instanceId: 'inst-1' };
const lost = (n = 1) => new SpacesError(`answer ${n} lost`, { code: 'NETWORK_ERROR', mayHaveExecuted: true });
const refused = () => new SpacesError('refused', { code: 'FORBIDDEN', mayHaveExecuted: false });

/** A plan whose sends and listings follow scripts; it counts both. */
function scripted(
  sends: Array<() => string>,
  listings: Array<() => boolean>,
  extra: Partial<ExactlyOnce<string>> = {},
) {
  const counts = { sends: 0, listings: 0, resends: 0 };
  const plan: ExactlyOnce<string> = {
    key: KEY,
    operationName: 'uninstallIntegrationPack',
    // Each step runs after a tick, as a real call would.
    send: () => Promise.resolve().then(() => sends[counts.sends++]!()),
    observe: () =>
      Promise.resolve().then(() =>
        listings[counts.listings++]!() ? { done: true as const, value: 'seen' } : { done: false as const },
      ),
    ...extra,
  };
  return { plan, counts };
}
const fail = (error: Error) => () => {
  throw error;
};

describe('isAmbiguous', () => {
  it('only a SpacesError that may have executed, and was not aborted', () => {
    expect(isAmbiguous(lost())).toBe(true);
    expect(isAmbiguous(refused())).toBe(false);
    expect(isAmbiguous(new SpacesError('aborted', { code: 'ABORTED', mayHaveExecuted: true }))).toBe(false);
    expect(isAmbiguous(Object.assign(new Error('lost'), { mayHaveExecuted: true }))).toBe(false);
  });
});

describe('mutateExactlyOnce', () => {
  it('a send that works is returned, not reconciled, with no listing read', async () => {
    const { plan, counts } = scripted([() => 'sent'], []);
    await expect(mutateExactlyOnce(plan)).resolves.toEqual({ value: 'sent', reconciled: false });
    expect(counts).toEqual({ sends: 1, listings: 0, resends: 0 });
  });

  it('a clear refusal is thrown as is, never re-sent', async () => {
    const error = refused();
    const { plan, counts } = scripted([fail(error)], []);
    await expect(mutateExactlyOnce(plan)).rejects.toBe(error);
    expect(counts.sends).toBe(1);
    expect(counts.listings).toBe(0);
  });

  it('an ambiguous failure whose effect the listing shows: its value, reconciled, not re-sent', async () => {
    const { plan, counts } = scripted([fail(lost())], [() => true]);
    await expect(mutateExactlyOnce(plan)).resolves.toEqual({ value: 'seen', reconciled: true });
    expect(counts).toEqual({ sends: 1, listings: 1, resends: 0 });
  });

  it('certainly absent: sent again once by default, and that answer is the result', async () => {
    const { plan, counts } = scripted([fail(lost()), () => 'second'], [() => false]);
    await expect(mutateExactlyOnce(plan)).resolves.toEqual({ value: 'second', reconciled: true });
    expect(counts).toEqual({ sends: 2, listings: 1, resends: 0 });
  });

  it('never sends more than maxSends (default 2), the last ambiguous failure thrown after a listing', async () => {
    const last = lost(2);
    const { plan, counts } = scripted([fail(lost(1)), fail(last), () => 'third'], [() => false, () => false]);
    await expect(mutateExactlyOnce(plan)).rejects.toBe(last);
    expect(counts.sends).toBe(2);
    expect(counts.listings).toBe(2);
  });

  it.each([1, 3])('maxSends %i: exactly that many sends when every one is lost and nothing is seen', async (max) => {
    const errors = Array.from({ length: 5 }, (_, i) => lost(i + 1));
    const { plan, counts } = scripted(
      errors.map((e) => fail(e)),
      Array.from({ length: 5 }, () => () => false),
      { maxSends: max },
    );
    await expect(mutateExactlyOnce(plan)).rejects.toBe(errors[max - 1]);
    expect(counts.sends).toBe(max);
    expect(counts.listings).toBe(max);
  });

  it('re-sends through `resend` when given', async () => {
    const counts = { resends: 0 };
    const { plan } = scripted([fail(lost())], [() => false], {
      resend: () => Promise.resolve().then(() => (counts.resends++, 'resent')),
    });
    await expect(mutateExactlyOnce(plan)).resolves.toEqual({ value: 'resent', reconciled: true });
    expect(counts.resends).toBe(1);
  });

  it('a re-send refused with a conflict code reads the listings again and returns what they show', async () => {
    const conflict = new SpacesError('already there', { code: 'DUPLICATE_NAME', mayHaveExecuted: false });
    const { plan, counts } = scripted([fail(lost()), fail(conflict)], [() => false, () => true], {
      conflictCodes: ['DUPLICATE_NAME'],
      maxSends: 3,
    });
    await expect(mutateExactlyOnce(plan)).resolves.toEqual({ value: 'seen', reconciled: true });
    expect(counts).toEqual({ sends: 2, listings: 2, resends: 0 });
  });

  it('a conflict code on the last allowed send: the conflict is thrown after a listing shows nothing', async () => {
    const conflict = new SpacesError('already there', { code: 'DUPLICATE_NAME', mayHaveExecuted: false });
    const { plan, counts } = scripted([fail(lost()), fail(conflict)], [() => false, () => false], {
      conflictCodes: ['DUPLICATE_NAME'],
    });
    await expect(mutateExactlyOnce(plan)).rejects.toBe(conflict);
    expect(counts.listings).toBe(2);
  });

  it('a re-send refused with a code that is not a conflict code is thrown at once', async () => {
    const other = new SpacesError('no', { code: 'FORBIDDEN', mayHaveExecuted: false });
    const { plan, counts } = scripted([fail(lost()), fail(other)], [() => false, () => true], {
      conflictCodes: ['DUPLICATE_NAME'],
      maxSends: 3,
    });
    await expect(mutateExactlyOnce(plan)).rejects.toBe(other);
    expect(counts.listings).toBe(1);
  });

  it('without conflict codes a clear refusal of the re-send is thrown', async () => {
    const conflict = new SpacesError('already there', { code: 'DUPLICATE_NAME', mayHaveExecuted: false });
    const { plan } = scripted([fail(lost()), fail(conflict)], [() => false, () => true], { maxSends: 3 });
    await expect(mutateExactlyOnce(plan)).rejects.toBe(conflict);
  });

  it('a plain Error that carries a conflict-looking code is no conflict', async () => {
    const plain = Object.assign(new Error('dup'), { code: 'DUPLICATE_NAME' });
    const { plan } = scripted([fail(lost()), fail(plain)], [() => false, () => true], {
      conflictCodes: ['DUPLICATE_NAME'],
      maxSends: 3,
    });
    await expect(mutateExactlyOnce(plan)).rejects.toBe(plain);
  });

  it('an unreadable listing: OutcomeUnknownError with the key, both failures named, the first as cause', async () => {
    const first = lost();
    const { plan } = scripted([fail(first)], [fail(new Error('listing timed out'))]);
    const error = await mutateExactlyOnce(plan).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OutcomeUnknownError);
    const unknown = error as OutcomeUnknownError;
    expect(unknown.key).toEqual(KEY);
    expect(unknown.code).toBe('OUTCOME_UNKNOWN');
    expect(unknown.operationName).toBe('uninstallIntegrationPack');
    expect(unknown.message).toBe(
      'uninstallIntegrationPack: the outcome is unknown. The request failed ambiguously (answer 1 lost) and the listing ' +
        'that would tell whether it took effect failed too (listing timed out). Look before repeating it.',
    );
    expect((unknown.cause as { message?: string }).message).toBe('answer 1 lost');
  });
});

describe('outcomeUnknown', () => {
  it('names the subject when given, and shows non-Error failures as text', () => {
    const error = outcomeUnknown({
      operationName: 'installMany',
      key: KEY,
      failure: 'socket hang up',
      listingFailure: 503,
      subject: 'pack "A"',
    });
    expect(error.message).toBe(
      'installMany: the outcome for pack "A" is unknown. The request failed ambiguously (socket hang up) and the ' +
        'listing that would tell whether it took effect failed too (503). Look before repeating it.',
    );
  });
});
