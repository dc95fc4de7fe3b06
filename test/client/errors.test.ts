import { inspect } from 'node:util';
import { beforeEach, describe, expect, it } from '@jest/globals';
import { gql } from '@urql/core';
import { delay, http, HttpResponse } from 'msw';
import { createSpacesClient, SCHEMA_SNAPSHOT, SchemaDriftError, SpacesError } from '../../src/index.js';
import { DEMO } from '../../src/simulator/model/seed.js';
import { printable } from '../../src/text/printable.js';
import { fakeJwt } from '../support/jwt.js';
import { createTestMock, TEST_TOKEN } from '../support/spacesMock.js';
import { withMswServer } from '../support/setupMsw.js';

const ENDPOINT = 'https://platform.boomi.com/graphql';
const mock = createTestMock();
const server = withMswServer(...mock.handlers);
// One attempt per call: these tests are about the shape of each failure, not about retries.
const client = createSpacesClient({
  token: TEST_TOKEN,
  spaceGuid: DEMO.spaceId,
  attemptTimeoutMs: 200,
  retry: { maxAttempts: 1 },
});

beforeEach(() => {
  mock.reset();
});

async function failure(call: Promise<unknown>): Promise<SpacesError> {
  const error = await call.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SpacesError);
  assertNoSecret(error);
  return error as SpacesError;
}

function assertNoSecret(value: unknown) {
  for (const text of [inspect(value, { depth: 10 }), JSON.stringify(value), String((value as Error).message)]) {
    expect(text).not.toContain(TEST_TOKEN);
  }
}

function answerWith(resolver: Parameters<typeof http.post>[1]) {
  server.use(http.post(ENDPOINT, resolver));
}

describe('documented GraphQL error answers', () => {
  it("400: a document the server's schema refuses is a SchemaDriftError naming the snapshot, with locations", async () => {
    const invalid = gql<{ spaces: unknown }, Record<string, never>>`
      query badField {
        spaces {
          id
          colour
        }
      }
    `;
    const error = await failure(client.execute(invalid));
    expect(error).toBeInstanceOf(SchemaDriftError);
    expect(error).toMatchObject({
      status: 400,
      code: 'SCHEMA_DRIFT',
      operationName: 'badField',
      data: undefined,
      snapshot: SCHEMA_SNAPSHOT,
    });
    expect(error.message).toContain(
      `badField was rejected as invalid by the server's schema (Cannot query field "colour" on type "Space".)`,
    );
    expect(error.message).toContain(
      `schema snapshot sha256 ${SCHEMA_SNAPSHOT.sha256.slice(0, 12)}… of ${SCHEMA_SNAPSHOT.date}`,
    );
    expect(error.message).toContain('boomi-spaces contract check');
    expect(error).toMatchObject({ field: 'Space.colour', alternative: undefined });
    expect(error.graphQLErrors[0]).toMatchObject({
      message: 'Cannot query field "colour" on type "Space".',
      // urql sends the document as printed, so the position is in that text.
      locations: [{ line: 4, column: 5 }],
    });
  });

  it('400 without a schema complaint stays a plain GRAPHQL_ERROR', async () => {
    mock.failNext('*', { status: 400, message: 'Syntax Error: Unexpected <EOF>.' });
    await expect(failure(client.listSpaces())).resolves.toMatchObject({ code: 'GRAPHQL_ERROR', status: 400 });
  });

  it('401: "Downstream Execution Error: Unauthorized" becomes UNAUTHORIZED with its path', async () => {
    const stranger = createSpacesClient({ token: 'someone-elses-jwt', retry: { maxAttempts: 1 } });
    const error = await failure(stranger.getSpace(DEMO.spaceId));
    expect(error).toMatchObject({ status: 401, code: 'UNAUTHORIZED', data: undefined });
    expect(error.message).toContain('Downstream Execution Error: Unauthorized');
    expect(error.graphQLErrors[0]?.path).toEqual(['space']);
  });

  it('401 names the next step: credentials that renew (a JWT lasts five minutes), then the account', async () => {
    const stranger = createSpacesClient({ token: 'someone-elses-jwt', retry: { maxAttempts: 1 } });
    const error = await failure(stranger.listSpaces());
    expect(error.message).toMatch(/^listSpaces failed: Downstream Execution Error: Unauthorized \(HTTP 401\); /);
    expect(error.message).toContain('a JWT lasts five minutes');
    expect(error.message).toContain('give `jwt` credentials or a renewing `getToken`');
    expect(error.message).toContain('check the account, user and API token');
    expect(error.message).not.toContain('UNAUTHORIZED');
  });

  it('no SPACE_GUID: MISSING_SPACE_ID names the `spaceGuid` option, not the code again', async () => {
    const unscoped = createSpacesClient({ token: TEST_TOKEN, retry: { maxAttempts: 1 } });
    const error = await failure(unscoped.listIntegrationPackInstances());
    expect(error.code).toBe('MISSING_SPACE_ID');
    expect(error.message).toBe(
      'listIntegrationPackInstances failed: integrationPackInstances needs the SPACE_GUID header; ' +
        'give the Space’s id as the client’s `spaceGuid` option',
    );
  });

  it('500: "Downstream Execution Error: Server Error" without a code becomes HTTP_ERROR with status 500', async () => {
    mock.failNext('*', { status: 500, message: 'Downstream Execution Error: Server Error' });
    const error = await failure(client.listSpaces());
    expect(error).toMatchObject({ status: 500, code: 'HTTP_ERROR', operationName: 'listSpaces' });
    expect(error.graphQLErrors).toEqual([{ message: 'Downstream Execution Error: Server Error', path: ['spaces'] }]);
  });

  it('a code named only in the message is found there', async () => {
    mock.failNext('*', { status: 200, message: 'Request failed: SPACE_IS_DELETED for this space' });
    await expect(client.getSpace(DEMO.spaceId)).rejects.toMatchObject({ code: 'SPACE_IS_DELETED' });
  });

  it('extensions.code wins over a code in the message', async () => {
    mock.failNext('*', { status: 200, message: 'wrapped PLATFORM_CALL_ERROR', code: 'GENERIC_SYSTEM_ERROR' });
    await expect(client.getSpace(DEMO.spaceId)).rejects.toMatchObject({ code: 'GENERIC_SYSTEM_ERROR' });
  });

  it('429 with a GraphQL body and no code becomes RATE_LIMITED', async () => {
    answerWith(() => HttpResponse.json({ errors: [{ message: 'Too Many Requests' }], data: null }, { status: 429 }));
    await expect(client.listSpaces()).rejects.toMatchObject({ code: 'RATE_LIMITED', status: 429 });
  });

  it('keeps partial data next to the errors', async () => {
    const noGuid = createSpacesClient({ token: TEST_TOKEN, retry: { maxAttempts: 1 } });
    const both = gql<
      { spaces: Array<{ id: string }> | null; integrationPackInstances: unknown },
      Record<string, never>
    >`
      query spacesAndInstances {
        spaces {
          id
        }
        integrationPackInstances {
          id
        }
      }
    `;
    const error = await failure(noGuid.execute(both));
    expect(error.code).toBe('MISSING_SPACE_ID');
    expect(error.data).toEqual({ spaces: [{ id: DEMO.spaceId }], integrationPackInstances: null });
    expect(error.graphQLErrors[0]?.path).toEqual(['integrationPackInstances']);
  });
});

describe('answers that are not GraphQL', () => {
  it('an HTML 502 page: INVALID_RESPONSE with the status and a short snippet', async () => {
    const page = `<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body>${'x'.repeat(5000)}</body></html>`;
    answerWith(() => new HttpResponse(page, { status: 502, headers: { 'content-type': 'text/html' } }));
    const error = await failure(client.listSpaces());
    expect(error).toMatchObject({ code: 'INVALID_RESPONSE', status: 502, operationName: 'listSpaces' });
    expect(error.bodySnippet).toMatch(/^<!DOCTYPE html><html><head><title>502 Bad Gateway/);
    expect(error.bodySnippet!.length).toBeLessThanOrEqual(161);
    expect(error.message).toContain('HTTP 502');
  });

  it.each([
    ['invalid JSON', '{"data": {', 200, 'starts with "{"data": {"'],
    ['an empty body', '', 200, 'empty body'],
    ['JSON that is not a GraphQL response', '{"message":"Internal"}', 503, 'starts with'],
    ['a JSON array', '[1,2]', 200, 'starts with "[1,2]"'],
  ])('%s: INVALID_RESPONSE, no crash', async (_label, body, status, text) => {
    answerWith(() => new HttpResponse(body, { status, headers: { 'content-type': 'application/json' } }));
    const error = await failure(client.listSpaces());
    expect(error).toMatchObject({ code: 'INVALID_RESPONSE', status });
    expect(error.message).toContain(text);
  });

  it('a non-2xx answer with data but no errors is HTTP_ERROR', async () => {
    answerWith(() => HttpResponse.json({ data: null }, { status: 503, statusText: 'Service Unavailable' }));
    await expect(failure(client.listSpaces())).resolves.toMatchObject({ code: 'HTTP_ERROR', status: 503 });
  });

  it('a 200 without data or errors for the operation is INVALID_RESPONSE', async () => {
    answerWith(() => HttpResponse.json({ data: null }));
    await expect(failure(client.listSpaces())).resolves.toMatchObject({ code: 'INVALID_RESPONSE' });
  });

  it('a dropped connection is NETWORK_ERROR', async () => {
    answerWith(() => HttpResponse.error());
    await expect(failure(client.listSpaces())).resolves.toMatchObject({ code: 'NETWORK_ERROR', status: undefined });
  });

  it('no answer within timeoutMs is TIMEOUT', async () => {
    answerWith(async () => {
      await delay('infinite');
      return HttpResponse.json({});
    });
    await expect(failure(client.listSpaces())).resolves.toMatchObject({ code: 'TIMEOUT' });
  });

  it('a redirect is refused and not followed', async () => {
    let followed = false;
    server.use(
      http.post(
        ENDPOINT,
        () => new HttpResponse(null, { status: 307, headers: { location: 'https://elsewhere.example/graphql' } }),
      ),
      http.post('https://elsewhere.example/graphql', () => {
        followed = true;
        return HttpResponse.json({ data: { spaces: [] } });
      }),
    );
    await expect(failure(client.listSpaces())).resolves.toMatchObject({ code: 'REDIRECT_REFUSED', status: 307 });
    expect(followed).toBe(false);
  });
});

// What a hostile server or proxy can put in a body: retitle the window (OSC), clear the screen and
// colour (CSI), a one-character C1 CSI, a bidi override, a bell.
const ESCAPES = '\u001b]0;pwned\u0007 \u001b[2J\u001b[31mred \u009b1m \u202egnp.exe';
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const RAW_CONTROL = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
const rawControls = (text: string | undefined) => (text ?? '').match(RAW_CONTROL)?.length ?? 0;
// A stack and util.inspect break lines of their own.
const rawBesideLines = (text: string | undefined) => rawControls(text?.replace(/\n/g, ''));

describe('server text is escaped where the error is made', () => {
  it('a 502 text/plain body with OSC and CSI sequences: no raw control character in message or bodySnippet', async () => {
    answerWith(
      () => new HttpResponse(`Bad gateway ${ESCAPES}`, { status: 502, headers: { 'content-type': 'text/plain' } }),
    );
    const error = await failure(client.listSpaces());
    expect(error).toMatchObject({ code: 'INVALID_RESPONSE', status: 502 });
    expect(rawControls(error.message)).toBe(0);
    expect(rawControls(error.bodySnippet)).toBe(0);
    expect(rawBesideLines(error.stack)).toBe(0);
    expect(rawBesideLines(inspect(error, { depth: 10 }))).toBe(0);
    expect(rawControls(JSON.stringify(error.toJSON()))).toBe(0);
    expect(error.bodySnippet).toContain('\\x1b]0;pwned\\x07');
    expect(error.message).toContain('\\x9b1m \\u202egnp.exe');
  });

  it('a GraphQL error with escapes in its message and extensions.code: the code is no code, every string escaped', async () => {
    answerWith(() =>
      HttpResponse.json({
        data: null,
        errors: [
          {
            message: `denied ${ESCAPES}`,
            path: ['spaces'],
            extensions: { code: `EVIL\u001b]0;x\u0007`, hint: ESCAPES },
          },
        ],
      }),
    );
    const error = await failure(client.listSpaces());
    expect(error.code).toBe('GRAPHQL_ERROR');
    expect(error.graphQLErrors[0]?.extensions?.code).toBe('EVIL\\x1b]0;x\\x07');
    for (const text of [error.message, error.code, JSON.stringify(error.graphQLErrors)])
      expect(rawControls(text)).toBe(0);
    expect(rawBesideLines(inspect(error, { depth: 10 }))).toBe(0);
    expect(error.message).toContain('denied \\x1b]0;pwned\\x07');
  });

  it('a well-formed server code passes through as the code; printable over an escaped message changes nothing', async () => {
    answerWith(() =>
      HttpResponse.json({ data: null, errors: [{ message: `no ${ESCAPES}`, extensions: { code: 'BAD_USER_INPUT' } }] }),
    );
    const error = await failure(client.listSpaces());
    expect(error.code).toBe('BAD_USER_INPUT');
    // The CLI escapes again at output: escaped text stays as it is, never `\\x1b` turned into `\\\\x1b`.
    expect(printable(error.message)).toBe(error.message);
  });
});

describe('secrets', () => {
  it('an error page that echoes the Authorization header shows no token', async () => {
    answerWith(
      ({ request }) =>
        new HttpResponse(`<html>Bad request, headers: authorization=${request.headers.get('authorization')}</html>`, {
          status: 400,
        }),
    );
    const error = await failure(client.listSpaces());
    expect(error.bodySnippet).toContain('[REDACTED]');
  });

  it('a server message that repeats the token shows no token', async () => {
    mock.failNext('*', { status: 401, message: `token ${TEST_TOKEN} is expired`, code: 'UNAUTHORIZED' });
    const error = await failure(client.listSpaces());
    expect(error.message).toContain('token [REDACTED] is expired');
  });

  it('a failing getToken is AUTH_ERROR and nothing is sent', async () => {
    const requests: string[] = [];
    server.events.on('request:start', ({ request }) => void requests.push(request.url));
    const broken = createSpacesClient({
      getToken: () => {
        throw new Error('vault unreachable');
      },
    });
    await expect(failure(broken.listSpaces())).resolves.toMatchObject({
      code: 'AUTH_ERROR',
      message: expect.stringContaining('vault unreachable'),
    });
    server.events.removeAllListeners();
    expect(requests).toEqual([]);
  });

  it('jwt credentials: the API token and its Basic value echoed in a GraphQL answer are redacted', async () => {
    const apiToken = 'api-token-5f3c9e21';
    const basic = Buffer.from(`BOOMI_TOKEN.me@acme.com:${apiToken}`).toString('base64');
    server.use(
      http.get('https://api.boomi.com/auth/jwt/generate/acme-1', () => HttpResponse.text(fakeJwt(4_000_000_000))),
      http.post(ENDPOINT, () =>
        HttpResponse.json({
          data: null,
          errors: [{ message: `token ${apiToken} refused (header ${basic})`, extensions: { echoed: apiToken } }],
        }),
      ),
    );
    const withJwt = createSpacesClient({
      jwt: { accountId: 'acme-1', username: 'me@acme.com', apiToken },
      retry: { maxAttempts: 1 },
    });
    const error = await failure(withJwt.listSpaces());
    const shown = [inspect(error, { depth: 10 }), JSON.stringify(error), error.message].join('\n');
    expect(shown).not.toContain(apiToken);
    expect(shown).not.toContain(basic);
    expect(error.message).toContain('token [REDACTED] refused (header [REDACTED])');
  });

  it('the client shows no token when inspected or serialised', () => {
    const text = [inspect(client, { depth: 10, showHidden: true }), JSON.stringify(client)].join('\n');
    expect(text).not.toContain(TEST_TOKEN);
    expect(inspect(client)).toBe("SpacesClient { endpoint: 'https://platform.boomi.com/graphql' }");
  });
});
