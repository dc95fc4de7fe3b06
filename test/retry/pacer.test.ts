import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { delay, http, HttpResponse } from 'msw';
import {
  createSpacesClient,
  SpacesInputError,
  type SpacesClientOptions,
  type TransportEvent,
} from '../../src/index.js';
import { verboseLogger } from '../../src/cli/verbose.js';
import { withMswServer } from '../support/setupMsw.js';

const ENDPOINT = 'https://platform.boomi.com/graphql';
const server = withMswServer();
const T0 = Date.parse('2026-11-29T10:00:00Z');

/** Ms after T0 at which each request arrived (on the fake clock). */
let arrivals: number[] = [];
beforeEach(() => {
  arrivals = [];
  jest.useFakeTimers({ doNotFake: ['queueMicrotask', 'nextTick', 'setImmediate'], now: T0 });
});
afterEach(() => {
  jest.useRealTimers();
  jest.restoreAllMocks();
});

const spaces = () => HttpResponse.json({ data: { spaces: [] } });
function endpoint(answer: (n: number) => Response = () => spaces()) {
  server.use(
    http.post(ENDPOINT, () => {
      arrivals.push(Date.now() - T0);
      return answer(arrivals.length);
    }),
  );
}
const client = (options: Partial<SpacesClientOptions> = {}) =>
  createSpacesClient({ token: 'jwt-token-value', ...options });

/** Settles all calls while the fake clock runs (at most `untilMs` of it). */
async function settleAll<T>(
  calls: Array<Promise<T>>,
  stepMs = 10,
  untilMs = 60_000,
): Promise<PromiseSettledResult<T>[]> {
  let done = false;
  const all = Promise.allSettled(calls).then((results) => ((done = true), results));
  for (let elapsed = 0; !done && elapsed < untilMs; elapsed += stepMs) await jest.advanceTimersByTimeAsync(stepMs);
  return all;
}

describe('client-side pacing (default: at most 10 requests in any second)', () => {
  it('lets 10 go at once, the next 10 a second later: never more than 10 in any second', async () => {
    endpoint();
    const paced = client();
    await settleAll(Array.from({ length: 25 }, () => paced.listSpaces()));
    expect(arrivals).toHaveLength(25);
    for (const at of arrivals)
      expect(arrivals.filter((other) => other >= at && other < at + 1000).length).toBeLessThanOrEqual(10);
    expect(arrivals.slice(0, 10)).toEqual(Array(10).fill(0));
    expect(Math.min(...arrivals.slice(10, 20))).toBeGreaterThanOrEqual(1000);
    expect(Math.min(...arrivals.slice(20))).toBeGreaterThanOrEqual(2000);
  });

  it('counts a request until a second after its answer, so slow early answers never crowd the server', async () => {
    // The first request travels slowly (it reaches the server at 900 ms): had the window counted
    // from the sends, requests 11-20 would all leave at 1000 ms, 11 requests in [900, 1900).
    let served = 0;
    const seenByServer: number[] = [];
    server.use(
      http.post(ENDPOINT, async () => {
        const n = ++served;
        if (n === 1) await delay(900);
        seenByServer.push(Date.now() - T0);
        return spaces();
      }),
    );
    const paced = client({ rateLimit: { requestsPerSecond: 10 } });
    await settleAll(Array.from({ length: 20 }, () => paced.listSpaces()));
    expect(seenByServer).toHaveLength(20);
    for (const at of seenByServer)
      expect(seenByServer.filter((other) => other >= at && other < at + 1000).length).toBeLessThanOrEqual(10);
    expect(seenByServer.filter((at) => at === 1000)).toHaveLength(9);
    expect(seenByServer[19]).toBeGreaterThanOrEqual(1900);
  });

  it('after a 429 with Retry-After, every request of the client waits, not only the refused one', async () => {
    endpoint((n) =>
      n === 1
        ? HttpResponse.json(
            { errors: [{ message: 'Too Many Requests' }], data: null },
            { status: 429, headers: { 'retry-after': '2' } },
          )
        : spaces(),
    );
    const paced = client();
    const first = paced.listSpaces();
    await jest.advanceTimersByTimeAsync(50);
    const second = paced.listSpaces(); // starts while the first waits out its Retry-After
    const results = await settleAll([first, second]);
    expect(results.every((r) => r.status === 'fulfilled')).toBe(true);
    expect(arrivals[0]).toBe(0);
    expect(Math.min(...arrivals.slice(1))).toBeGreaterThanOrEqual(2000);
  });

  it('a call whose deadline comes before its turn fails at the deadline with TIMEOUT, unsent', async () => {
    endpoint();
    const paced = client({ rateLimit: { requestsPerSecond: 1 } });
    const first = paced.listSpaces();
    const second = paced.listSpaces({ timeoutMs: 500 });
    const [, late] = await settleAll([first, second]);
    expect(late).toMatchObject({ status: 'rejected', reason: { code: 'TIMEOUT', mayHaveExecuted: false } });
    expect(arrivals).toEqual([0]);
  });

  it('an AbortSignal ends the wait for a turn, unsent', async () => {
    endpoint();
    const paced = client({ rateLimit: { requestsPerSecond: 1 } });
    const controller = new AbortController();
    const first = paced.listSpaces();
    const second = paced.listSpaces({ signal: controller.signal });
    setTimeout(() => controller.abort(), 200);
    const [, aborted] = await settleAll([first, second]);
    expect(aborted).toMatchObject({ status: 'rejected', reason: { code: 'ABORTED' } });
    expect(arrivals).toEqual([0]);
  });

  it('rateLimit: false sends at once; bad settings are refused before anything is sent', async () => {
    endpoint();
    const unpaced = client({ rateLimit: false });
    await settleAll(Array.from({ length: 15 }, () => unpaced.listSpaces()));
    expect(arrivals).toEqual(Array(15).fill(0));
    expect(() => client({ rateLimit: { requestsPerSecond: 0 } })).toThrow(SpacesInputError);
    expect(() => client({ rateLimit: { requestsPerSecond: 2.5 } })).toThrow(SpacesInputError);
  });
});

describe('adaptive pacing: a server that allows fewer requests than configured', () => {
  /**
   * A server that lets through 5 requests in any sliding second (those it answers; refusals do not
   * count) and answers the rest 429, with `Retry-After: 1` or without one.
   */
  function limitedServer(retryAfter: boolean) {
    const passed: number[] = [];
    let refused = 0;
    endpoint(() => {
      const now = Date.now();
      if (passed.filter((at) => at > now - 1000).length < 5) {
        passed.push(now);
        return spaces();
      }
      refused += 1;
      return HttpResponse.json(
        { errors: [{ message: 'Too Many Requests' }], data: null },
        { status: 429, ...(retryAfter && { headers: { 'retry-after': '1' } }) },
      );
    });
    return { passed, refused: () => refused };
  }

  it.each([
    ['with Retry-After', true],
    ['without Retry-After', false],
  ])('200 calls against 5/s (%s): no failure, at most 20 answers 429', async (_label, retryAfter) => {
    // The backoff's jitter, fixed: the same run every time.
    jest.spyOn(Math, 'random').mockReturnValue(0.5);
    const server5 = limitedServer(retryAfter);
    const events: TransportEvent[] = [];
    const paced = client({ logger: (event) => events.push(event) });
    const results = await settleAll(
      Array.from({ length: 200 }, () => paced.listSpaces()),
      10,
      300_000,
    );
    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
    expect(server5.passed).toHaveLength(200);
    expect(server5.refused()).toBeLessThanOrEqual(20);
    // The retries say at which rate the client was pacing: below the configured 10 after a 429.
    const rates = events.flatMap((e) => (e.type === 'retry' && e.requestsPerSecond ? [e.requestsPerSecond] : []));
    expect(rates.length).toBeGreaterThan(0);
    expect(Math.max(...rates)).toBeLessThan(10);
    expect(Math.min(...rates)).toBeGreaterThanOrEqual(1);
    const lines: string[] = [];
    verboseLogger((line) => lines.push(line))(events.find((e) => e.type === 'retry')!);
    expect(lines).toEqual([expect.stringMatching(/retry in \d+ ms \(HTTP 429; pacing at 5 requests\/s\)$/)]);
  });

  it('one 429 halves the rate; requests let through raise it slowly back to the configured 10', async () => {
    // Only the 11th and 12th requests are refused (no Retry-After): one burst, so one decrease.
    endpoint((n) =>
      n === 11 || n === 12
        ? HttpResponse.json({ errors: [{ message: 'Too Many Requests' }], data: null }, { status: 429 })
        : spaces(),
    );
    const paced = client();
    await settleAll(
      Array.from({ length: 300 }, () => paced.listSpaces()),
      10,
      120_000,
    );
    const inSecond = (second: number) => arrivals.filter((at) => Math.floor(at / 1000) === second).length;
    expect(arrivals).toHaveLength(302);
    expect(inSecond(2)).toBe(5);
    expect(inSecond(Math.floor(arrivals[arrivals.length - 1]! / 1000) - 1)).toBe(10);
    for (const at of arrivals)
      expect(arrivals.filter((other) => other >= at && other < at + 1000).length).toBeLessThanOrEqual(10);
  });
});
