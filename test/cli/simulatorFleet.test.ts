// simulator --accounts N in-process: the banner's commands are run as printed.
import { describe, expect, it } from '@jest/globals';
import { DEMO } from '../../src/simulator/model/seed.js';
import { cleanEnv, runCli, startCli } from './support/inProcess.js';

/** The environment an `export A=1 B=2` line (and `C=3 … command` prefixes) would give. */
function envOf(assignments: string): Record<string, string> {
  return Object.fromEntries(
    assignments
      .trim()
      .split(/\s+/)
      .map((pair) => pair.split('=', 2) as [string, string]),
  );
}

describe('boomi-spaces simulator --accounts', () => {
  it('prints the fleet and ways to reach it that work as printed', async () => {
    const simulator = startCli(['simulator', '--port', '0', '--accounts', '3']);
    const banner = await simulator.stdout.until(/Press Ctrl\+C to stop\./);
    const text = banner.input;
    expect(text).toContain('accounts:         3, fleet-001 … fleet-003, each its own data and faults');
    expect(text).toContain('at most 10 requests/s');
    expect(text).toContain('API token:        token-<account id> (e.g. token-fleet-001), for any username');
    const exported = envOf(/^ {2}export (.*)$/m.exec(text)![1]!);
    expect(exported).toMatchObject({ BOOMI_ACCOUNT_ID: 'fleet-001', BOOMI_API_TOKEN: 'token-fleet-001' });
    const env = cleanEnv({ ...exported, BOOMI_PACE: '0' });

    const spaceLine = /^ {2}boomi-spaces (space \S+)$/m.exec(text)![1]!.split(' ');
    const space = await runCli(spaceLine, { env });
    expect(space.code).toBe(0);
    expect(space.stdout).toContain(DEMO.spaceId);

    const [, prefix, command] = /^ {2}((?:BOOMI_\w+=\S+ )+)boomi-spaces (.+)$/m.exec(text)!;
    expect(prefix).toContain('BOOMI_ACCOUNT_ID=fleet-003 BOOMI_API_TOKEN=token-fleet-003');
    const instances = await runCli(command!.split(' '), { env: { ...env, ...envOf(prefix!) } });
    expect(instances.code).toBe(0);
    expect(instances.stderr).toBe('');

    simulator.signals.emit('SIGINT');
    expect(await simulator.exited).toBe(0);
  });

  it('--json describes the fleet; a size out of range is exit 2', async () => {
    const simulator = startCli(['simulator', '--port', '0', '--accounts', '12', '--rate-limit', '4', '--json']);
    const document = await simulator.stdout.until(/^\{[\s\S]*\n\}\n/m);
    expect(JSON.parse(document[0])).toMatchObject({
      credentials: { accountId: 'fleet-001', apiToken: 'token-fleet-001' },
      spaceId: DEMO.spaceId,
      fleet: {
        accounts: 12,
        first: 'fleet-001',
        last: 'fleet-012',
        apiToken: 'token-<account id>',
        requestsPerSecond: 4,
      },
    });
    simulator.signals.emit('SIGTERM');
    expect(await simulator.exited).toBe(0);

    const refused = await runCli(['simulator', '--accounts', '1001']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('--accounts must be a whole number from 1 to 1000');
  });
});
