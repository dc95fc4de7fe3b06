import { describe, expect, it } from '@jest/globals';
import type { TransportEvent } from '../../src/index.js';
import { createSpacesClient, SpacesInputError, type SpacesClientOptions } from '../../src/index.js';
import { resolveOptions } from '../../src/client/options.js';
import { DEFAULT_RETRY } from '../../src/retry/policy.js';

describe('createSpacesClient options', () => {
  it.each<[string, SpacesClientOptions, string]>([
    ['an empty token', { token: '  ' }, 'token'],
    ['both token and getToken', { token: 'abc', getToken: () => 'abc' }, 'token'],
    [
      'both getToken and jwt',
      { getToken: () => 'abc', jwt: { accountId: 'a', username: 'u', apiToken: 't' } },
      'getToken',
    ],
    ['a relative endpoint', { token: 'abc', endpoint: '/graphql' }, 'endpoint'],
    ['plain http to a remote host', { token: 'abc', endpoint: 'http://platform.boomi.com/graphql' }, 'endpoint'],
    ['credentials in the endpoint', { token: 'abc', endpoint: 'https://u:p@platform.boomi.com/graphql' }, 'endpoint'],
    ['a zero attempt timeout', { token: 'abc', attemptTimeoutMs: 0 }, 'attemptTimeoutMs'],
    ['a zero attempt timeout under its old name', { token: 'abc', timeoutMs: 0 }, 'timeoutMs'],
    ['an Authorization header', { token: 'abc', headers: { Authorization: 'Bearer x' } }, 'headers.Authorization'],
    ['an empty spaceGuid', { token: 'abc', spaceGuid: ' ' }, 'spaceGuid'],
  ])('refuses %s with a typed error naming the option', (_label, options, field) => {
    const error = (() => {
      try {
        createSpacesClient(options);
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(SpacesInputError);
    expect(error).toMatchObject({ code: 'INVALID_INPUT', field });
  });

  it('accepts no credentials at all: such a client serves the public catalog only (test/client/catalog.test.ts)', () => {
    expect(createSpacesClient({}).endpoint).toBe('https://platform.boomi.com/graphql');
    expect(createSpacesClient().endpoint).toBe('https://platform.boomi.com/graphql');
  });

  it('accepts http for loopback hosts and defaults to the platform endpoint', () => {
    expect(createSpacesClient({ token: 'abc', endpoint: 'http://127.0.0.1:4000/graphql' }).endpoint).toBe(
      'http://127.0.0.1:4000/graphql',
    );
    expect(createSpacesClient({ token: 'abc', endpoint: 'http://localhost:4000/graphql' }).endpoint).toBe(
      'http://localhost:4000/graphql',
    );
    expect(createSpacesClient({ token: 'abc' }).endpoint).toBe('https://platform.boomi.com/graphql');
  });

  it('presets both URLs for a region, and an explicit endpoint wins', () => {
    expect(createSpacesClient({ token: 'abc', region: 'gb' }).endpoint).toBe(
      'https://api.platform.gb.boomi.com/graphql',
    );
    expect(createSpacesClient({ token: 'abc', region: 'us' }).endpoint).toBe('https://api.boomi.com/graphql');
    expect(
      createSpacesClient({ token: 'abc', region: 'gb', endpoint: 'https://proxy.example.test/graphql' }).endpoint,
    ).toBe('https://proxy.example.test/graphql');
    expect(() => createSpacesClient({ token: 'abc', region: 'eu' as 'us' })).toThrow(SpacesInputError);
    // A name every object has is no region either.
    expect(() => createSpacesClient({ token: 'abc', region: 'toString' as 'us' })).toThrow(SpacesInputError);
  });

  it.each<[string, Partial<SpacesClientOptions>]>([
    ['zero attempts', { retry: { maxAttempts: 0 } }],
    ['a negative budget', { retry: { budget: -1 } }],
  ])('refuses retry options with %s', (_label, options) => {
    expect(() => createSpacesClient({ token: 'abc', ...options })).toThrow(SpacesInputError);
  });

  it('takes an explicit undefined as the default, as an absent key (exactOptionalPropertyTypes allows both)', () => {
    const resolved = resolveOptions({
      endpoint: undefined,
      token: 'abc',
      spaceGuid: undefined,
      retry: { maxAttempts: undefined, budget: undefined, baseDelayMs: 50 },
      rateLimit: { requestsPerSecond: undefined },
    });
    expect(resolved.retry).toEqual({ ...DEFAULT_RETRY, baseDelayMs: 50 });
    expect(resolved.rateLimit).toEqual(resolveOptions({ token: 'abc', rateLimit: {} }).rateLimit);
    expect(resolved.endpoint).toBe('https://platform.boomi.com/graphql');
    expect(resolved.headers).not.toHaveProperty('space_guid');
  });

  it('accepts the old name of attemptTimeoutMs, telling the client’s logger once that it is deprecated', () => {
    const events: TransportEvent[] = [];
    createSpacesClient({ token: 'abc', timeoutMs: 5000, logger: (event) => events.push(event) });
    createSpacesClient({ token: 'abc', attemptTimeoutMs: 5000, logger: (event) => events.push(event) });
    expect(events).toEqual([{ type: 'deprecation', message: expect.stringContaining('attemptTimeoutMs') }]);
  });
});
