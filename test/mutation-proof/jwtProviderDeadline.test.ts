import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { createJwtProvider } from '../../src/auth/createJwtProvider.js';

// The provider alone, without a client: a client's own deadline would end the call anyway and hide
// a provider that ignored the caller's deadline.
beforeEach(() => {
  jest.useFakeTimers({
    doNotFake: ['queueMicrotask', 'nextTick', 'setImmediate'],
    now: Date.parse('2026-11-29T10:00:00Z'),
  });
});
afterEach(() => {
  jest.useRealTimers();
});

/** A JWT endpoint that never answers: the request ends only when it is aborted. */
function silentEndpoint() {
  const calls: AbortSignal[] = [];
  const fetch = (_input: RequestInfo | URL, init?: RequestInit) =>
    new Promise<Response>((_resolve, reject) => {
      const signal = init?.signal ?? undefined;
      if (signal) calls.push(signal);
      signal?.addEventListener('abort', () => reject(new Error('aborted', { cause: signal.reason })), { once: true });
    });
  return { fetch, calls };
}

describe('the JWT provider keeps its caller’s deadline', () => {
  it('a caller whose deadline passes gets TIMEOUT then, long before the endpoint’s own timeout', async () => {
    const endpoint = silentEndpoint();
    const provider = createJwtProvider({
      accountId: 'acme-ABC123',
      username: 'me@acme.com',
      apiToken: 'api-token-SEKRET-5f2c9e',
      fetch: endpoint.fetch,
      timeoutMs: 600_000,
      retry: { maxAttempts: 1 },
    });
    let settled: unknown = 'pending';
    void provider.getToken({ deadline: Date.now() + 2000 }).then(
      () => (settled = 'resolved'),
      (error: unknown) => (settled = error),
    );
    await jest.advanceTimersByTimeAsync(1999);
    expect(settled).toBe('pending');
    await jest.advanceTimersByTimeAsync(1);
    expect(settled).toMatchObject({ name: 'SpacesError', code: 'TIMEOUT' });
    expect(String((settled as Error).message)).not.toContain('api-token-SEKRET-5f2c9e');
    // Nobody waits any more: the request under way is stopped too.
    expect(endpoint.calls).toHaveLength(1);
    expect(endpoint.calls[0]!.aborted).toBe(true);
  });

  it('a caller whose signal fires gets ABORTED at once', async () => {
    const endpoint = silentEndpoint();
    const provider = createJwtProvider({
      accountId: 'acme-ABC123',
      username: 'me@acme.com',
      apiToken: 'api-token-SEKRET-5f2c9e',
      fetch: endpoint.fetch,
      timeoutMs: 600_000,
    });
    const stop = new AbortController();
    const call = provider.getToken({ signal: stop.signal }).catch((error: unknown) => error);
    await jest.advanceTimersByTimeAsync(10);
    stop.abort();
    await expect(call).resolves.toMatchObject({ code: 'ABORTED' });
  });
});
