import { inspect } from 'node:util';
import { beforeEach, describe, expect, it } from '@jest/globals';
import {
  createSpacesClient,
  GetSpaceDocument,
  SpacesInputError,
  type SpacesClientOptions,
  type SpacesError,
} from '../../src/index.js';
import { REAL_SERVER_SENDERS } from '../support/fetchDispatcher.js';
import { fakeJwt } from '../support/jwt.js';
import { deeplyNested, json, useHostileServer } from '../support/hostileServer.js';

const server = useHostileServer();
const JWT = fakeJwt(4_000_000_000, 'our-user');
let senderOptions: Partial<SpacesClientOptions> = {};
const client = (options: Partial<SpacesClientOptions> = {}) =>
  createSpacesClient({
    ...senderOptions,
    endpoint: server.url,
    token: JWT,
    spaceGuid: 'guid',
    retry: { baseDelayMs: 1, maxDelayMs: 5 },
    ...options,
  });
const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error('expected a failure');
    },
    (error: unknown) => error as SpacesError,
  );

// Every test holds over undici's request() (the default in Node) and over fetch.
describe.each(REAL_SERVER_SENDERS)('over $name', ({ options }) => {
  beforeEach(() => {
    senderOptions = options();
  });

  describe('answers are read within bounds', () => {
    it('an endless body is cut off at maxResponseBytes and not read again', async () => {
      server.answer = (_request, response) => {
        response.writeHead(200, { 'content-type': 'application/json' });
        response.write('{"data":{"spaces":[');
        const chunk = '{"id":"x","name":"y"},'.repeat(3000);
        // Bounded even if the client never stopped reading: 200 MB, then the body ends.
        const pump = () => {
          while (!response.destroyed && server.bytesWritten < 200e6)
            if (!response.write(chunk)) return void response.once('drain', pump);
          response.end();
        };
        pump();
      };
      const error = await failure(client({ maxResponseBytes: 1024 * 1024 }).listSpaces());
      expect(error).toMatchObject({ code: 'RESPONSE_TOO_LARGE', mayHaveExecuted: true });
      expect(error.message).toContain('maxResponseBytes (1048576 bytes)');
      expect(server.requests).toBe(1);
      // What the server managed to push before the client hung up: the limit plus socket buffers.
      expect(server.bytesWritten).toBeLessThan(32e6);
    });

    it('a Content-Length over the limit is refused before reading', async () => {
      server.answer = (_request, response) => {
        response.writeHead(200, { 'content-type': 'application/json', 'content-length': String(2 ** 40) });
        response.write('{"data":');
      };
      await expect(failure(client().listSpaces())).resolves.toMatchObject({ code: 'RESPONSE_TOO_LARGE' });
      expect(server.requests).toBe(1);
    });

    it('an answer nested 100 000 deep is INVALID_RESPONSE, not retried, no stack overflow', async () => {
      server.answer = (_request, response) => json(response, 200, `{"data":{"spaces":${deeplyNested(100_000)}}}`);
      const error = await failure(client().listSpaces());
      expect(error).toMatchObject({ code: 'INVALID_RESPONSE' });
      expect(error.message).toContain('maxResponseDepth (64)');
      expect(server.requests).toBe(1);
      expect(() => JSON.stringify(error)).not.toThrow();
    });

    it.each([
      ['a string where a list is selected', { spaces: 'not a list' }, 'data.spaces'],
      [
        'an object where a scalar is selected',
        { spaces: [{ id: { nested: true }, name: 'x' }] },
        'data.spaces[0].id: expected a scalar',
      ],
      ['a missing field', { spaces: [{ id: 's1' }] }, 'data.spaces[0].name: missing'],
      ['no selected root field', { somethingElse: [] }, 'data.spaces: missing'],
    ])('data of the wrong shape (%s) is INVALID_RESPONSE naming where', async (_label, data, where) => {
      server.answer = (_request, response) => json(response, 200, { data });
      const error = await failure(client().listSpaces());
      expect(error).toMatchObject({ code: 'INVALID_RESPONSE', operationName: 'listSpaces' });
      expect(error.message).toContain(where);
    });

    it('a 413 (or any 4xx that is not GraphQL) is not retried', async () => {
      server.answer = (_request, response) => {
        response.writeHead(413, { 'content-type': 'text/html' });
        response.end('<html>413 Request Entity Too Large</html>');
      };
      const error = await failure(client().listSpaces());
      expect(error).toMatchObject({ code: 'HTTP_ERROR', status: 413, mayHaveExecuted: false });
      expect(server.requests).toBe(1);
    });
  });

  describe('what we send is bounded before sending', () => {
    const huge = 'x'.repeat(20_000_000);

    it('a 20 MB id is refused locally, its start and length shown', async () => {
      const error = await failure(client().getSpace(huge));
      expect(error).toBeInstanceOf(SpacesInputError);
      expect(error.message).toContain('is 20000000 characters long; at most 256 are accepted');
      expect(error.message.length).toBeLessThan(300);
      await expect(
        failure(client().installIntegrationPack({ integrationPackId: 'p', integrationPackOverrideName: huge })),
      ).resolves.toMatchObject({
        field: 'integrationPackOverrideName',
      });
      expect(server.requests).toBe(0);
    });

    it('a request body over maxRequestBytes through execute is refused, nothing sent', async () => {
      const error = await failure(client().execute(GetSpaceDocument, { id: huge }));
      expect(error).toMatchObject({ code: 'INVALID_INPUT', mayHaveExecuted: false });
      expect(error.message).toContain('maxRequestBytes');
      expect(server.requests).toBe(0);
    });
  });

  describe('errors never carry a credential', () => {
    const someoneElsesJwt = fakeJwt(4_000_000_000, 'someone-else');

    it('a server echoing the Authorization header in extensions, nested, and a JWT we never saw: all redacted', async () => {
      server.answer = (request, response) =>
        json(response, 200, {
          data: null,
          errors: [
            {
              message: `denied for ${String(request.headers.authorization)}`,
              extensions: {
                code: 'UNAUTHORIZED',
                request: {
                  headers: { authorization: request.headers.authorization },
                  history: [[`token=${JWT}`], { other: someoneElsesJwt }],
                },
                [`key-${JWT}`]: 'keys too',
              },
            },
          ],
        });
      const error = await failure(client().listSpaces());
      const shown = [JSON.stringify(error), inspect(error, { depth: 20, showHidden: true }), error.message].join('\n');
      expect(shown).not.toContain(JWT);
      expect(shown).not.toContain(someoneElsesJwt);
      expect(shown).not.toContain(JWT.split('.')[1]!);
      expect(shown).toContain('[REDACTED]');
    });

    it('redaction keeps ordinary dotted text (hosts, versions) intact', async () => {
      server.answer = (_request, response) =>
        json(response, 200, { data: null, errors: [{ message: 'api.platform.gb.boomi.com v1.2.3 said no' }] });
      const error = await failure(client().listSpaces());
      expect(error.message).toContain('api.platform.gb.boomi.com v1.2.3 said no');
    });
  });
});
