import { describe, expect, it } from '@jest/globals';
import { RUN_PHASES_MS } from '../../src/simulator/model/processes.js';
import { DEMO } from '../../src/simulator/model/seed.js';
import { startSimulator } from '../../src/simulator/server/startSimulator.js';
import { fastClock, useSimulatorClient } from '../support/simulator.js';
import { simulatorClient } from '../support/simulatorClient.js';

// Runs finish before the client's first look (250 ms): the test waits on no run's phases.
const fixture = useSimulatorClient({ now: fastClock(10) });
const PROD = DEMO.environments.prod;

describe('the lifecycle against the simulator over HTTP', () => {
  it('configures, schedules, runs and watches an instance with every SDK method', async () => {
    const { client } = fixture;
    const { id: instanceId } = await client.installIntegrationPack({
      integrationPackId: DEMO.packs.invoiceSync,
      integrationPackOverrideName: 'EU invoices',
    });
    expect((await client.listProcesses(instanceId))[0]!.processSchedules).toBeNull();
    await client.attachIntegrationPackInstance({ integrationPackInstanceId: instanceId, environmentIds: [PROD] });
    const [process] = await client.listProcesses(instanceId);

    const failed = await client.runProcess(
      { processId: process!.id, atomId: DEMO.atoms.prod },
      { wait: true, pollIntervalMs: 250 },
    );
    expect(failed.execution?.status).toBe('ERROR');

    const { changes } = await client.updateExtensions({
      instanceId,
      environmentId: PROD,
      connections: { SFTP: { host: 'sftp.acme.example', password: 'sim-secret-123' } },
    });
    expect(changes.map((c) => `${c.setting}:${c.to}`)).toEqual(['host:sftp.acme.example', 'password:(secret)']);
    const [read] = await client.getExtensions(instanceId, [PROD]);
    expect(read!.mapExtensions).toEqual([]);
    expect(read!.extensions!.connections[0]!.field.find((f) => f.id === 'password')).toMatchObject({
      encryptedValueSet: true,
    });

    const schedules = await client.updateSchedules({ instanceId, processId: process!.id, schedules: ['0 6 * * 1'] });
    expect(schedules.schedule[0]).toMatchObject({ minutes: '0', hours: '6', daysOfWeek: '2' });

    const started = await client.executeProcess({ processId: process!.id, atomId: DEMO.atoms.prod });
    expect(started.request?.recordUrl).toContain('ExecutionRecord');
    const done = await client.runProcess(
      { processId: process!.id, atomId: DEMO.atoms.prod },
      { wait: true, pollIntervalMs: 250 },
    );
    expect(done.execution?.status).toBe('COMPLETE');
    const history = await client.listExecutions({ processId: process!.id, since: new Date(Date.now() - 60_000) });
    expect(history).toHaveLength(3);
    expect(history[0]!.status).toBe('ERROR');
  });

  it("moves a run through its phases on the `now` option's clock", async () => {
    let clock = Date.now();
    const simulator = await startSimulator({ now: () => clock });
    const client = simulatorClient(simulator);
    try {
      const { id: instanceId } = await client.installIntegrationPack({ integrationPackId: DEMO.packs.orderIntake });
      await client.attachIntegrationPackInstance({ integrationPackInstanceId: instanceId, environmentIds: [PROD] });
      const [process] = await client.listProcesses(instanceId);
      const processId = process!.id;
      await client.executeProcess({ processId, atomId: DEMO.atoms.prod });
      const status = async () =>
        (await client.listExecutions({ processId, since: new Date(clock - 60_000) })).map((e) => e.status);
      expect(await status()).toEqual(['STARTED']);
      clock += RUN_PHASES_MS.started;
      expect(await status()).toEqual(['INPROCESS']);
      clock += RUN_PHASES_MS.inProcess;
      expect(await status()).toEqual([expect.stringMatching(/^(COMPLETE|ERROR)$/)]);
    } finally {
      await client.close();
      await simulator.close();
    }
  });

  it('lists accounts, reads OAuth details and publishes Spaces', async () => {
    const { client } = fixture;
    expect(await client.listSpaceAccounts({ operator: 'CONTAINS', argument: 'americas' })).toEqual([
      { id: 'acme-US0815', name: 'Acme Americas' },
    ]);
    const crm = await client.installIntegrationPack({
      integrationPackId: DEMO.packs.customerMaster,
      integrationPackOverrideName: 'CRM',
    });
    const oauth = await client.getOAuthConnectorDetails({
      instanceId: crm.id,
      environmentId: PROD,
      processId: 'p',
      connectionId: 'e6f7a8b9-5f6a-4b7c-9d8e-0f1a2b3c4d06',
      spaceId: DEMO.spaceId,
    });
    expect(oauth.details).toMatchObject({ baseURL: 'https://crm.example.com/oauth2', clientId: 'boomi-spaces-demo' });
    const space = await client.createSpace({ name: 'Partner', accountGroupId: DEMO.accountGroupId, description: 'd' });
    await expect(client.createSpace({ name: 'Partner', accountGroupId: DEMO.accountGroupId })).rejects.toMatchObject({
      code: 'SPACE_EXISTS_FOR_ACCT_GRP',
    });
    expect((await client.updateSpace({ id: space.id, name: 'Partner 2' })).name).toBe('Partner 2');
    await client.deleteSpace(space.id);
    await expect(client.deleteSpace(space.id)).rejects.toMatchObject({ code: 'SPACE_IS_DELETED' });
  });
});
