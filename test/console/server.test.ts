import { createServer, request as httpRequest, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { createJwtProvider } from '../../src/auth/createJwtProvider.js';
import { startConsole, type RunningConsole, type Upstream } from '../../src/console/server.js';
import { startSimulator, type RunningSimulator } from '../../src/simulator/server/startSimulator.js';
import { DEMO } from '../../src/simulator/model/seed.js';

// The console's server, in-process, with the built app (npm test builds before jest).
const assetsDir = join(fileURLToPath(new URL('../../', import.meta.url)), 'dist/console/assets');

interface Reply {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/** A raw HTTP request (fetch cannot set Host), to the console at `base`. */
function send(
  base: string,
  {
    method = 'GET',
    path = '/',
    headers = {},
    body,
  }: { method?: string; path?: string; headers?: Record<string, string>; body?: string },
): Promise<Reply> {
  const target = new URL(path, base);
  return new Promise((resolve, reject) => {
    const req = httpRequest(target, { method, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const QUERY = JSON.stringify({ query: 'query listSpaces { spaces { id name } }', operationName: 'listSpaces' });

let simulator: RunningSimulator;
let console_: RunningConsole;
let host: string;
const post = (headers: Record<string, string> = {}, body = QUERY, base = console_.url) =>
  send(base, { method: 'POST', path: '/graphql', headers: { 'content-type': 'application/json', ...headers }, body });

beforeAll(async () => {
  simulator = await startSimulator({ port: 0 });
  const jwt = createJwtProvider({ ...simulator.credentials, authUrl: simulator.authUrl });
  console_ = await startConsole({
    port: 0,
    assetsDir,
    upstream: { endpoint: simulator.url, getToken: jwt.getToken, spaceGuid: DEMO.spaceId },
  });
  host = new URL(console_.url).host;
});
afterAll(async () => {
  await console_.close();
  await simulator.close();
});

describe('the console’s server', () => {
  it('binds loopback and serves a page that holds no credential, with a strict content policy', async () => {
    expect(console_.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const page = await send(console_.url, {});
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['access-control-allow-origin']).toBeUndefined();
    expect(page.body).toContain('<div id="root">');
    const script = await send(console_.url, { path: '/assets/app.js' });
    expect(script.status).toBe(200);
    for (const text of [page.body, script.body]) {
      expect(text).not.toContain(DEMO.apiToken);
      expect(text).not.toMatch(/eyJ[\w-]+\.[\w-]+/);
    }
    expect((await send(console_.url, { path: '/../../etc/passwd' })).status).toBe(404);
  });

  it('forwards a same-origin GraphQL request with the JWT attached on the server side', async () => {
    const reply = await post({ origin: `http://${host}`, authorization: 'Bearer attached-by-the-console-server' });
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toEqual({ data: { spaces: [{ id: DEMO.spaceId, name: 'Demo_Space' }] } });
    expect(reply.body).not.toMatch(/eyJ/);
  });

  it('refuses a foreign Host (DNS rebinding), for the page and for /graphql', async () => {
    const port = new URL(console_.url).port;
    expect((await send(console_.url, { headers: { host: `evil.example:${port}` } })).status).toBe(403);
    const reply = await post({ host: `evil.example:${port}` });
    expect(reply.status).toBe(403);
    expect(JSON.parse(reply.body)).toMatchObject({ errors: [{ extensions: { code: 'CONSOLE_FORBIDDEN' } }] });
    expect((await post({ host: `localhost:${port}`, origin: `http://localhost:${port}` })).status).toBe(200);
  });

  it('refuses cross-origin and cross-site writes, and grants no preflight', async () => {
    expect((await post({ origin: 'http://evil.example' })).status).toBe(403);
    expect((await post({ origin: 'null' })).status).toBe(403);
    expect((await post({ 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    const preflight = await send(console_.url, {
      method: 'OPTIONS',
      path: '/graphql',
      headers: { origin: 'http://evil.example', 'access-control-request-method': 'POST' },
    });
    expect(preflight.status).toBe(403);
    expect(Object.keys(preflight.headers).filter((h) => h.startsWith('access-control-'))).toEqual([]);
  });

  it('takes only bounded JSON GraphQL requests', async () => {
    const form = await post({ 'content-type': 'text/plain' });
    expect(form.status).toBe(415);
    const notJson = await post({}, '{');
    expect(notJson.status).toBe(400);
    expect((await post({}, JSON.stringify({ query: 1 }))).status).toBe(400);
    expect((await post({}, JSON.stringify({ query: '{ spaces { id } }', variables: [] }))).status).toBe(400);
    const huge = await post({}, JSON.stringify({ query: `{ spaces { id } } #${'x'.repeat(1024 * 1024)}` }));
    expect(huge.status).toBe(413);
    expect(JSON.parse(huge.body)).toMatchObject({ errors: [{ extensions: { code: 'CONSOLE_REQUEST_TOO_LARGE' } }] });
    expect((await send(console_.url, { path: '/graphql' })).status).toBe(405);
  });
});

describe('the console’s proxy against a hostile or failing platform', () => {
  let platform: Server;
  let answer: (req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => void;
  let proxy: RunningConsole | undefined;
  const start = async (upstream: Partial<Upstream>, limits = {}) => {
    const { port } = platform.address() as AddressInfo;
    proxy = await startConsole({
      port: 0,
      assetsDir,
      limits,
      upstream: { endpoint: `http://127.0.0.1:${port}/graphql`, getToken: () => Promise.resolve('jwt-1'), ...upstream },
    });
    return proxy;
  };
  beforeAll(async () => {
    platform = createServer((req, res) => answer(req, res));
    await new Promise<void>((resolve) => platform.listen(0, '127.0.0.1', resolve));
  });
  afterEach(async () => {
    await proxy?.close();
    proxy = undefined;
  });
  afterAll(() => new Promise<void>((resolve) => platform.close(() => resolve())));

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
    const reply = await post({}, QUERY, running.url);
    expect(reply.status).toBe(200);
    expect(seen).toEqual(['Bearer jwt-1', 'Bearer jwt-2']);
    expect(refreshes).toEqual([false, true]);
    answer = (req, res) => {
      seen.push(req.headers.authorization ?? '');
      req.resume();
      res.writeHead(401).end();
    };
    seen.length = 0;
    expect((await post({}, QUERY, running.url)).status).toBe(401);
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
    const reply = await post({}, QUERY, running.url);
    expect(reply.status).toBe(429);
    expect(reply.headers['retry-after']).toBe('3');
    expect(reply.headers['set-cookie']).toBeUndefined();
  });

  it('bounds the answer it relays and the time it waits', async () => {
    answer = (req, res) => {
      req.resume();
      res.writeHead(200, { 'content-type': 'application/json' }).end(`{"data":"${'x'.repeat(5000)}"}`);
    };
    let running = await start({}, { maxResponseBytes: 1000 });
    const big = await post({}, QUERY, running.url);
    expect(big.status).toBe(502);
    expect(JSON.parse(big.body)).toMatchObject({ errors: [{ extensions: { code: 'RESPONSE_TOO_LARGE' } }] });
    await proxy!.close();

    answer = (req) => req.resume(); // never answers
    running = await start({}, { timeoutMs: 200 });
    const slow = await post({}, QUERY, running.url);
    expect(slow.status).toBe(504);
    expect(JSON.parse(slow.body)).toMatchObject({ errors: [{ extensions: { code: 'TIMEOUT' } }] });
  });

  it('says NETWORK_ERROR when the platform cannot be reached, and the JWT provider’s own code when it fails', async () => {
    let running = await start({ endpoint: 'http://127.0.0.1:1/graphql' });
    const unreachable = await post({}, QUERY, running.url);
    expect(unreachable.status).toBe(502);
    expect(JSON.parse(unreachable.body)).toMatchObject({ errors: [{ extensions: { code: 'NETWORK_ERROR' } }] });
    await proxy!.close();

    const refused = Object.assign(new Error('the JWT endpoint refused the API token'), { code: 'AUTH_ERROR' });
    running = await start({ getToken: () => Promise.reject(refused) });
    const auth = await post({}, QUERY, running.url);
    expect(auth.status).toBe(502);
    expect(JSON.parse(auth.body)).toMatchObject({
      errors: [{ message: 'the JWT endpoint refused the API token', extensions: { code: 'AUTH_ERROR' } }],
    });
  });
});

describe('boomi-spaces console --host', () => {
  it('warns when bound anywhere but loopback', async () => {
    const { exposureWarning } = await import('../../src/cli/commands/console.js');
    expect(exposureWarning('127.0.0.1')).toBeUndefined();
    expect(exposureWarning('localhost')).toBeUndefined();
    expect(exposureWarning('::1')).toBeUndefined();
    expect(exposureWarning('0.0.0.0')).toMatch(/reachable from the network/);
    expect(exposureWarning('192.168.1.20')).toMatch(/acts with your credentials/);
  });
});
