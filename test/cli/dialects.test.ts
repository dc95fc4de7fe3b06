import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DIALECTS } from '../../src/schema/dialects.js';
import { DEMO } from '../../src/simulator/model/seed.js';
import { cleanEnv, runCli, startCli } from './support/inProcess.js';

// `boomi-spaces simulator --dialect help|reference` serves the demo, and the CLI's main flows work
// against either name of the get-one-Space root field (`Space` on the help pages, `space` in the reference).
const EXAMPLE = new URL('../../examples/plan.yaml', import.meta.url).pathname;

describe.each(DIALECTS)('the CLI against `boomi-spaces simulator --dialect %s`', (dialect) => {
  let simulator: ReturnType<typeof startCli>;
  let url: string;
  let stdout = '';
  beforeAll(async () => {
    simulator = startCli(['simulator', '--port', '0', '--dialect', dialect]);
    const listening = simulator.stdout.until(/GraphQL endpoint: (http:\/\/127\.0\.0\.1:\d+\/graphql)[^]*Press Ctrl\+C/);
    // A simulator that ends early (a bad flag, a busy port) fails here, not by waiting for ever.
    const ended = simulator.exited.then((code) => {
      throw new Error(`simulator exited early (${code}): ${simulator.stderr.text}`);
    });
    url = (await Promise.race([listening, ended]))[1]!;
    stdout = simulator.stdout.text;
  });
  afterAll(async () => {
    simulator.signals.emit('SIGTERM');
    expect(await simulator.exited).toBe(0);
  });
  const cli = (...args: string[]) =>
    runCli(args, {
      env: cleanEnv({
        BOOMI_ENDPOINT: url,
        BOOMI_AUTH_URL: url.replace('/graphql', '/auth/jwt/generate'),
        BOOMI_ACCOUNT_ID: DEMO.accountId,
        BOOMI_USERNAME: DEMO.username,
        BOOMI_API_TOKEN: DEMO.apiToken,
        BOOMI_SPACE_GUID: DEMO.spaceId,
        BOOMI_PACE: '0',
      }),
    });

  it('says which name it serves, and refuses the other by validation, as such a server would', async () => {
    const served = dialect === 'help' ? 'Space' : 'space';
    const other = dialect === 'help' ? 'space' : 'Space';
    expect(stdout).toContain(`dialect:          ${dialect} (one Space is \`${served}(id:)\`)`);
    const jwt = await (
      await fetch(`${url.replace('/graphql', '/auth/jwt/generate')}/${DEMO.accountId}`, {
        headers: {
          authorization: `Basic ${Buffer.from(`BOOMI_TOKEN.${DEMO.username}:${DEMO.apiToken}`).toString('base64')}`,
        },
      })
    ).text();
    const post = (field: string) =>
      fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${jwt}` },
        body: JSON.stringify({ query: `{ ${field}(id: "${DEMO.spaceId}") { id } }` }),
      });
    const refused = await post(other);
    expect(refused.status).toBe(400);
    expect(await refused.json()).toEqual({
      errors: [
        expect.objectContaining({ message: expect.stringContaining(`Cannot query field "${other}" on type "Query"`) }),
      ],
    });
    const served_ = await post(served);
    expect(await served_.json()).toEqual({ data: { [served]: { id: DEMO.spaceId } } });
  });

  it('spaces and space', async () => {
    const spaces = await cli('spaces', '--json');
    expect(spaces.code).toBe(0);
    expect(JSON.parse(spaces.stdout)).toEqual([expect.objectContaining({ id: DEMO.spaceId })]);
    const space = await cli('space', DEMO.spaceId);
    expect(space.code).toBe(0);
    expect(space.stdout).toMatch(/Invoice Sync\s*│\s*MULTI/);
  });

  it('install, then plan and apply the README example, then nothing left to change', async () => {
    const install = await cli('install', DEMO.packs.orderIntake, '--space', DEMO.spaceId, '--json');
    expect(install.code).toBe(0);
    expect(JSON.parse(install.stdout)).toMatchObject({ status: 'installed' });
    const plan = await cli('plan', EXAMPLE);
    expect(plan.code).toBe(0);
    expect(plan.stdout).toContain('+ install Invoice Sync "EU invoices" (MULTI)');
    const apply = await cli('apply', EXAMPLE, '--yes');
    expect(apply.code).toBe(0);
    expect(apply.stdout).toMatch(/Applied \d+ of \d+ changes/);
    const again = await cli('apply', EXAMPLE, '--yes');
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('No changes: the account matches the plan for space "Demo_Space".');
  });
});

describe('boomi-spaces simulator --dialect', () => {
  it('refuses a dialect it does not know with exit 2, naming the choices', async () => {
    const run = await runCli(['simulator', '--dialect', 'Space']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/help, reference/);
  });
});
