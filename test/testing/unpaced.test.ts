// Clients on an endpoint the testing kit answers are unpaced unless told otherwise: pacing protects
// the platform's limiter, which an in-process fake does not have, and only slows tests down.
import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { createSpacesClient } from '../../src/index.js';
import { resolveOptions } from '../../src/client/options.js';
import { DEFAULT_RATE_LIMIT, RequestPacer } from '../../src/retry/pacer.js';
import { isUnpacedEndpoint, registerUnpacedEndpoint } from '../../src/retry/unpacedEndpoints.js';
import { createSpacesMock, DEMO } from '../../src/testing/index.js';
import { withMswServer } from '../support/setupMsw.js';

const KIT_ENDPOINT = 'https://unpaced.example.test/graphql';
const LIMITED_ENDPOINT = 'https://limited.example.test/graphql';
const mock = createSpacesMock({ endpoint: KIT_ENDPOINT });
// A mock with a server-side limiter behaves as the platform does: clients pace there as well.
const limited = createSpacesMock({ endpoint: LIMITED_ENDPOINT, rateLimit: 100 });
withMswServer(...mock.handlers, ...limited.handlers);

const client = (options: Parameters<typeof createSpacesClient>[0] = {}) =>
  createSpacesClient({ endpoint: KIT_ENDPOINT, token: 'test-token', spaceGuid: DEMO.spaceId, ...options });

afterEach(() => {
  jest.restoreAllMocks();
  jest.useRealTimers();
  mock.reset();
});

describe('clients on a testing-kit endpoint', () => {
  it('do not pace: 30 calls go without the pacer ever being asked for a turn', async () => {
    const acquire = jest.spyOn(RequestPacer.prototype, 'acquire');
    const unpaced = client();
    const spaces = await Promise.all(Array.from({ length: 30 }, () => unpaced.listSpaces()));
    expect(spaces.map((s) => s[0]?.id)).toEqual(Array(30).fill(DEMO.spaceId));
    expect(mock.requests).toHaveLength(30);
    expect(acquire).not.toHaveBeenCalled();
    expect(resolveOptions({ endpoint: KIT_ENDPOINT }).rateLimit).toBe(false);
  });

  it('pace when `rateLimit` is given: the second call waits for its turn until aborted', async () => {
    // Only Date is faked: the pacer's clock stands still, so its window never frees up on its own.
    jest.useFakeTimers({
      doNotFake: [
        'setTimeout',
        'clearTimeout',
        'setInterval',
        'clearInterval',
        'setImmediate',
        'nextTick',
        'queueMicrotask',
        'hrtime',
        'performance',
      ],
    });
    const paced = client({ rateLimit: { requestsPerSecond: 1 } });
    const abort = new AbortController();
    const first = paced.listSpaces({ signal: abort.signal });
    const second = paced.listSpaces({ signal: abort.signal });
    await first;
    expect(mock.requests).toEqual(['listSpaces']);
    abort.abort();
    await expect(second).rejects.toThrow('waiting for its turn');
    expect(mock.requests).toEqual(['listSpaces']);
  });

  it('pace with the default rate on another endpoint, or on a mock with a server-side limiter', () => {
    expect(resolveOptions({ endpoint: 'https://platform.example.test/graphql' }).rateLimit).toEqual(DEFAULT_RATE_LIMIT);
    expect(resolveOptions({ endpoint: LIMITED_ENDPOINT }).rateLimit).toEqual(DEFAULT_RATE_LIMIT);
    expect(resolveOptions({ endpoint: KIT_ENDPOINT, rateLimit: {} }).rateLimit).toEqual(DEFAULT_RATE_LIMIT);
  });
});

describe('the registry of unpaced endpoints', () => {
  it('counts registrations: the endpoint stays unpaced until the last one is taken back', () => {
    const endpoint = 'https://registry.example.test/graphql';
    const one = registerUnpacedEndpoint(endpoint);
    const two = registerUnpacedEndpoint(`${endpoint}/`);
    one();
    one(); // taking back twice is harmless
    expect(isUnpacedEndpoint(endpoint)).toBe(true);
    two();
    expect(isUnpacedEndpoint(endpoint)).toBe(false);
  });

  it('is shared through a registered symbol, so separately bundled entries see one registry', () => {
    const registry = (globalThis as Record<symbol, unknown>)[Symbol.for('boomi-spaces.unpacedEndpoints')];
    expect(registry).toBeInstanceOf(Map);
    expect([...(registry as Map<string, number>).keys()]).toContain(KIT_ENDPOINT);
  });
});
