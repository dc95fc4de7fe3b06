import { describe, expect, it } from '@jest/globals';
import { fakeJwt } from '../support/jwt.js';
import { cleanEnv, runCli } from './support/inProcess.js';
import { deeplyNested, json, useHostileServer } from '../support/hostileServer.js';

const server = useHostileServer();
const env = () =>
  cleanEnv({
    BOOMI_ENDPOINT: server.url,
    BOOMI_JWT: fakeJwt(4_000_000_000),
    BOOMI_SPACE_GUID: '00000000-0000-4000-8000-000000000001',
  });

// What a hostile Space admin or server could put in a name: retitle the window, clear the screen,
// forge a hyperlink, a one-character CSI (C1), a bidi override, a line break.
const EVIL = [
  '\u001b]0;pwned\u0007',
  '\u001b[2J',
  '\u001b]8;;https://evil.example\u001b\\click\u001b]8;;\u001b\\',
  '\u009b31m',
  '\u202egnp.exe',
  'line1\nline2',
].join('|');
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const RAW_CONTROLS = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

const group = { id: 'g', name: EVIL };
const pack = { id: 'p', name: EVIL, description: EVIL, installationType: 'MULTI' };
const DATA: Record<string, unknown> = {
  listSpaces: {
    spaces: [
      { id: 's', name: EVIL, description: EVIL, createdDate: null, modifiedDate: null, url: EVIL, accountGroup: group },
    ],
  },
  getSpace: {
    space: {
      id: 's',
      name: EVIL,
      description: EVIL,
      createdDate: EVIL,
      createdByAccountId: EVIL,
      modifiedDate: null,
      modifiedByAccountId: null,
      url: EVIL,
      sharedIpacks: [pack],
      accountGroup: group,
      theme: null,
    },
  },
  listIntegrationPackInstances: {
    integrationPackInstances: [
      { id: 'i', integrationPackId: 'p', integrationPackOverrideName: EVIL, integrationPack: pack },
    ],
  },
  listEnvironments: {
    environments: [
      {
        id: 'e',
        name: EVIL,
        classification: 'PROD',
        atoms: [{ id: 'a', name: EVIL }],
        integrationPackEnvironmentAttachment: [{ id: EVIL, environmentId: 'e', integrationPackInstanceId: EVIL }],
      },
    ],
  },
};

describe('server text reaches the terminal as text', () => {
  it.each([['spaces'], ['space', 's'], ['instances'], ['environments']])(
    '%s shows escapes, never sends them',
    async (...args) => {
      server.answer = (request, response) => json(response, 200, { data: DATA[request.operationName] });
      const run = await runCli(args, { env: env() });
      expect(run.code).toBe(0);
      expect(run.stdout + run.stderr).not.toMatch(RAW_CONTROLS);
      expect(run.stdout).toContain('\\x1b]0;pwned\\x07');
      expect(run.stdout).toContain('\\u202egnp.exe');
    },
  );

  it('--json escapes C1 and bidi characters too, and parses back to the same text', async () => {
    server.answer = (request, response) => json(response, 200, { data: DATA[request.operationName] });
    const run = await runCli(['--json', 'spaces'], { env: env() });
    expect(run.code).toBe(0);
    expect(run.stdout).not.toMatch(RAW_CONTROLS);
    expect(run.stdout).toContain('\\u009b31m');
    expect((JSON.parse(run.stdout) as Array<{ name: string }>)[0]!.name).toBe(EVIL);
  });

  it('names with zero-width and other invisible characters show them as escapes, in tables and --json', async () => {
    const [space] = (DATA.listSpaces as { spaces: object[] }).spaces;
    const name = 'tenant\u200b\u2060\ufeff\u00ad';
    server.answer = (_request, response) => json(response, 200, { data: { spaces: [{ ...space, name }] } });
    const table = await runCli(['spaces'], { env: env() });
    expect(table.code).toBe(0);
    expect(table.stdout).toContain('tenant\\u200b\\u2060\\ufeff\\xad');
    expect(table.stdout).not.toMatch(/[\u200b\u2060\ufeff\u00ad]/);
    const document = await runCli(['--json', 'spaces'], { env: env() });
    expect(document.code).toBe(0);
    expect(document.stdout).toContain('tenant\\u200b\\u2060\\ufeff\\u00ad');
    expect((JSON.parse(document.stdout) as Array<{ name: string }>)[0]!.name).toBe(name);
  });

  it('a server error message is shown escaped on stderr', async () => {
    server.answer = (_request, response) =>
      json(response, 200, {
        data: null,
        errors: [{ message: `nope ${EVIL}`, extensions: { code: 'SPACE_NOT_FOUND' } }],
      });
    const run = await runCli(['space', 's'], { env: env() });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('SPACE_NOT_FOUND');
    expect(run.stderr).not.toMatch(RAW_CONTROLS);
  });

  it('an answer nested 100 000 deep is INVALID_RESPONSE, also with --json (no stack overflow)', async () => {
    server.answer = (_request, response) =>
      json(response, 200, `{"data":{"spaces":[{"id":"s","name":${deeplyNested(100_000, '"x"')}}]}}`);
    for (const args of [['spaces'], ['--json', 'spaces']]) {
      const run = await runCli(args, { env: env() });
      expect(run.code).toBe(1);
      expect(run.stderr).toContain('error INVALID_RESPONSE');
      expect(run.stderr).not.toContain('Maximum call stack');
    }
  });
});

describe('user input is echoed as text, shortened', () => {
  it('an id with a line break and an escape, and a 10 000-character id', async () => {
    const spaced = await runCli(['install', 'p\n\u001b[2Jx', '--name', 'x'.repeat(10_000)], { env: env() });
    expect(spaced.code).toBe(2);
    expect(spaced.stderr).not.toMatch(RAW_CONTROLS);
    expect(spaced.stderr).toContain('is 10000 characters long');
    expect(spaced.stderr.length).toBeLessThan(400);
    const long = await runCli(['space', 'y'.repeat(10_000)], { env: env() });
    expect(long.code).toBe(2);
    expect(long.stderr).toContain('(10000 characters)');
    expect(long.stderr.length).toBeLessThan(400);
    const unknown = await runCli(['spa\u001b]0;x\u0007ces'], { env: env() });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).not.toMatch(RAW_CONTROLS);
    expect(server.requests).toBe(0);
  });
});
