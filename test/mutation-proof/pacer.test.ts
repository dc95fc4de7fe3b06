import { describe, expect, it, jest } from '@jest/globals';
import { DEFAULT_RATE_LIMIT, RequestPacer } from '../../src/retry/pacer.js';
import { stopped, settle, turn, usePacerClock } from '../support/pacerTurns.js';

// The pacer through its public methods, on a fake clock: what leaves when.
usePacerClock();

describe('RequestPacer', () => {
  it('defaults to 10 requests per second', () => {
    expect(DEFAULT_RATE_LIMIT).toEqual({ requestsPerSecond: 10 });
    expect(new RequestPacer(DEFAULT_RATE_LIMIT).requestsPerSecond).toBe(10);
  });

  it('lets the rate go at once; the next one second after the first answer, in order', async () => {
    const pacer = new RequestPacer({ requestsPerSecond: 2 });
    const [a, b, c, d] = [turn(pacer), turn(pacer), turn(pacer), turn(pacer)];
    await settle();
    expect([a.at, b.at, c.at, d.at]).toEqual([0, 0, undefined, undefined]);
    await jest.advanceTimersByTimeAsync(5000);
    // Both on their way: nothing frees up until an answer comes.
    expect(c.at).toBeUndefined();
    b.release!('passed');
    b.release!('passed'); // twice is harmless
    await jest.advanceTimersByTimeAsync(999);
    expect(c.at).toBeUndefined();
    await jest.advanceTimersByTimeAsync(1);
    expect(c.at).toBe(6000);
    expect(d.at).toBeUndefined();
    a.release!();
    await jest.advanceTimersByTimeAsync(1000);
    expect(d.at).toBe(7000);
  });

  it('an aborted signal refuses at once; an abort or a deadline ends a wait, and the queue moves on', async () => {
    const pacer = new RequestPacer({ requestsPerSecond: 1 });
    const aborted = new AbortController();
    aborted.abort();
    await expect(pacer.acquire(aborted.signal, undefined, stopped)).rejects.toThrow('aborted');
    const first = turn(pacer);
    const stop = new AbortController();
    const byAbort = turn(pacer, stop.signal);
    const byDeadline = turn(pacer, undefined, 3000);
    const last = turn(pacer);
    await settle();
    expect(first.at).toBe(0);
    stop.abort();
    await settle();
    expect(byAbort.error).toBe('aborted');
    await jest.advanceTimersByTimeAsync(2999);
    expect(byDeadline.error).toBeUndefined();
    await jest.advanceTimersByTimeAsync(1);
    expect(byDeadline.error).toBe('deadline');
    first.release!();
    await jest.advanceTimersByTimeAsync(1000);
    expect(last.at).toBe(4000);
  });

  it('a deadline already passed stops the wait at once', async () => {
    const pacer = new RequestPacer({ requestsPerSecond: 1 });
    turn(pacer);
    const late = turn(pacer, undefined, -5);
    await settle();
    expect(late.error).toBe('deadline');
  });

  it('pause holds every request until then, a shorter pause does not shorten it', async () => {
    const pacer = new RequestPacer({ requestsPerSecond: 5 });
    pacer.pause(3000);
    pacer.pause(1000);
    const a = turn(pacer);
    await jest.advanceTimersByTimeAsync(2999);
    expect(a.at).toBeUndefined();
    await jest.advanceTimersByTimeAsync(1);
    expect(a.at).toBe(3000);
  });

  it('a 429 halves the rate (never below 1); one per generation; let-through requests raise it again', async () => {
    const pacer = new RequestPacer({ requestsPerSecond: 4 });
    const burst = [turn(pacer), turn(pacer), turn(pacer), turn(pacer)];
    await settle();
    burst[0]!.release!('limited');
    expect(pacer.requestsPerSecond).toBe(2);
    // The rest of the same burst reports on the old rate: no further decrease.
    burst[1]!.release!('limited');
    expect(pacer.requestsPerSecond).toBe(2);
    burst[2]!.release!();
    burst[3]!.release!();
    await jest.advanceTimersByTimeAsync(1000);
    // Two windows' worth (2 × 2) let through at the new rate adds 0.5.
    for (let i = 0; i < 3; i++) {
      const t = turn(pacer);
      await jest.advanceTimersByTimeAsync(1000);
      t.release!('passed');
      expect(pacer.requestsPerSecond).toBe(2);
    }
    const fourth = turn(pacer);
    await jest.advanceTimersByTimeAsync(1000);
    fourth.release!('passed');
    expect(pacer.requestsPerSecond).toBe(2.5);

    const slow = new RequestPacer({ requestsPerSecond: 1 });
    const only = turn(slow);
    await settle();
    only.release!('limited');
    expect(slow.requestsPerSecond).toBe(1);
  });

  it('the rate never rises above the configured one', async () => {
    const pacer = new RequestPacer({ requestsPerSecond: 2 });
    for (let i = 0; i < 10; i++) {
      const t = turn(pacer);
      await jest.advanceTimersByTimeAsync(1000);
      t.release!('passed');
    }
    expect(pacer.requestsPerSecond).toBe(2);
  });

  it('after a decrease the window is the lower rate', async () => {
    const pacer = new RequestPacer({ requestsPerSecond: 4 });
    const first = turn(pacer);
    await settle();
    first.release!('limited');
    await jest.advanceTimersByTimeAsync(1000);
    const next = [turn(pacer), turn(pacer), turn(pacer)];
    await settle();
    expect(next.map((t) => t.at)).toEqual([1000, 1000, undefined]);
  });
});
