import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll } from '@jest/globals';
import type { RequestHandler } from 'msw';

/** An msw server for one test file; any request no handler takes fails the test. */
export function withMswServer(...handlers: RequestHandler[]) {
  const server = setupServer(...handlers);
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => server.resetHandlers());
  afterAll(() => server.close());
  return server;
}

/** Records every request the server sees (a clone, so bodies stay readable). */
export function recordRequests(server: ReturnType<typeof setupServer>): Request[] {
  const requests: Request[] = [];
  server.events.on('request:start', ({ request }) => {
    requests.push(request.clone());
  });
  return requests;
}
