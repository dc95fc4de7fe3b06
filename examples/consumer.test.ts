// What a consumer's first test looks like: the mock with its defaults, a client with any token.
import { afterAll, beforeAll, beforeEach, expect, it } from '@jest/globals';
import { setupServer } from 'msw/node';
import { createSpacesClient } from 'boomi-spaces';
import { createSpacesMock, DEMO } from 'boomi-spaces/testing';

const mock = createSpacesMock();
const gb = createSpacesMock({ region: 'gb' });
const server = setupServer(...mock.handlers, ...gb.handlers);
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
beforeEach(() => {
  mock.reset();
  gb.reset();
});
afterAll(() => server.close());

it('accepts any bearer token by default, and the SDK’s results need no null checks', async () => {
  const client = createSpacesClient({ token: 'test-token', spaceGuid: DEMO.spaceId });
  const space = await client.getSpace(DEMO.spaceId);
  const names: string[] = [];
  for (const p of space.sharedIpacks) names.push(p.name.toUpperCase());
  expect(names).toEqual(['ORDER INTAKE', 'INVOICE SYNC', 'CUSTOMER MASTER DATA']);
});

it('answers a region’s endpoints, as the client picks them', async () => {
  const client = createSpacesClient({ region: 'gb', token: 'test-token' });
  await expect(client.listSpaces()).resolves.toHaveLength(1);
  expect(gb.requests).toEqual(['listSpaces']);
  expect(mock.requests).toEqual([]);
});

it('fault switches ask for no real wait: a 429 and a 503 say Retry-After: 0, and are retried at once', async () => {
  const retryAfter: Array<string | null> = [];
  server.events.on('response:mocked', ({ response }) => void retryAfter.push(response.headers.get('retry-after')));
  const client = createSpacesClient({ token: 'test-token' });
  mock.rateLimitNext('listSpaces');
  mock.failNext('listSpaces', { status: 503 });
  await expect(client.listSpaces()).resolves.toHaveLength(1);
  server.events.removeAllListeners();
  expect(mock.requests).toEqual(['listSpaces', 'listSpaces', 'listSpaces']);
  expect(retryAfter).toEqual(['0', '0', null]);
});
