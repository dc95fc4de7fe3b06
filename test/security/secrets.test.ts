import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inspect } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createJwtProvider, createSpacesClient, SpacesInputError, type TransportEvent } from '../../src/index.js';
import { DEMO } from '../../src/simulator/model/seed.js';
import { startSimulator, type RunningSimulator } from '../../src/simulator/server/startSimulator.js';
import { cleanEnv, runCli } from '../support/cli.js';

// Recognisable secrets: whatever the scenarios below print, log or throw is searched for them.
const API_TOKEN = 'SEEDED-API-TOKEN-7c1f9a';
/** A value for a field that is not encrypted, given from a secret source. */
const USER_SECRET = 'SEEDED-SFTP-USER-51d0';
const BASIC = Buffer.from(`BOOMI_TOKEN.${DEMO.username}:${API_TOKEN}`).toString('base64');
const captured: string[] = [];
const jwtsIssued: string[] = [];
const capture = (...values: unknown[]) => {
  for (const value of values)
    captured.push(
      typeof value === 'string'
        ? value
        : `${inspect(value, { depth: 10, showHidden: true })}\n${JSON.stringify(value)}`,
    );
};
const logger = (event: TransportEvent) => capture(event);

let simulator: RunningSimulator;
/** The CLI's environment for the simulator's demo user with the seeded API token. */
const cliEnv = (extra: Record<string, string> = {}) =>
  cleanEnv({
    BOOMI_ENDPOINT: simulator.url,
    BOOMI_AUTH_URL: simulator.authUrl,
    BOOMI_ACCOUNT_ID: DEMO.accountId,
    BOOMI_USERNAME: DEMO.username,
    BOOMI_API_TOKEN: API_TOKEN,
    BOOMI_SPACE_GUID: DEMO.spaceId,
    ...extra,
  });
let redirector: Server;
let target: Server;
let targetRequests: Array<{ url: string; authorization: string | undefined }>;
let redirectorUrl: string;

function listen(server: Server): Promise<string> {
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)),
  );
}

beforeAll(async () => {
  simulator = await startSimulator({
    credentials: { accountId: DEMO.accountId, username: DEMO.username, apiToken: API_TOKEN },
  });
  targetRequests = [];
  target = createServer((req, res) => {
    targetRequests.push({ url: req.url ?? '', authorization: req.headers.authorization });
    res.end('{"data":{"spaces":[]}}');
  });
  const targetUrl = await listen(target);
  // Another origin (another port) that every request is redirected to.
  redirector = createServer((req, res) => {
    res.writeHead(307, { location: `${targetUrl}${req.url}` });
    res.end();
  });
  redirectorUrl = await listen(redirector);
});
afterAll(async () => {
  await simulator.close();
  await new Promise((resolve) => redirector.close(resolve));
  await new Promise((resolve) => target.close(resolve));
});

describe('credentials never follow a redirect', () => {
  it('a 307 from the GraphQL endpoint to another origin is an error, and the JWT never reaches it', async () => {
    const client = createSpacesClient({
      endpoint: `${redirectorUrl}/graphql`,
      token: 'eyJhbGciOi.SEEDED-JWT.c2ln',
      logger,
    });
    const error = await client.listSpaces().catch((e: unknown) => e);
    capture(error);
    expect(error).toMatchObject({ code: 'REDIRECT_REFUSED', status: 307 });
    expect(targetRequests).toEqual([]);
  });

  it('a 307 from the JWT endpoint is an error, and the API token never reaches the other origin', async () => {
    const provider = createJwtProvider({
      accountId: DEMO.accountId,
      username: DEMO.username,
      apiToken: API_TOKEN,
      authUrl: `${redirectorUrl}/auth`,
      logger,
    });
    const error = await provider.getToken().catch((e: unknown) => e);
    capture(error, provider);
    expect(error).toMatchObject({ code: 'AUTH_ERROR', status: 307 });
    expect(targetRequests).toEqual([]);
  });

  it('plain-http endpoints and JWT URLs are refused unless the host is loopback', () => {
    expect(() => createSpacesClient({ endpoint: 'http://platform.example.test/graphql', token: 'x' })).toThrow(
      SpacesInputError,
    );
    expect(() =>
      createSpacesClient({ token: 'x', endpoint: 'https://platform.example.test/graphql', jwt: undefined }),
    ).not.toThrow();
    expect(() =>
      createSpacesClient({
        jwt: { accountId: 'a', username: 'u', apiToken: API_TOKEN, authUrl: 'http://auth.example.test/jwt' },
      }),
    ).toThrow(/authUrl.*must use https/);
  });
});

describe('no secret in anything we show', () => {
  it('a working session: logs, results and the client', async () => {
    const provider = createJwtProvider({ ...simulator.credentials, authUrl: simulator.authUrl, logger });
    jwtsIssued.push(await provider.getToken());
    const client = createSpacesClient({
      endpoint: simulator.url,
      getToken: provider.getToken,
      spaceGuid: DEMO.spaceId,
      logger,
    });
    capture(
      await client.listSpaces(),
      await client.installIntegrationPack({ integrationPackId: DEMO.packs.orderIntake }),
      client,
      provider,
    );
    expect(captured.join('\n')).toContain('Bearer [REDACTED]');
  });

  it('failures: a refused API token and a refused JWT, each error checked here', async () => {
    const wrong = createJwtProvider({
      ...simulator.credentials,
      apiToken: `${API_TOKEN}-wrong`,
      authUrl: simulator.authUrl,
      logger,
    });
    const refusedToken = await wrong.getToken().catch((e: unknown) => e);
    expect(refusedToken).toMatchObject({ name: 'SpacesError', code: 'AUTH_ERROR', status: 401 });
    const stale = createSpacesClient({
      endpoint: simulator.url,
      token: 'eyJhbGciOi.SEEDED-STALE-JWT.c2ln',
      logger,
      retry: { maxAttempts: 1 },
    });
    const refusedJwt = await stale.listSpaces().catch((e: unknown) => e);
    expect(refusedJwt).toMatchObject({ name: 'SpacesError', code: 'UNAUTHORIZED', status: 401 });
    const shown = [refusedToken, refusedJwt, stale].map(
      (value) => `${inspect(value, { depth: 10, showHidden: true })}\n${JSON.stringify(value)}`,
    );
    // This test's own output, checked here: the sweep at the end checks everything captured again.
    for (const text of shown) {
      for (const secret of [API_TOKEN, `${API_TOKEN}-wrong`, BASIC, 'SEEDED-STALE-JWT'])
        expect(text).not.toContain(secret);
    }
    capture(...shown);
  });

  it('the CLI with --verbose and --json, working and failing', async () => {
    const env = cliEnv();
    const ok = await runCli(['instances', '--verbose', '--json'], { env });
    expect(ok.code).toBe(0);
    expect(ok.stderr).toContain('[verbose] → POST');
    expect(ok.stderr).toContain('authorization: Bearer [REDACTED]');
    expect(ok.stderr).toContain('authorization: Basic [REDACTED]');
    const refused = await runCli(['spaces', '--verbose', '--json'], {
      env: { ...env, BOOMI_API_TOKEN: `${API_TOKEN}-wrong` },
    });
    expect(refused.code).toBe(1);
    const piped = await runCli(['spaces', '--verbose', '--api-token-stdin'], {
      env: { ...env, BOOMI_API_TOKEN: '' },
      input: API_TOKEN,
    });
    expect(piped.code).toBe(0);
    capture(ok.stdout, ok.stderr, refused.stdout, refused.stderr, piped.stdout, piped.stderr);
    // A JWT the simulator issued to the CLI would start like every JWT: header {"alg":"HS256",…}.
    expect([ok.stderr, ok.stdout, refused.stderr, piped.stderr].join('\n')).not.toMatch(
      /eyJhbGciOiJIUzI1NiIs[\w-]*\.[\w-]+/,
    );
  });

  it('the CLI with secrets by source: a user name from --set-secret and from a plan’s fromEnv', async () => {
    const env = cliEnv({ BOOMI_PACE: '0', SFTP_USER: USER_SECRET });
    const cli = (...args: string[]) => runCli(args, { env });
    const installed = await cli('install', DEMO.packs.invoiceSync, '--name', 'Secrets', '--json');
    const instanceId = (JSON.parse(installed.stdout) as { instance: { id: string } }).instance.id;
    expect((await cli('attach', instanceId, '--env', DEMO.environments.prod)).code).toBe(0);
    const runs = [
      await cli('configure', instanceId, '--env', 'Production', '--set-secret', 'SFTP.user=SFTP_USER', '--verbose'),
      await cli('configure', instanceId, '--env', 'Production', '--set-secret', 'SFTP.user=SFTP_USER', '--json'),
    ];
    const work = mkdtempSync(join(tmpdir(), 'boomi-spaces-secrets-'));
    const plan = join(work, 'plan.yaml');
    writeFileSync(
      plan,
      `space: ${DEMO.spaceId}\ninstances:\n  - pack: Invoice Sync\n    name: Others\n    environments: [Production]\n` +
        '    extensions: { Production: { connections: { SFTP: { user: { fromEnv: SFTP_USER } } } } }\n',
    );
    runs.push(await cli('plan', plan, '--json'), await cli('apply', plan, '--yes', '--json'));
    rmSync(work, { recursive: true, force: true });
    for (const run of runs) expect(run.code).toBe(0);
    capture(...runs.flatMap((run) => [run.stdout, run.stderr]));
  });

  it('none of the captured output holds a seeded secret', () => {
    expect(captured.length).toBeGreaterThan(10);
    const all = captured.join('\n');
    for (const secret of [API_TOKEN, BASIC, 'SEEDED-JWT', 'SEEDED-STALE-JWT', USER_SECRET, ...jwtsIssued]) {
      expect(all).not.toContain(secret);
    }
  });
});
