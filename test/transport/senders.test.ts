import { describe, expect, it } from '@jest/globals';
import { createSpacesClient, type SpacesClientOptions } from '../../src/index.js';
import { fakeJwt } from '../support/jwt.js';
import { json, useHostileServer } from '../support/hostileServer.js';

// No msw in this file: the global fetch is Node's own, so the client's default in Node is undici.
const server = useHostileServer();
const sockets = new Set<unknown>();
const client = (options: Partial<SpacesClientOptions> = {}) =>
  createSpacesClient({ endpoint: server.url, token: fakeJwt(4_000_000_000, 'u'), rateLimit: false, ...options });

function answerSlowly() {
  server.answer = (request, response) => {
    sockets.add(response.socket);
    setTimeout(() => json(response, 200, { data: { spaces: [] } }), 20);
  };
}

describe('which way a client sends', () => {
  it('in Node, by default, undici on the client’s own Agent: `connections` bounds the sockets', async () => {
    answerSlowly();
    sockets.clear();
    const own = client({ connections: 1 });
    await Promise.all(Array.from({ length: 5 }, () => own.listSpaces()));
    expect(sockets.size).toBe(1);
    await own.close();
  });

  it('with a `fetch` option, always fetch (here on Node’s global pool, several sockets at once)', async () => {
    answerSlowly();
    sockets.clear();
    const viaFetch = client({ connections: 1, fetch: (input, init) => globalThis.fetch(input, init) });
    await Promise.all(Array.from({ length: 5 }, () => viaFetch.listSpaces()));
    expect(sockets.size).toBeGreaterThan(1);
  });

  it('close() and Symbol.asyncDispose release the Agent; a closed client sends nothing', async () => {
    answerSlowly();
    const closing = client();
    await closing.listSpaces();
    await closing.close();
    const before = server.requests;
    await expect(closing.listSpaces()).rejects.toMatchObject({
      code: 'NETWORK_ERROR',
      mayHaveExecuted: false,
      message: expect.stringContaining('the client is closed'),
    });
    const disposed = client();
    await disposed.listSpaces();
    await disposed[Symbol.asyncDispose]();
    await expect(disposed.listSpaces()).rejects.toMatchObject({ code: 'NETWORK_ERROR' });
    expect(server.requests).toBe(before + 1);
  });

  it('refuses a bad `connections` before anything is sent', () => {
    expect(() => client({ connections: 0 })).toThrow(/connections/);
  });
});
