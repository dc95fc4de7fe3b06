// Each command's declared operations (src/cli/cmd/sends.ts) decide whether it needs the Space: a
// command that sends an operation it does not declare could skip the check. Each one runs here
// against the simulator, and sends nothing it does not declare.
import { EventEmitter } from 'node:events';
import { Readable } from 'node:stream';
import { beforeAll, describe, expect, it } from '@jest/globals';
import type { CommandUnknownOpts } from '@commander-js/extra-typings';
import { SENDS } from '../../src/cli/cmd/sends.js';
import { createContext } from '../../src/cli/context.js';
import { buildProgram } from '../../src/cli/program.js';
import { DEMO } from '../../src/simulator/model/seed.js';
import type { RunningSimulator } from '../../src/simulator/server/startSimulator.js';
import { Capture, runCli } from './support/inProcess.js';
import { demoEnv, useSimulator } from '../support/simulator.js';

const currentSimulator = useSimulator();
let simulator: RunningSimulator;
let env: NodeJS.ProcessEnv;
beforeAll(() => {
  simulator = currentSimulator();
  env = demoEnv(simulator, { BOOMI_SPACE_GUID: DEMO.spaceId, SFTP_PASSWORD: 'p' });
});

/** The words of one run of each command, in an order where each finds what the ones before made. */
const RUNS: Array<[keyof typeof SENDS, string[]]> = [
  ['spaces', []],
  ['space', ['Demo_Space']],
  ['install', ['Invoice Sync', '--name', 'EU invoices', '--space', 'Demo_Space']],
  ['instances', []],
  ['environments', []],
  ['attach', ['EU invoices', '--env', 'Production']],
  ['processes', ['EU invoices']],
  ['extensions', ['EU invoices', '--env', 'Production']],
  ['configure', ['EU invoices', '--env', 'Production', '--set-secret', 'SFTP.password=SFTP_PASSWORD']],
  ['schedule', ['EU invoices', '--process', 'Invoice export', '--cron', '0 1 * * *']],
  ['run', ['EU invoices', '--process', 'Invoice export']],
  ['executions', ['EU invoices', '--process', 'Invoice export', '--status', 'ERROR']],
  ['executions', ['EU invoices', '--process', 'Invoice export']],
  ['accounts', ['--contains', 'a']],
  ['accounts', []],
  ['detach', ['EU invoices', '--env', 'Production']],
  ['uninstall', ['EU invoices']],
  ['catalog search', ['sftp']],
  ['space create', ['--name', 'Scratch', '--account-group', DEMO.accountGroupId]],
  ['space update', ['Scratch', '--name', 'Scratch 2']],
  ['space delete', ['Scratch 2', '--yes']],
];

describe('the operations each command declares', () => {
  it('are all it sends', async () => {
    for (const [command, args] of RUNS) {
      simulator.stats.operations = {};
      const run = await runCli([...command.split(' '), ...args], { env });
      expect({ command, stderr: run.stderr, code: run.code }).toEqual({ command, stderr: '', code: 0 });
      const sent = Object.keys(simulator.stats.operations);
      expect({ command, undeclared: sent.filter((op) => !(SENDS[command] as readonly string[]).includes(op)) }).toEqual(
        {
          command,
          undeclared: [],
        },
      );
    }
  });

  it('name commands of the tree, and every one of them runs here', () => {
    const io = { stdout: new Capture(), stderr: new Capture(), env: {}, stdin: Readable.from([]) };
    const program = buildProgram(createContext({ ...io, signals: new EventEmitter() }, []));
    for (const command of Object.keys(SENDS)) {
      let found: CommandUnknownOpts | undefined = program;
      for (const word of command.split(' '))
        found = (found?.commands as CommandUnknownOpts[] | undefined)?.find((c) => c.name() === word);
      expect({ command, found: found !== undefined }).toEqual({ command, found: true });
    }
    expect(new Set(RUNS.map(([command]) => command))).toEqual(new Set(Object.keys(SENDS)));
  });
});
