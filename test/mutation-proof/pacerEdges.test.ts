import { describe, expect, it, jest } from '@jest/globals';
import { RequestPacer } from '../../src/retry/pacer.js';
import { settle, turn, usePacerClock } from '../support/pacerTurns.js';

// The pacer's edges the first pacer tests left open: a turn granted as its wait stops, the wake-up
// timer, and the rate's bookkeeping across decreases and increases.
usePacerClock();

/** Lets `count` turns through one after another, each released as `outcome`. */
async function letThrough(pacer: RequestPacer, count: number, outcome: 'passed' | 'limited' = 'passed') {
  for (let i = 0; i < count; i++) {
    const t = turn(pacer);
    await jest.advanceTimersByTimeAsync(1000);
    t.release!(outcome);
  }
}

describe('RequestPacer: a turn granted as its wait stops', () => {
  it('goes straight back: the next request gets the slot one second later, not never', async () => {
    // Its own clock, so a grant and an abort can happen in the same synchronous step.
    let clock = 0;
    const pacer = new RequestPacer({ requestsPerSecond: 1 }, () => clock);
    const first = turn(pacer);
    await settle();
    first.release!();
    const stop = new AbortController();
    const granted = turn(pacer, stop.signal);
    await settle();
    expect(granted.at).toBeUndefined();
    clock = 1000;
    pacer.pause(0); // pumps: the waiting turn is granted now...
    stop.abort(); // ...and its caller stops waiting in the same step
    await settle();
    expect(granted.error).toBe('aborted');
    const next = turn(pacer);
    await settle();
    expect(next.at).toBeUndefined(); // the given-back slot frees one second after it came back
    clock = 2000;
    pacer.pause(0);
    await settle();
    expect(next.release).toEqual(expect.any(Function));
    expect(next.error).toBeUndefined();
  });
});

describe('RequestPacer: the wake-up timer', () => {
  it('a later wake-up replaces the earlier one: one timer at a time', async () => {
    const pacer = new RequestPacer({ requestsPerSecond: 5 });
    pacer.pause(1000);
    const a = turn(pacer);
    await settle();
    expect(jest.getTimerCount()).toBe(1);
    pacer.pause(3000);
    expect(jest.getTimerCount()).toBe(1);
    await jest.advanceTimersByTimeAsync(3000);
    expect(a.at).toBe(3000);
    expect(jest.getTimerCount()).toBe(0);
  });

  it('no timer while every slot is on its way: only a release can free one', async () => {
    const pacer = new RequestPacer({ requestsPerSecond: 1 });
    const first = turn(pacer);
    const second = turn(pacer);
    await settle();
    expect(first.at).toBe(0);
    expect(jest.getTimerCount()).toBe(0);
    await jest.advanceTimersByTimeAsync(60_000);
    expect(second.at).toBeUndefined();
    first.release!();
    expect(jest.getTimerCount()).toBe(1);
    await jest.advanceTimersByTimeAsync(1000);
    expect(second.at).toBe(61_000);
  });
});

describe('RequestPacer: the rate’s bookkeeping', () => {
  it('turns taken before a decrease do not count towards raising it again', async () => {
    const pacer = new RequestPacer({ requestsPerSecond: 4 });
    const burst = [turn(pacer), turn(pacer), turn(pacer), turn(pacer)];
    await settle();
    burst[0]!.release!('limited');
    for (const t of burst.slice(1)) t.release!('passed');
    expect(pacer.requestsPerSecond).toBe(2);
    await jest.advanceTimersByTimeAsync(1000);
    // Four let through at the new rate raise it; one does not.
    await letThrough(pacer, 1);
    expect(pacer.requestsPerSecond).toBe(2);
    await letThrough(pacer, 3);
    expect(pacer.requestsPerSecond).toBe(2.5);
  });

  it('a decrease starts the count again', async () => {
    const pacer = new RequestPacer({ requestsPerSecond: 4 });
    await letThrough(pacer, 1, 'limited');
    await letThrough(pacer, 3); // 3 of the 4 a rate of 2 needs
    expect(pacer.requestsPerSecond).toBe(2);
    await letThrough(pacer, 1, 'limited');
    expect(pacer.requestsPerSecond).toBe(1);
    // A rate of 1 needs two let through; the three before the decrease do not count.
    await letThrough(pacer, 1);
    expect(pacer.requestsPerSecond).toBe(1);
    await letThrough(pacer, 1);
    expect(pacer.requestsPerSecond).toBe(1.5);
  });

  it('an increase starts the count again too, and the window is the rate rounded down', async () => {
    const pacer = new RequestPacer({ requestsPerSecond: 4 });
    await letThrough(pacer, 1, 'limited');
    await letThrough(pacer, 4);
    expect(pacer.requestsPerSecond).toBe(2.5);
    await letThrough(pacer, 1);
    expect(pacer.requestsPerSecond).toBe(2.5);
    await jest.advanceTimersByTimeAsync(1000);
    // 2.5 per second: two at once, not three.
    const next = [turn(pacer), turn(pacer), turn(pacer)];
    await settle();
    expect(next.map((t) => t.at)).toEqual([Date.now(), Date.now(), undefined]);
  });

  it('a release with no news (a network error) leaves the rate as it is', async () => {
    const pacer = new RequestPacer({ requestsPerSecond: 4 });
    await letThrough(pacer, 1, 'limited');
    // Four such releases: as many as a rate of 2 needs let through to rise.
    for (let i = 0; i < 4; i++) {
      const t = turn(pacer);
      await jest.advanceTimersByTimeAsync(1000);
      t.release!();
    }
    expect(pacer.requestsPerSecond).toBe(2);
  });
});
