import { describe, expect, it } from '@jest/globals';
import { fakeJwt } from '../support/jwt.js';
import { cleanEnv, runCli } from './support/inProcess.js';
import { json, useHostileServer } from '../support/hostileServer.js';
import { instanceListing } from '../support/largeAccount.js';

const server = useHostileServer();
const env = (extra: Record<string, string> = {}) =>
  cleanEnv({
    BOOMI_ENDPOINT: server.url,
    BOOMI_JWT: fakeJwt(4_000_000_000),
    BOOMI_SPACE_GUID: '00000000-0000-4000-8000-000000000001',
    ...extra,
  });

describe('--max-response-mb / BOOMI_MAX_RESPONSE_MB: the answer cap of a large account', () => {
  it('a bad value is a usage error naming the option, before any request', async () => {
    for (const [args, extra] of [
      [['--max-response-mb', '0', 'instances'], {}],
      [['--max-response-mb', '1.5', 'instances'], {}],
      [['--max-response-mb', '257', 'instances'], {}],
      [['instances'], { BOOMI_MAX_RESPONSE_MB: 'lots' }],
    ] as const) {
      const run = await runCli([...args], { env: env(extra) });
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(
        '--max-response-mb / BOOMI_MAX_RESPONSE_MB must be a whole number of MiB from 1 to 256',
      );
    }
    expect(server.requests).toBe(0);
  });

  it('40 000 instances: RESPONSE_TOO_LARGE naming --max-response-mb at the default, listed with the flag or the variable', async () => {
    const listing = instanceListing(40_000); // built once, answered three times
    const spaceId = '00000000-0000-4000-8000-000000000001';
    // The Space is looked up first (an id among the listed Spaces), then the instances are listed.
    server.answer = ({ operationName }, response) =>
      operationName === 'listSpaces'
        ? json(response, 200, {
            data: {
              spaces: [
                {
                  id: spaceId,
                  name: 'Big',
                  description: null,
                  createdDate: null,
                  modifiedDate: null,
                  url: null,
                  accountGroup: null,
                },
              ],
            },
          })
        : json(response, 200, listing);
    const refused = await runCli(['--json', 'instances'], { env: env() });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('error RESPONSE_TOO_LARGE');
    expect(refused.stderr).toContain('--max-response-mb');
    for (const [args, extra] of [
      [['--max-response-mb', '16', '--json', 'instances'], {}],
      [['--json', 'instances'], { BOOMI_MAX_RESPONSE_MB: '16' }],
    ] as const) {
      const run = await runCli([...args], { env: env(extra) });
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      expect(JSON.parse(run.stdout)).toHaveLength(40_000);
    }
  });
});

describe('--pace / BOOMI_PACE', () => {
  it('a fraction or a word is a usage error before any request (the SDK paces whole requests per second)', async () => {
    for (const [args, extra] of [
      [['--pace', '2.5', 'instances'], {}],
      [['instances'], { BOOMI_PACE: 'fast' }],
    ] as const) {
      const run = await runCli([...args], { env: env(extra) });
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('--pace / BOOMI_PACE must be a whole number of requests per second');
    }
    expect(server.requests).toBe(0);
  });
});
