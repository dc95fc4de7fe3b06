import { inspect } from 'node:util';
import { beforeEach, describe, expect, it } from '@jest/globals';
import { http, HttpResponse } from 'msw';
import {
  createJwtProvider,
  createSpacesClient,
  SpacesError,
  SpacesInputError,
  type JwtProviderOptions,
} from '../../src/index.js';
import { DEFAULT_RETRY } from '../../src/retry/policy.js';
import { fakeJwt } from '../support/jwt.js';
import { withMswServer } from '../support/setupMsw.js';

const AUTH = 'https://api.boomi.com/auth/jwt/generate/acme-ABC123';
const API_TOKEN = 'api-token-SEKRET-5f2c9e';
const server = withMswServer();

let clock = Date.parse('2026-11-29T10:00:00Z');
let calls: Request[] = [];
beforeEach(() => {
  clock = Date.parse('2026-11-29T10:00:00Z');
  calls = [];
});

const options = (extra: Partial<JwtProviderOptions> = {}): JwtProviderOptions => ({
  accountId: 'acme-ABC123',
  username: 'me@acme.com',
  apiToken: API_TOKEN,
  now: () => clock,
  retry: { baseDelayMs: 1, maxDelayMs: 5 },
  ...extra,
});

/** The JWT endpoint answering with `answer` (called with the call number). */
function jwtEndpoint(answer: (n: number) => Response | Promise<Response>, url = AUTH) {
  server.use(
    http.get(url, ({ request }) => {
      calls.push(request.clone());
      return answer(calls.length);
    }),
  );
}

const freshJwt = (lifetimeSeconds = 300) => fakeJwt(Math.floor(clock / 1000) + lifetimeSeconds);

describe('getting a JWT', () => {
  it('GETs {authUrl}/{accountId} with Basic BOOMI_TOKEN.<username>:<apiToken>, and X-Boomi-OTP when set', async () => {
    jwtEndpoint(() => new HttpResponse(freshJwt()));
    await createJwtProvider(options({ otp: '123456' })).getToken();
    const [request] = calls;
    expect(request!.method).toBe('GET');
    expect(request!.headers.get('authorization')).toBe(
      `Basic ${Buffer.from(`BOOMI_TOKEN.me@acme.com:${API_TOKEN}`).toString('base64')}`,
    );
    expect(request!.headers.get('x-boomi-otp')).toBe('123456');
  });

  it('reuses the JWT until 60 s or less remain, then refreshes', async () => {
    jwtEndpoint(() => new HttpResponse(freshJwt()));
    const provider = createJwtProvider(options());
    const first = await provider.getToken();
    clock += 239_000;
    expect(await provider.getToken()).toBe(first);
    expect(calls).toHaveLength(1);
    clock += 1_000;
    expect(await provider.getToken()).not.toBe(first);
    expect(calls).toHaveLength(2);
  });

  it('takes five minutes from receipt when the JWT has no exp claim', async () => {
    jwtEndpoint(() => new HttpResponse(fakeJwt(undefined)));
    const provider = createJwtProvider(options());
    await provider.getToken();
    clock += 239_000;
    await provider.getToken();
    expect(calls).toHaveLength(1);
    clock += 2_000;
    await provider.getToken();
    expect(calls).toHaveLength(2);
  });

  it('shares one refresh between concurrent callers: 10 calls with an expired JWT, 1 call to the endpoint', async () => {
    jwtEndpoint(() => new HttpResponse(freshJwt()));
    const provider = createJwtProvider(options());
    await provider.getToken();
    clock += 600_000;
    const tokens = await Promise.all(Array.from({ length: 10 }, () => provider.getToken()));
    expect(new Set(tokens).size).toBe(1);
    expect(calls).toHaveLength(2);
  });

  it('forces a refresh once per refused JWT, however many calls were refused with it', async () => {
    jwtEndpoint(() => new HttpResponse(freshJwt()));
    const provider = createJwtProvider(options());
    const refused = await provider.getToken();
    clock += 1000; // a new JWT differs from the refused one
    const renewed = await Promise.all(
      Array.from({ length: 5 }, () => provider.getToken({ forceRefresh: true, rejectedToken: refused })),
    );
    expect(new Set(renewed).size).toBe(1);
    expect(await provider.getToken({ forceRefresh: true, rejectedToken: refused })).toBe(renewed[0]);
    expect(calls).toHaveLength(2);
  });

  it('presets the GB region and lets an explicit authUrl win', async () => {
    jwtEndpoint(() => new HttpResponse(freshJwt()), 'https://api.platform.gb.boomi.com/auth/jwt/generate/acme-ABC123');
    jwtEndpoint(() => new HttpResponse(freshJwt()), 'https://auth.example.test/jwt/acme-ABC123');
    expect(createJwtProvider(options({ region: 'gb' })).authUrl).toBe(
      'https://api.platform.gb.boomi.com/auth/jwt/generate',
    );
    await createJwtProvider(options({ region: 'gb' })).getToken();
    await createJwtProvider(options({ region: 'gb', authUrl: 'https://auth.example.test/jwt' })).getToken();
    expect(calls.map((c) => new URL(c.url).host)).toEqual(['api.platform.gb.boomi.com', 'auth.example.test']);
  });

  it('refuses missing credentials and plain-http auth URLs before sending', () => {
    expect(() => createJwtProvider(options({ apiToken: ' ' }))).toThrow(SpacesInputError);
    expect(() => createJwtProvider(options({ authUrl: 'http://auth.example.test/jwt' }))).toThrow(/must use https/);
    expect(createJwtProvider(options({ authUrl: 'http://127.0.0.1:4000/auth/jwt/generate' })).authUrl).toContain(
      '127.0.0.1',
    );
  });
});

describe('a failing JWT endpoint: typed errors, no hang, no loop', () => {
  it.each([
    ['401', () => new HttpResponse('Unauthorized', { status: 401 }), 401, 'the credentials were refused (HTTP 401)', 1],
    ['403', () => new HttpResponse('Forbidden', { status: 403 }), 403, 'the credentials were refused (HTTP 403)', 1],
    ['500 every time (retried like a query)', () => new HttpResponse('oops', { status: 500 }), 500, 'HTTP 500', 4],
    [
      'an HTML page',
      () => new HttpResponse('<html><body>Login</body></html>', { headers: { 'content-type': 'text/html' } }),
      200,
      'the answer is not a JWT (starts with "<html>',
      1,
    ],
    ['an empty body', () => new HttpResponse(''), 200, 'the answer is not a JWT (empty body)', 1],
    [
      '429 every time',
      () => new HttpResponse('slow down', { status: 429, headers: { 'retry-after': '0' } }),
      429,
      'rate limited (HTTP 429)',
      4,
    ],
    [
      'a redirect',
      () => new HttpResponse(null, { status: 302, headers: { location: 'https://evil.example.test/' } }),
      302,
      'redirect',
      1,
    ],
  ])('%s', async (_label, answer, status, message, expectedCalls) => {
    jwtEndpoint(answer);
    const error = await createJwtProvider(options())
      .getToken()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SpacesError);
    expect(error).toMatchObject({ code: 'AUTH_ERROR', status, message: expect.stringContaining(message) });
    expect(calls).toHaveLength(expectedCalls);
    const shown = [inspect(error, { depth: 5 }), JSON.stringify(error)].join('\n');
    expect(shown).not.toContain(API_TOKEN);
    expect(shown).not.toContain(Buffer.from(`BOOMI_TOKEN.me@acme.com:${API_TOKEN}`).toString('base64'));
  });

  it('retries as often as the default allows when retry.maxAttempts is given as undefined', async () => {
    jwtEndpoint(() => new HttpResponse('oops', { status: 500 }));
    const provider = createJwtProvider(options({ retry: { maxAttempts: undefined, baseDelayMs: 1, maxDelayMs: 5 } }));
    await expect(provider.getToken()).rejects.toMatchObject({ code: 'AUTH_ERROR', status: 500 });
    expect(calls).toHaveLength(DEFAULT_RETRY.maxAttempts);
  });

  it('an answer that is not a bare JWT keeps no JWT in its snippet', async () => {
    const wrapped = freshJwt();
    jwtEndpoint(() => HttpResponse.json({ token: wrapped, note: 'JSON-wrapped' }));
    const error = (await createJwtProvider(options())
      .getToken()
      .catch((e: unknown) => e)) as SpacesError;
    expect(error).toMatchObject({ code: 'AUTH_ERROR', message: expect.stringContaining('the answer is not a JWT') });
    const shown = [inspect(error, { depth: 5 }), JSON.stringify(error), error.bodySnippet].join('\n');
    expect(shown).not.toContain(wrapped);
    expect(shown).not.toContain(wrapped.split('.')[1]!);
    expect(error.bodySnippet).toContain('[REDACTED]');
  });

  it('waits out a 429’s Retry-After, then succeeds', async () => {
    jwtEndpoint((n) =>
      n === 1 ? new HttpResponse('', { status: 429, headers: { 'retry-after': '0' } }) : new HttpResponse(freshJwt()),
    );
    await expect(createJwtProvider(options()).getToken()).resolves.toMatch(/^ey/);
    expect(calls).toHaveLength(2);
  });

  it('gives up at once on a Retry-After beyond the limit', async () => {
    jwtEndpoint(() => new HttpResponse('', { status: 429, headers: { 'retry-after': '3600' } }));
    await expect(createJwtProvider(options()).getToken()).rejects.toMatchObject({ code: 'AUTH_ERROR', status: 429 });
    expect(calls).toHaveLength(1);
  });

  it('fails every waiting caller fast with the same typed error', async () => {
    jwtEndpoint(() => new HttpResponse('', { status: 401 }));
    const provider = createJwtProvider(options());
    const results = await Promise.allSettled(Array.from({ length: 5 }, () => provider.getToken()));
    expect(results.every((r) => r.status === 'rejected' && (r.reason as SpacesError).code === 'AUTH_ERROR')).toBe(true);
    expect(calls).toHaveLength(1);
  });

  it('a client built with jwt credentials fails its calls with AUTH_ERROR, sending no GraphQL request', async () => {
    jwtEndpoint(() => new HttpResponse('', { status: 401 }));
    const graphql: string[] = [];
    server.use(
      http.post(
        'https://platform.boomi.com/graphql',
        ({ request }) => (graphql.push(request.url), HttpResponse.json({ data: { spaces: [] } })),
      ),
    );
    const client = createSpacesClient({
      jwt: { accountId: 'acme-ABC123', username: 'me@acme.com', apiToken: API_TOKEN },
    });
    await expect(client.listSpaces()).rejects.toMatchObject({ code: 'AUTH_ERROR' });
    expect(graphql).toEqual([]);
  });
});

describe('the provider holds no visible secret', () => {
  it('inspect and JSON show the URL, account and user only', async () => {
    jwtEndpoint(() => new HttpResponse(freshJwt()));
    const provider = createJwtProvider(options());
    const jwt = await provider.getToken();
    const shown = [inspect(provider, { depth: 10, showHidden: true }), JSON.stringify(provider)].join('\n');
    for (const secret of [API_TOKEN, jwt]) expect(shown).not.toContain(secret);
    expect(JSON.parse(JSON.stringify(provider))).toEqual({
      authUrl: 'https://api.boomi.com/auth/jwt/generate',
      accountId: 'acme-ABC123',
      username: 'me@acme.com',
    });
  });
});
