import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { delay, http, HttpResponse } from 'msw';
import { createSpacesClient, type SpacesClient } from '../../src/index.js';
import { fakeJwt } from '../support/jwt.js';
import { withMswServer } from '../support/setupMsw.js';

const AUTH = 'https://api.boomi.com/auth/jwt/generate/acme-ABC123';
const ENDPOINT = 'https://platform.boomi.com/graphql';
const server = withMswServer();

let jwtCalls: number[] = [];
let graphqlCalls = 0;
beforeEach(() => {
  jwtCalls = [];
  graphqlCalls = 0;
  jest.useFakeTimers({
    doNotFake: ['queueMicrotask', 'nextTick', 'setImmediate'],
    now: Date.parse('2026-11-29T10:00:00Z'),
  });
  server.use(http.post(ENDPOINT, () => (graphqlCalls++, HttpResponse.json({ data: { spaces: [] } }))));
});
afterEach(() => {
  jest.useRealTimers();
});

function jwtEndpoint(answer: (n: number) => Response | Promise<Response>) {
  server.use(
    http.get(AUTH, () => {
      jwtCalls.push(Date.now());
      return answer(jwtCalls.length);
    }),
  );
}

const client = (): SpacesClient =>
  createSpacesClient({
    jwt: { accountId: 'acme-ABC123', username: 'me@acme.com', apiToken: 'api-token-SEKRET-5f2c9e' },
  });

/** Settles a call while the fake clock runs; resolves with the outcome and the fake ms it took. */
async function timed<T>(
  call: () => Promise<T>,
  stepMs = 50,
): Promise<{ result: PromiseSettledResult<T>; elapsedMs: number }> {
  const started = Date.now();
  let done = false;
  let elapsedMs = 0;
  const settled = call().then(
    (value) => ({ status: 'fulfilled' as const, value }),
    (reason: unknown) => ({ status: 'rejected' as const, reason }),
  );
  void settled.then(() => {
    done = true;
    elapsedMs = Date.now() - started;
  });
  for (let spent = 0; !done && spent < 10 * 60_000; spent += stepMs) await jest.advanceTimersByTimeAsync(stepMs);
  return { result: await settled, elapsedMs };
}

describe('the JWT step keeps the call’s deadline and signal', () => {
  it('a stalled JWT endpoint costs a call its timeoutMs, not the endpoint’s 3 × 30 s', async () => {
    jwtEndpoint(async () => {
      await delay('infinite');
      return new HttpResponse('never');
    });
    const { result, elapsedMs } = await timed(() => client().listSpaces({ timeoutMs: 2000 }));
    expect(result).toMatchObject({ status: 'rejected', reason: { code: 'TIMEOUT', mayHaveExecuted: false } });
    expect(elapsedMs).toBeLessThanOrEqual(2100);
    expect(graphqlCalls).toBe(0);
  });

  it('a 429 with Retry-After: 3 does not hold a call whose signal fired at 200 ms', async () => {
    jwtEndpoint(() => new HttpResponse('slow down', { status: 429, headers: { 'retry-after': '3' } }));
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 200);
    const { result, elapsedMs } = await timed(() => client().listSpaces({ signal: controller.signal }));
    expect(result).toMatchObject({ status: 'rejected', reason: { code: 'ABORTED' } });
    expect(elapsedMs).toBeLessThanOrEqual(250);
  });

  it('a 502 then a JWT: the refresh is retried and every waiting call succeeds', async () => {
    jwtEndpoint((n) =>
      n === 1
        ? new HttpResponse('Bad Gateway', { status: 502 })
        : new HttpResponse(fakeJwt(Math.floor(Date.now() / 1000) + 300)),
    );
    const shared = client();
    const { result } = await timed(() => Promise.all(Array.from({ length: 5 }, () => shared.listSpaces())));
    expect(result.status).toBe('fulfilled');
    expect(jwtCalls).toHaveLength(2);
    expect(graphqlCalls).toBe(5);
  });

  it('one caller giving up does not fail the others waiting for the same refresh', async () => {
    jwtEndpoint(async (n) => {
      if (n === 1) await delay(1000);
      return new HttpResponse(fakeJwt(Math.floor(Date.now() / 1000) + 300));
    });
    const shared = client();
    const impatient = new AbortController();
    setTimeout(() => impatient.abort(), 100);
    const { result } = await timed(() =>
      Promise.allSettled([
        shared.listSpaces({ signal: impatient.signal }),
        shared.listSpaces(),
        shared.listSpaces({ timeoutMs: 5000 }),
      ]),
    );
    const [first, second, third] = (result as PromiseFulfilledResult<PromiseSettledResult<unknown>[]>).value;
    expect(first).toMatchObject({ status: 'rejected', reason: { code: 'ABORTED' } });
    expect(second!.status).toBe('fulfilled');
    expect(third!.status).toBe('fulfilled');
    expect(jwtCalls).toHaveLength(1);
  });

  it('a refused API token is not retried: AUTH_ERROR at once', async () => {
    jwtEndpoint(() => new HttpResponse('Unauthorized', { status: 401 }));
    const { result } = await timed(() => client().listSpaces());
    expect(result).toMatchObject({ status: 'rejected', reason: { code: 'AUTH_ERROR', status: 401 } });
    expect(jwtCalls).toHaveLength(1);
  });
});
