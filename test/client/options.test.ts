import { describe, expect, it } from '@jest/globals';
import { createSpacesClient, SpacesInputError, type SpacesClientOptions } from '../../src/index.js';

describe('createSpacesClient options', () => {
  it.each<[string, SpacesClientOptions, string]>([
    ['no credentials', {}, 'token'],
    ['an empty token', { token: '  ' }, 'token'],
    ['both token and getToken', { token: 'abc', getToken: () => 'abc' }, 'token'],
    ['a relative endpoint', { token: 'abc', endpoint: '/graphql' }, 'endpoint'],
    ['plain http to a remote host', { token: 'abc', endpoint: 'http://platform.boomi.com/graphql' }, 'endpoint'],
    ['credentials in the endpoint', { token: 'abc', endpoint: 'https://u:p@platform.boomi.com/graphql' }, 'endpoint'],
    ['a zero timeout', { token: 'abc', timeoutMs: 0 }, 'timeoutMs'],
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

  it('accepts http for loopback hosts and defaults to the platform endpoint', () => {
    expect(createSpacesClient({ token: 'abc', endpoint: 'http://127.0.0.1:4000/graphql' }).endpoint).toBe('http://127.0.0.1:4000/graphql');
    expect(createSpacesClient({ token: 'abc', endpoint: 'http://localhost:4000/graphql' }).endpoint).toBe('http://localhost:4000/graphql');
    expect(createSpacesClient({ token: 'abc' }).endpoint).toBe('https://platform.boomi.com/graphql');
  });
});
