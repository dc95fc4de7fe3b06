import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { delay, http, HttpResponse } from 'msw';
import {
  createSpacesClient,
  InstallIpackDocument,
  ListSpacesDocument,
  type SpacesClientOptions,
} from '../../src/index.js';
import { SENDERS } from '../support/fetchDispatcher.js';
import { withMswServer } from '../support/setupMsw.js';

const ENDPOINT = 'https://platform.boomi.com/graphql';
const server = withMswServer();

/** Epoch ms of each request the endpoint received (on the fake clock). */
let seen: number[] = [];
beforeEach(() => {
  seen = [];
  jest.useFakeTimers({
    doNotFake: ['queueMicrotask', 'nextTick', 'setImmediate'],
    now: Date.parse('2026-11-29T10:00:00Z'),
  });
});
afterEach(() => {
  jest.useRealTimers();
});

/** Answers the n-th request (1-based) with `answer(n)`. */
function endpoint(answer: (n: number) => Response | Promise<Response>) {
  server.use(
    http.post(ENDPOINT, () => {
      seen.push(Date.now());
      return answer(seen.length);
    }),
  );
}

const spaces = () =>
  HttpResponse.json({
    data: {
      spaces: [
        {
          id: 's1',
          name: 'S',
          description: null,
          createdDate: null,
          modifiedDate: null,
          url: null,
          accountGroup: null,
        },
      ],
    },
  });
const installed = () =>
  HttpResponse.json({
    data: {
      integrationPackInstanceInstall: { id: 'SW5zdDE', integrationPackId: 'p', integrationPackOverrideName: 'n' },
    },
  });
const unavailable = () =>
  HttpResponse.json({ errors: [{ message: 'Service Unavailable' }], data: null }, { status: 503 });
const tooMany = (retryAfter: string) =>
  HttpResponse.json(
    { errors: [{ message: 'Too Many Requests' }], data: null },
    { status: 429, headers: { 'retry-after': retryAfter } },
  );

/** Runs a call to completion while the fake clock advances. */
async function settle<T>(call: Promise<T>, stepMs = 50): Promise<PromiseSettledResult<T>> {
  let done = false;
  const settled = call.then(
    (value) => ((done = true), { status: 'fulfilled' as const, value }),
    (reason: unknown) => ((done = true), { status: 'rejected' as const, reason }),
  );
  for (let elapsed = 0; !done && elapsed < 10 * 60_000; elapsed += stepMs) await jest.advanceTimersByTimeAsync(stepMs);
  return settled;
}

let senderOptions: Partial<SpacesClientOptions> = {};
const client = (options: Partial<SpacesClientOptions> = {}) =>
  createSpacesClient({ token: 'jwt-token-value', ...senderOptions, ...options });
const install = { input: { integrationPackId: 'p', integrationPackOverrideName: 'n' } };

// Every test holds over fetch and over undici's request().
describe.each(SENDERS)('over $name', ({ options }) => {
  beforeEach(() => {
    senderOptions = options();
  });

  describe('queries are retried after transient failures', () => {
    it.each([
      ['a 503', () => unavailable()],
      ['a dropped connection', () => HttpResponse.error()],
      ['an HTML gateway page', () => new HttpResponse('<html>502 Bad Gateway</html>', { status: 502 })],
      [
        'GENERIC_SYSTEM_ERROR',
        () =>
          HttpResponse.json({
            errors: [{ message: 'boom', extensions: { code: 'GENERIC_SYSTEM_ERROR' } }],
            data: null,
          }),
      ],
    ])('after %s', async (_label, failure) => {
      endpoint((n) => (n === 1 ? failure() : spaces()));
      const result = await settle(client().listSpaces());
      expect(result).toMatchObject({ status: 'fulfilled', value: [{ id: 's1' }] });
      expect(seen).toHaveLength(2);
    });

    it('no request before Retry-After (seconds) allows', async () => {
      endpoint((n) => (n === 1 ? tooMany('2') : spaces()));
      await settle(client().listSpaces());
      expect(seen).toHaveLength(2);
      expect(seen[1]! - seen[0]!).toBeGreaterThanOrEqual(2000);
    });

    it('no request before Retry-After (an HTTP date) allows', async () => {
      endpoint((n) => (n === 1 ? tooMany(new Date(Date.now() + 5000).toUTCString()) : spaces()));
      await settle(client().listSpaces());
      expect(seen[1]! - seen[0]!).toBeGreaterThanOrEqual(4000);
    });

    it('gives up after maxAttempts', async () => {
      endpoint(() => unavailable());
      const result = await settle(client({ retry: { maxAttempts: 3 } }).listSpaces());
      expect(result).toMatchObject({ status: 'rejected', reason: { code: 'HTTP_ERROR', status: 503 } });
      expect(seen).toHaveLength(3);
    });

    it('does not wait for a Retry-After beyond maxRetryAfterMs', async () => {
      endpoint(() => tooMany('600'));
      const result = await settle(client().listSpaces());
      expect(result).toMatchObject({ status: 'rejected', reason: { code: 'RATE_LIMITED', status: 429 } });
      expect(seen).toHaveLength(1);
    });

    it('a storm of failures drains the retry budget: 50 tokens at 5 a retry pay for 10 retries in all', async () => {
      endpoint(() => unavailable());
      const shared = client({ retry: { budget: 50 } });
      for (let i = 0; i < 20; i++) await settle(shared.listSpaces());
      expect(seen.length).toBeLessThanOrEqual(60);
      expect(seen.length).toBe(20 + 10);
    });

    it('scattered faults over a long job cost no budget: each success refunds its retry', async () => {
      // Every other request fails once: 200 calls, 100 retries, far more than 500 tokens / 5 without refunds.
      endpoint((n) => (n % 3 === 1 ? unavailable() : spaces()));
      const shared = client({ retry: { baseDelayMs: 1 } });
      const results = [];
      for (let i = 0; i < 200; i++) results.push(await settle(shared.listSpaces(), 5));
      expect(results.every((r) => r.status === 'fulfilled')).toBe(true);
    });

    it('waits with full-jitter exponential backoff between attempts', async () => {
      endpoint(() => unavailable());
      await settle(client({ retry: { maxAttempts: 4, baseDelayMs: 1000, maxDelayMs: 1500 } }).listSpaces(), 10);
      const gaps = seen.slice(1).map((t, i) => t - seen[i]!);
      expect(gaps).toHaveLength(3);
      expect(gaps[0]!).toBeLessThanOrEqual(1000 + 10);
      for (const gap of gaps) expect(gap).toBeLessThanOrEqual(1500 + 10);
    });
  });

  describe('mutations are re-sent only when they certainly did not run', () => {
    it('not after a 5xx: the error says it may have executed', async () => {
      endpoint(() => unavailable());
      const result = await settle(client().execute(InstallIpackDocument, install));
      expect(result).toMatchObject({ status: 'rejected', reason: { code: 'HTTP_ERROR', mayHaveExecuted: true } });
      expect(seen).toHaveLength(1);
    });

    it('not after a dropped connection', async () => {
      endpoint(() => HttpResponse.error());
      const result = await settle(client().execute(InstallIpackDocument, install));
      expect(result).toMatchObject({ status: 'rejected', reason: { code: 'NETWORK_ERROR', mayHaveExecuted: true } });
      expect(seen).toHaveLength(1);
    });

    it('after a 429, once Retry-After allows', async () => {
      endpoint((n) => (n === 1 ? tooMany('1') : installed()));
      const result = await settle(client().execute(InstallIpackDocument, install));
      expect(result.status).toBe('fulfilled');
      expect(seen).toHaveLength(2);
      expect(seen[1]! - seen[0]!).toBeGreaterThanOrEqual(1000);
    });

    it('after a connection that never opened', async () => {
      endpoint(() => installed());
      let calls = 0;
      const refusingOnce: typeof fetch = async (input, init) => {
        calls += 1;
        if (calls === 1)
          throw new TypeError('fetch failed', {
            cause: Object.assign(new Error('connect ECONNREFUSED 10.0.0.1:443'), { code: 'ECONNREFUSED' }),
          });
        return globalThis.fetch(input, init);
      };
      const result = await settle(client({ fetch: refusingOnce }).execute(InstallIpackDocument, install));
      expect(result.status).toBe('fulfilled');
      expect(calls).toBe(2);
    });

    it('not after a socket closed mid-request', async () => {
      const closing: typeof fetch = () =>
        Promise.reject(
          new TypeError('fetch failed', {
            cause: Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET' }),
          }),
        );
      const result = await settle(client({ fetch: closing }).execute(InstallIpackDocument, install));
      expect(result).toMatchObject({ status: 'rejected', reason: { code: 'NETWORK_ERROR', mayHaveExecuted: true } });
    });
  });

  describe('401: one forced refresh and one resend', () => {
    const unauthorized = () =>
      HttpResponse.json(
        { errors: [{ message: 'Downstream Execution Error: Unauthorized', path: ['spaces'] }], data: null },
        { status: 401 },
      );

    it('refreshes the token and resends once', async () => {
      let token = 'jwt-one';
      const requests: Array<{ forceRefresh: boolean; rejectedToken?: string }> = [];
      server.use(
        http.post(ENDPOINT, ({ request }) => {
          seen.push(Date.now());
          return request.headers.get('authorization') === 'Bearer jwt-two' ? spaces() : unauthorized();
        }),
      );
      const refreshing = client({
        token: undefined,
        getToken: (options) => {
          requests.push(options);
          if (options.forceRefresh) token = 'jwt-two';
          return token;
        },
      });
      const result = await settle(refreshing.listSpaces());
      expect(result.status).toBe('fulfilled');
      expect(seen).toHaveLength(2);
      expect(requests).toEqual([
        { forceRefresh: false, deadline: expect.any(Number) },
        { forceRefresh: true, rejectedToken: 'jwt-one', deadline: expect.any(Number) },
      ]);
    });

    it('a second 401 is an auth error, with no further request', async () => {
      endpoint(() => unauthorized());
      let n = 0;
      const result = await settle(client({ token: undefined, getToken: () => `jwt-${++n}` }).listSpaces());
      expect(result).toMatchObject({
        status: 'rejected',
        reason: { code: 'UNAUTHORIZED', status: 401, mayHaveExecuted: false },
      });
      expect(seen).toHaveLength(2);
    });

    it('a fixed token is not resent after a 401', async () => {
      endpoint(() => unauthorized());
      await settle(client().listSpaces());
      expect(seen).toHaveLength(1);
    });

    it('two identical concurrent mutations refused with 401 both resolve after one refresh each', async () => {
      let token = 'jwt-old';
      server.use(
        http.post(ENDPOINT, ({ request }) => {
          seen.push(Date.now());
          return request.headers.get('authorization') === 'Bearer jwt-new' ? installed() : unauthorized();
        }),
      );
      const refreshing = client({
        token: undefined,
        getToken: ({ forceRefresh }) => (forceRefresh ? (token = 'jwt-new') : token),
      });
      const both = Promise.all([
        refreshing.execute(InstallIpackDocument, install),
        refreshing.execute(InstallIpackDocument, install),
      ]);
      const result = await settle(both);
      expect(result).toMatchObject({ status: 'fulfilled', value: [expect.anything(), expect.anything()] });
      expect(seen).toHaveLength(4);
    });
  });

  describe('timeouts and cancellation', () => {
    it('an attempt without an answer within attemptTimeoutMs is TIMEOUT (and a query is retried)', async () => {
      endpoint(async (n) => {
        if (n === 1) await delay('infinite');
        return spaces();
      });
      const result = await settle(client({ attemptTimeoutMs: 1000 }).listSpaces());
      expect(result.status).toBe('fulfilled');
      expect(seen).toHaveLength(2);
      expect(seen[1]! - seen[0]!).toBeGreaterThanOrEqual(1000);
    });

    it('a call deadline stops retries that would outlive it', async () => {
      endpoint(() => tooMany('10'));
      const result = await settle(client().execute(ListSpacesDocument, { timeoutMs: 5000 }));
      expect(result).toMatchObject({ status: 'rejected', reason: { code: 'RATE_LIMITED' } });
      expect(seen).toHaveLength(1);
    });

    it('a method’s timeoutMs is one deadline for all it sends: the reconciliation listing gets only what is left', async () => {
      server.use(
        http.post(ENDPOINT, async ({ request }) => {
          seen.push(Date.now());
          const { operationName } = (await request.clone().json()) as { operationName: string };
          // The install runs, then its answer is a 503 after 2.5 s: ambiguous, so the instances are listed.
          if (operationName === 'installIpack') return delay(2500).then(() => unavailable());
          await delay('infinite');
          return spaces();
        }),
      );
      const started = Date.now();
      const call = client({ spaceGuid: 'guid' }).installIntegrationPack(
        { integrationPackId: 'p', integrationPackOverrideName: 'n' },
        { timeoutMs: 3000 },
      );
      const result = await settle(call);
      expect(result).toMatchObject({ status: 'rejected', reason: { code: 'OUTCOME_UNKNOWN' } });
      expect(Date.now() - started).toBeLessThanOrEqual(3000 + 50);
    });

    it('a request whose call deadline has passed is not sent', async () => {
      endpoint(() => spaces());
      const result = await settle(client().execute(ListSpacesDocument, { timeoutMs: 0 }));
      expect(result).toMatchObject({ status: 'rejected', reason: { code: 'TIMEOUT', mayHaveExecuted: false } });
      expect(seen).toHaveLength(0);
    });

    it('an AbortSignal stops the wait between attempts', async () => {
      endpoint(() => tooMany('30'));
      const controller = new AbortController();
      const call = client().listSpaces({ signal: controller.signal });
      await jest.advanceTimersByTimeAsync(1000);
      controller.abort();
      const result = await settle(call);
      expect(result).toMatchObject({ status: 'rejected', reason: { code: 'ABORTED' } });
      expect(seen).toHaveLength(1);
    });

    it('an AbortSignal aborts the request under way', async () => {
      endpoint(async () => {
        await delay('infinite');
        return spaces();
      });
      const controller = new AbortController();
      const call = client().listSpaces({ signal: controller.signal });
      await jest.advanceTimersByTimeAsync(100);
      controller.abort();
      const result = await settle(call);
      expect(result).toMatchObject({ status: 'rejected', reason: { code: 'ABORTED' } });
      expect(seen).toHaveLength(1);
    });
  });
});
