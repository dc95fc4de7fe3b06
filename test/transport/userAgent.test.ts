import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { http, HttpResponse } from 'msw';
import { createSpacesClient } from '../../src/index.js';
import { SDK_VERSION } from '../../src/transport/userAgent.js';
import { runCli } from '../cli/support/inProcess.js';
import { SENDERS } from '../support/fetchDispatcher.js';
import { withMswServer } from '../support/setupMsw.js';

const ENDPOINT = 'https://platform.boomi.com/graphql';
const AUTH = 'https://api.boomi.com/auth/jwt/generate';
const server = withMswServer();
const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
  version: string;
};

/** The User-Agent of each request the fake platform received, GraphQL and JWT endpoint alike. */
function recordAgents(): string[] {
  const agents: string[] = [];
  server.use(
    http.get(`${AUTH}/acct-1`, ({ request }) => {
      agents.push(`jwt ${request.headers.get('user-agent')}`);
      return new HttpResponse('a.b.c');
    }),
    http.post(ENDPOINT, ({ request }) => {
      agents.push(`graphql ${request.headers.get('user-agent')}`);
      return HttpResponse.json({ data: { spaces: [] } });
    }),
  );
  return agents;
}

describe('User-Agent', () => {
  it('the SDK’s version is package.json’s (read at build time, never from a file at run time)', () => {
    expect(SDK_VERSION).toBe(version);
  });

  it.each(SENDERS)('names the SDK, its version and Node on every request ($name)', async ({ options }) => {
    const agents = recordAgents();
    const client = createSpacesClient({
      ...options(),
      jwt: { accountId: 'acct-1', username: 'u@example.com', apiToken: 'token-1' },
      rateLimit: false,
    });
    await client.listSpaces();
    await client.close();
    const expected = `boomi-spaces/${version} node/${process.versions.node}`;
    expect(agents).toEqual([`jwt ${expected}`, `graphql ${expected}`]);
  });

  it('an app adds its own word through `headers`', async () => {
    const agents = recordAgents();
    const client = createSpacesClient({
      token: 'a.b.c',
      headers: { 'User-Agent': `boomi-spaces/${version} my-app/2.1` },
      rateLimit: false,
      fetch: (input, init) => globalThis.fetch(input, init),
    });
    await client.listSpaces();
    await client.close();
    expect(agents).toEqual([`graphql boomi-spaces/${version} my-app/2.1`]);
  });

  it('the CLI adds ` cli`', async () => {
    const agents = recordAgents();
    const run = await runCli(['spaces', '--json'], { env: { BOOMI_JWT: 'a.b.c', BOOMI_PACE: '0' } });
    expect(run).toMatchObject({ code: 0, stdout: '[]\n' });
    expect(agents).toEqual([`graphql boomi-spaces/${version} node/${process.versions.node} cli`]);
  });
});
