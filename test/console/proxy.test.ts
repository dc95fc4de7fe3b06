import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { createJwtProvider } from '../../src/auth/createJwtProvider.js';
import { startConsole, type RunningConsole, type Upstream } from '../../src/console/server.js';
import { assetsDir, postGraphQL, signIn } from '../support/consoleHttp.js';
import { fakeJwt } from '../support/jwt.js';

// The console's proxy against a platform (and a JWT endpoint) on 127.0.0.1 that fails on purpose.
let platform: Server;
let answer: (req: IncomingMessage, res: ServerResponse) => void;
let proxy: RunningConsole | undefined;
let cookie: string;
const post = (running: RunningConsole) => postGraphQL(running, cookie);

const start = async (upstream: Partial<Upstream>, limits = {}) => {
  const { port } = platform.address() as AddressInfo;
  proxy = await startConsole({
    port: 0,
    assetsDir,
    limits,
    upstream: { endpoint: `http://127.0.0.1:${port}/graphql`, getToken: () => Promise.resolve('jwt-1'), ...upstream },
  });
  cookie = await signIn(proxy);
  return proxy;
};

/**
 * A full garbage collection now. Node 20 holds an AbortSignal.timeout combined by AbortSignal.any
 * only weakly, so a collection while a request waits is what made the console's old deadline vanish.
 */
function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

/** A promise settled when the platform receives a request (which it then leaves unanswered). */
function stallPlatform(): Promise<void> {
  return new Promise((arrived) => {
    answer = (req) => {
      req.resume();
      arrived();
    };
  });
}

beforeAll(async () => {
  platform = createServer((req, res) => answer(req, res));
  await new Promise<void>((resolve) => platform.listen(0, '127.0.0.1', resolve));
});
afterEach(async () => {
  await proxy?.close();
  proxy = undefined;
});
afterAll(() => {
  platform.closeAllConnections();
  return new Promise<void>((resolve) => platform.close(() => resolve()));
});

describe('the console’s proxy against a hostile or failing platform', () => {
  it('after a 401 gets a fresh JWT and sends once more, never more', async () => {
    const seen: string[] = [];
    answer = (req, res) => {
      seen.push(req.headers.authorization ?? '');
      req.resume();
      if (req.headers.authorization === 'Bearer jwt-2')
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"data":{"spaces":[]}}');
      else res.writeHead(401).end();
    };
    const refreshes: boolean[] = [];
    const running = await start({
      getToken: ({ forceRefresh }) => {
        refreshes.push(forceRefresh);
        return Promise.resolve(forceRefresh ? 'jwt-2' : 'jwt-1');
      },
    });
    const reply = await post(running);
    expect(reply.status).toBe(200);
    expect(seen).toEqual(['Bearer jwt-1', 'Bearer jwt-2']);
    expect(refreshes).toEqual([false, true]);
    answer = (req, res) => {
      seen.push(req.headers.authorization ?? '');
      req.resume();
      res.writeHead(401).end();
    };
    seen.length = 0;
    expect((await post(running)).status).toBe(401);
    expect(seen).toHaveLength(2);
  });

  it('relays Retry-After, and never the platform’s other headers', async () => {
    answer = (req, res) => {
      req.resume();
      res
        .writeHead(429, { 'retry-after': '3', 'set-cookie': 'session=1', 'content-type': 'application/json' })
        .end('{"errors":[{"message":"slow down"}]}');
    };
    const running = await start({});
    const reply = await post(running);
    expect(reply.status).toBe(429);
    expect(reply.headers['retry-after']).toBe('3');
    expect(reply.headers['set-cookie']).toBeUndefined();
  });

  it('hands the browser no JWT when the platform echoes the Authorization header', async () => {
    const jwt = fakeJwt(4_000_000_000, 'console-user');
    const opaque = 'opaque-token-0123456789';
    answer = (req, res) => {
      req.resume();
      const echoed = String(req.headers.authorization);
      const raw = echoed.replace(/^Bearer /, '');
      if (req.url === '/graphql?text')
        res.writeHead(502, { 'content-type': 'text/plain' }).end(`gateway saw ${echoed} and ${raw}`);
      else
        res
          .writeHead(200, { 'content-type': 'application/json' })
          .end(JSON.stringify({ data: null, errors: [{ message: `denied ${echoed}`, extensions: { raw, echoed } }] }));
    };
    for (const token of [jwt, opaque]) {
      for (const endpoint of ['graphql', 'graphql?text']) {
        const { port } = platform.address() as AddressInfo;
        const running = await start({
          getToken: () => Promise.resolve(token),
          endpoint: `http://127.0.0.1:${port}/${endpoint}`,
        });
        const reply = await post(running);
        expect(reply.body).toContain('[REDACTED]');
        expect(reply.body).not.toContain(token);
        expect(reply.body).not.toMatch(/eyJ/);
        if (endpoint === 'graphql') expect(JSON.parse(reply.body)).toMatchObject({ errors: [{ extensions: {} }] });
        await proxy!.close();
        proxy = undefined;
      }
    }
  });

  it('bounds the answer it relays', async () => {
    answer = (req, res) => {
      req.resume();
      res.writeHead(200, { 'content-type': 'application/json' }).end(`{"data":"${'x'.repeat(5000)}"}`);
    };
    const running = await start({}, { maxResponseBytes: 1000 });
    const big = await post(running);
    expect(big.status).toBe(502);
    expect(JSON.parse(big.body)).toMatchObject({ errors: [{ extensions: { code: 'RESPONSE_TOO_LARGE' } }] });
  });

  it('says NETWORK_ERROR when the platform cannot be reached, and the JWT provider’s own code when it fails', async () => {
    let running = await start({ endpoint: 'http://127.0.0.1:1/graphql' });
    const unreachable = await post(running);
    expect(unreachable.status).toBe(502);
    expect(JSON.parse(unreachable.body)).toMatchObject({ errors: [{ extensions: { code: 'NETWORK_ERROR' } }] });
    await proxy!.close();

    const refused = Object.assign(new Error('the JWT endpoint refused the API token'), { code: 'AUTH_ERROR' });
    running = await start({ getToken: () => Promise.reject(refused) });
    const auth = await post(running);
    expect(auth.status).toBe(502);
    expect(JSON.parse(auth.body)).toMatchObject({
      errors: [{ message: 'the JWT endpoint refused the API token', extensions: { code: 'AUTH_ERROR' } }],
    });
  });
});

// The deadline's tests use a small limit and no upper bound on the time taken: only that the 504 comes.
describe('the console’s deadline (504 TIMEOUT within its limit)', () => {
  const expectTimeout = (reply: { status: number; body: string }) => {
    expect(reply.status).toBe(504);
    expect(JSON.parse(reply.body)).toMatchObject({ errors: [{ extensions: { code: 'TIMEOUT' } }] });
  };

  it('fires for a platform that never answers, across garbage collections', async () => {
    const arrived = stallPlatform();
    const running = await start({}, { timeoutMs: 200 });
    const reply = post(running);
    await arrived;
    collectGarbage();
    expectTimeout(await reply);
  });

  it('fires while a JWT provider that ignores the signal never settles', async () => {
    const running = await start({ getToken: () => new Promise<string>(() => undefined) }, { timeoutMs: 200 });
    expectTimeout(await post(running));
  });

  it('fires for a JWT endpoint that never answers, across garbage collections', async () => {
    const arrived = stallPlatform();
    const { port } = platform.address() as AddressInfo;
    const jwt = createJwtProvider({
      accountId: 'acme-1',
      username: 'me@acme.example',
      apiToken: 'api-token-never-shown',
      authUrl: `http://127.0.0.1:${port}/auth`,
    });
    const running = await start({ getToken: jwt.getToken }, { timeoutMs: 200 });
    const reply = post(running);
    await arrived;
    collectGarbage();
    expectTimeout(await reply);
  });
});
