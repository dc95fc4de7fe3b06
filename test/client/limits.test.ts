import { describe, expect, it } from '@jest/globals';
import { createSpacesClient, SpacesInputError, type SpacesError } from '../../src/index.js';
import { fakeJwt } from '../support/jwt.js';
import { json, useHostileServer } from '../support/hostileServer.js';
import { instanceListing } from '../support/largeAccount.js';

const server = useHostileServer();
const MIB = 1024 * 1024;
const client = (options: { maxResponseBytes?: number } = {}) =>
  createSpacesClient({
    endpoint: server.url,
    token: fakeJwt(4_000_000_000),
    spaceGuid: 'guid',
    retry: { maxAttempts: 1 },
    ...options,
  });

describe('maxResponseBytes: the answer cap is a client option', () => {
  it('is a whole number from 1 to 256 MiB, refused otherwise before anything is sent', () => {
    for (const bad of [0, -1, 1.5, Number.NaN, 256 * MIB + 1, null as unknown as number])
      expect(() => client({ maxResponseBytes: bad })).toThrow(
        expect.objectContaining({ field: 'maxResponseBytes', message: expect.stringContaining('from 1 to 268435456') }),
      );
    expect(() => client({ maxResponseBytes: 256 * MIB })).not.toThrow();
    expect(() => client({ maxResponseBytes: 0 })).toThrow(SpacesInputError);
    expect(server.requests).toBe(0);
  });

  it('150 000 instances: RESPONSE_TOO_LARGE naming the option at the default 8 MiB, listed once it is raised', async () => {
    const body = instanceListing(150_000);
    expect(body.length).toBeGreaterThan(32 * MIB);
    server.answer = (_request, response) => json(response, 200, body);
    const refused = (await client()
      .listIntegrationPackInstances()
      .catch((error: unknown) => error)) as SpacesError;
    expect(refused).toMatchObject({ code: 'RESPONSE_TOO_LARGE', mayHaveExecuted: true });
    expect(refused.message).toContain('maxResponseBytes (8388608 bytes)');
    expect(refused.message).toContain('--max-response-mb');

    const instances = await client({ maxResponseBytes: 64 * MIB }).listIntegrationPackInstances();
    expect(instances).toHaveLength(150_000);
    expect(instances[149_999]).toMatchObject({
      integrationPackOverrideName: 'tenant 149999 of the large account',
      integrationPack: { installationType: 'MULTI' },
    });
    // About 42 MB built, sent over loopback, parsed and checked: seconds, never near this bound.
  });
});
