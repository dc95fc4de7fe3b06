// A Space given by name (--space-guid, BOOMI_SPACE_GUID): looked up by the command's own client,
// after the command's own checks; and one rule for an id or a name in every command.
import { beforeAll, describe, expect, it } from '@jest/globals';
import { DEMO } from '../../src/simulator/model/seed.js';
import type { RunningSimulator } from '../../src/simulator/server/startSimulator.js';
import { runCli } from './support/inProcess.js';
import { demoEnv, useSimulator } from '../support/simulator.js';

const currentSimulator = useSimulator();
let simulator: RunningSimulator;
let env: NodeJS.ProcessEnv;
beforeAll(() => {
  simulator = currentSimulator();
  env = demoEnv(simulator);
});
const cli = (...args: string[]) => runCli(args, { env });

describe('a Space by name in --space-guid', () => {
  it('is looked up after the command’s own checks: a bad cron line sends nothing, not even a JWT request', async () => {
    simulator.stats.auth = 0;
    const run = await cli(
      '--verbose',
      '--space-guid',
      'Demo_Space',
      'schedule',
      'inst-1',
      '--process',
      'p',
      '--cron',
      'bad cron',
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('not a 5-field cron line');
    expect(run.stderr).not.toContain('[verbose]');
    expect(simulator.stats.auth).toBe(0);
    expect(simulator.stats.operations).toEqual({});
  });

  it('is looked up by the command’s client: one JWT for the lookup and the command', async () => {
    simulator.stats.auth = 0;
    const run = await cli('--space-guid', 'Demo_Space', 'instances', '--json');
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual([]);
    expect(simulator.stats.auth).toBe(1);
    expect(simulator.stats.operations).toEqual({ listSpaces: 1, listIntegrationPackInstances: 1 });
  });
});

describe('one rule for a Space’s id or name, in every command', () => {
  const guidName = '11111111-2222-3333-4444-555555555555';

  it('a Space named like a GUID is found by that name by space, space update and --space-guid alike', async () => {
    const created = await cli('space', 'create', '--name', guidName, '--account-group', DEMO.accountGroupId, '--json');
    expect(created.stderr).toBe('');
    const { id } = JSON.parse(created.stdout) as { id: string };
    expect(id).not.toBe(guidName);

    const shown = await cli('space', guidName, '--json');
    expect(shown.stderr).toBe('');
    expect(JSON.parse(shown.stdout)).toMatchObject({ id, name: guidName });
    const updated = await cli('space', 'update', guidName, '--name', 'renamed', '--json');
    expect(JSON.parse(updated.stdout)).toMatchObject({ id, name: 'renamed' });
  });

  it('a GUID neither listed nor any Space’s name is sent as an id (a Space shared from another account)', async () => {
    const run = await cli('space', guidName, '--json');
    expect(JSON.parse(run.stdout)).toMatchObject({ error: { code: 'SPACE_NOT_FOUND' } });
    expect(simulator.stats.operations).toEqual({ listSpaces: 1, getSpace: 1 });
  });
});
