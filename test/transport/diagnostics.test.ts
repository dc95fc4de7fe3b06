// How a failed exchange is described: a host never reached is told apart from a connection the
// server (or a proxy) closed before answering, so the next step is the right one.
import { describe, expect, it } from '@jest/globals';
import { describeNetworkError } from '../../src/transport/diagnostics.js';

const URL = 'https://api.example.test/graphql';
/** A failure as undici reports it: "fetch failed", the system error in `cause`. */
const fetchFailed = (message: string, code: string) =>
  new TypeError('fetch failed', { cause: Object.assign(new Error(message), { code }) });

describe('describeNetworkError', () => {
  it.each([
    ['ECONNREFUSED', 'connect ECONNREFUSED 10.0.0.1:443', 'cannot reach api.example.test:443'],
    ['ENOTFOUND', 'getaddrinfo ENOTFOUND api.example.test', 'cannot reach api.example.test:443'],
    ['UND_ERR_SOCKET', 'other side closed', 'api.example.test:443 closed the connection before answering'],
    ['ECONNRESET', 'socket hang up', 'api.example.test:443 closed the connection before answering'],
    ['CERT_HAS_EXPIRED', 'certificate has expired', 'the connection to api.example.test:443 failed'],
  ])('%s: %s', (code, message, lead) => {
    expect(describeNetworkError(fetchFailed(message, code), URL)).toBe(`${lead}: fetch failed (${code})`);
  });
});
