import { inspect } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createJwtProvider } from '../../src/auth/createJwtProvider.js';
import { startConsole, type RunningConsole } from '../../src/console/server.js';
import { startSimulator, type RunningSimulator } from '../../src/simulator/server/startSimulator.js';
import { DEMO } from '../../src/simulator/model/seed.js';
import { assetsDir, postGraphQL, send, signIn } from '../support/consoleHttp.js';

// The console's server, in-process, with the built app, against the simulator.
let simulator: RunningSimulator;
let console_: RunningConsole;
let host: string;
let cookie: string;
const post = (headers: Record<string, string> = {}, body?: string) => postGraphQL(console_, cookie, headers, body);

beforeAll(async () => {
  simulator = await startSimulator({ port: 0 });
  const jwt = createJwtProvider({ ...simulator.credentials, authUrl: simulator.authUrl });
  console_ = await startConsole({
    port: 0,
    assetsDir,
    upstream: { endpoint: simulator.url, getToken: jwt.getToken, spaceGuid: DEMO.spaceId },
  });
  host = new URL(console_.origin).host;
  cookie = await signIn(console_);
});
afterAll(async () => {
  await console_.close();
  await simulator.close();
});

describe('the console’s token', () => {
  it('is in the URL it gives, 32 random bytes, and nowhere in its logged or serialised form', () => {
    expect(console_.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]{43}$/);
    expect(console_.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const token = new URL(console_.url).searchParams.get('token')!;
    expect(inspect(console_, { showHidden: false })).not.toContain(token);
    expect(JSON.stringify(console_)).not.toContain(token);
  });

  it('is traded for an HttpOnly, SameSite=Strict cookie and a redirect to the page without it', async () => {
    const reply = await send(console_.url, { path: console_.url });
    expect(reply.status).toBe(303);
    expect(reply.headers.location).toBe('/');
    const [setCookie] = reply.headers['set-cookie']!;
    const port = new URL(console_.origin).port;
    expect(setCookie).toMatch(
      new RegExp(`^boomi_console_${port}=[A-Za-z0-9_-]{43}; HttpOnly; SameSite=Strict; Path=/$`),
    );
    expect(reply.body).toBe('');
  });

  it('without the cookie: 401 for /graphql, the assets and the page, which says to open the printed URL', async () => {
    const graphql = await postGraphQL(console_, undefined);
    expect(graphql.status).toBe(401);
    expect(JSON.parse(graphql.body)).toEqual({
      errors: [
        {
          message: expect.stringMatching(/open the URL `boomi-spaces console` printed/),
          extensions: { code: 'CONSOLE_UNAUTHORIZED' },
        },
      ],
    });
    expect((await send(console_.origin, { path: '/assets/app.js' })).status).toBe(401);
    const page = await send(console_.origin, {});
    expect(page.status).toBe(401);
    expect(page.headers['content-security-policy']).toBe("default-src 'none'");
    expect(page.body).toMatch(/open the URL <code>boomi-spaces console<\/code> printed/);
    expect(page.body).not.toMatch(/<script|token=[A-Za-z0-9_-]/);
  });

  it('refuses a wrong token, a wrong cookie, and a token sent to /graphql', async () => {
    const port = new URL(console_.origin).port;
    const wrong = 'A'.repeat(43);
    for (const path of [`/?token=${wrong}`, '/?token=', '/?token=short']) {
      const reply = await send(console_.origin, { path });
      expect(reply.status).toBe(401);
      expect(reply.headers['set-cookie']).toBeUndefined();
    }
    expect((await postGraphQL(console_, `boomi_console_${port}=${wrong}`)).status).toBe(401);
    expect((await postGraphQL(console_, `boomi_console_1=${cookie.split('=')[1]}`)).status).toBe(401);
    const token = new URL(console_.url).searchParams.get('token')!;
    const viaQuery = await send(console_.origin, {
      method: 'POST',
      path: `/graphql?token=${token}`,
      headers: { 'content-type': 'application/json' },
      body: '{"query":"{ spaces { id } }"}',
    });
    expect(viaQuery.status).toBe(401);
  });
});

describe('the console’s server', () => {
  it('binds loopback and serves a page that holds no credential, with a strict content policy', async () => {
    const page = await send(console_.origin, { headers: { cookie } });
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['access-control-allow-origin']).toBeUndefined();
    expect(page.body).toContain('<div id="root">');
    const script = await send(console_.origin, { path: '/assets/app.js', headers: { cookie } });
    expect(script.status).toBe(200);
    for (const text of [page.body, script.body]) {
      expect(text).not.toContain(DEMO.apiToken);
      expect(text).not.toMatch(/eyJ[\w-]+\.[\w-]+/);
    }
    expect((await send(console_.origin, { path: '/../../etc/passwd', headers: { cookie } })).status).toBe(404);
  });

  it('forwards a same-origin GraphQL request with the JWT attached on the server side', async () => {
    const reply = await post({ origin: `http://${host}`, authorization: 'Bearer attached-by-the-console-server' });
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toEqual({ data: { spaces: [{ id: DEMO.spaceId, name: 'Demo_Space' }] } });
    expect(reply.body).not.toMatch(/eyJ/);
  });

  it('refuses a foreign Host (DNS rebinding), for the page and for /graphql, cookie or not', async () => {
    const port = new URL(console_.origin).port;
    expect((await send(console_.origin, { headers: { host: `evil.example:${port}`, cookie } })).status).toBe(403);
    const reply = await post({ host: `evil.example:${port}` });
    expect(reply.status).toBe(403);
    expect(JSON.parse(reply.body)).toMatchObject({ errors: [{ extensions: { code: 'CONSOLE_FORBIDDEN' } }] });
    expect((await post({ host: `localhost:${port}`, origin: `http://localhost:${port}` })).status).toBe(200);
  });

  it('refuses cross-origin and cross-site writes, and grants no preflight', async () => {
    expect((await post({ origin: 'http://evil.example' })).status).toBe(403);
    expect((await post({ origin: 'null' })).status).toBe(403);
    expect((await post({ 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    const preflight = await send(console_.origin, {
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
    expect((await send(console_.origin, { path: '/graphql', headers: { cookie } })).status).toBe(405);
  });
});
