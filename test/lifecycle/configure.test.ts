import { inspect } from 'node:util';
import { beforeEach, describe, expect, it } from '@jest/globals';
import {
  createSpacesClient,
  SpacesInputError,
  UpdateExtensionsDocument,
  type EnvironmentExtensions,
  type SpacesClient,
} from '../../src/index.js';
import { PlatformError } from '../../src/testing/index.js';
import { DEMO } from '../../src/simulator/model/seed.js';
import { attachedInvoiceSync, createTestMock, TEST_TOKEN } from '../support/spacesMock.js';
import { recordRequests, withMswServer } from '../support/setupMsw.js';

const mock = createTestMock();
const server = withMswServer(...mock.handlers);
const requests = recordRequests(server);
const PROD = DEMO.environments.prod;

let client: SpacesClient;
let instanceId: string;
beforeEach(async () => {
  mock.reset();
  client = createSpacesClient({ token: TEST_TOKEN, spaceGuid: DEMO.spaceId, rateLimit: false });
  instanceId = await attachedInvoiceSync(client);
  requests.length = 0;
});

const sent = (operation: string) => mock.requests.filter((name) => name === operation).length;
async function bodiesOf(operation: string): Promise<Array<{ variables: Record<string, unknown> }>> {
  const bodies = await Promise.all(requests.map(async (r) => (await r.clone().json()) as Record<string, unknown>));
  return bodies.filter((b) => b.operationName === operation) as Array<{ variables: Record<string, unknown> }>;
}
async function extensions(): Promise<EnvironmentExtensions> {
  const [found] = await client.getExtensions(instanceId, [PROD]);
  return found!.extensions!;
}
const valueOf = (e: EnvironmentExtensions, component: string, setting: string) =>
  e.connections.find((c) => c.name === component)?.field.find((f) => f.id === setting)?.value ??
  e.processProperties.find((p) => p.name === component)?.ProcessPropertyValue.find((v) => v.label === setting)?.value;

describe('processes and extensions', () => {
  it('lists a MULTI instance’s own processes with their schedules on the attached atom', async () => {
    const processes = await client.listProcesses(instanceId);
    expect(processes.map((p) => p.name)).toEqual(['Invoice export', 'Invoice status import']);
    expect(processes[0]!.id).not.toBe(DEMO.processes.invoiceExport);
    expect(processes[0]!.processSchedules).toMatchObject({
      processId: processes[0]!.id,
      atomId: DEMO.atoms.prod,
      schedule: [],
      retry: { maxRetry: 5 },
    });
  });

  it('reads connections (no encrypted value) and process properties', async () => {
    const current = await extensions();
    expect(current.connections[0]!.field.map((f) => f.id)).toEqual(['host', 'port', 'user', 'directory', 'password']);
    expect(current.connections[0]!.field[4]).toEqual({
      id: 'password',
      useDefault: true,
      usesEncryption: true,
      encryptedValueSet: false,
      componentOverride: false,
    });
    expect(valueOf(current, 'Invoice settings', 'Batch size')).toBe('100');
  });

  it('is INVALID_RESPONSE naming the operation and field when the JSON inside a string is malformed', async () => {
    mock.on('getExtensions', () => ({
      attachments: [
        { integrationPackInstanceId: instanceId, environmentExtensions: '{"id": ', environmentMapExtension: [''] },
      ],
    }));
    await expect(client.getExtensions(instanceId, [PROD])).rejects.toMatchObject({
      code: 'INVALID_RESPONSE',
      operationName: 'getExtensions',
      message: expect.stringContaining('attachments[0].environmentExtensions is not valid JSON'),
    });
  });
});

describe('updateExtensions', () => {
  it('sends a partial update: settings it does not name stay as they are', async () => {
    await client.updateExtensions({
      instanceId,
      environmentId: PROD,
      processProperties: { 'Invoice settings': { 'Batch size': '50', Currency: 'USD' } },
    });
    const { changes } = await client.updateExtensions({
      instanceId,
      environmentId: PROD,
      connections: { SFTP: { host: 'sftp.acme.example' } },
    });
    expect(changes).toEqual([
      { kind: 'connection', component: 'SFTP', setting: 'host', from: '', to: 'sftp.acme.example', secret: false },
    ]);
    const after = await extensions();
    expect(valueOf(after, 'SFTP', 'host')).toBe('sftp.acme.example');
    expect(valueOf(after, 'Invoice settings', 'Batch size')).toBe('50');
    expect(valueOf(after, 'Invoice settings', 'Currency')).toBe('USD');
    const [, second] = await bodiesOf('updateExtensions');
    const body = JSON.parse((second!.variables.input as Array<{ extensions: string }>)[0]!.extensions) as Record<
      string,
      unknown
    >;
    expect(body.partial).toBe('true');
    // Only what changes is named.
    expect(JSON.stringify(body)).not.toContain('Currency');
  });

  it('the platform’s trap is real: an update without "partial" resets what it does not name', async () => {
    await client.updateExtensions({
      instanceId,
      environmentId: PROD,
      processProperties: { 'Invoice settings': { Currency: 'USD' } },
    });
    const current = await extensions();
    const full = JSON.stringify({
      id: current.id,
      environmentId: PROD,
      connections: {
        connection: [{ id: current.connections[0]!.id, field: [{ id: 'host', value: 'h', useDefault: false }] }],
      },
    });
    await client.execute(UpdateExtensionsDocument, { input: [{ extensions: full, envExtensionId: current.id }] });
    expect(valueOf(await extensions(), 'Invoice settings', 'Currency')).toBe('EUR');
  });

  it('sends a full replace only when asked with resetUnspecified', async () => {
    await client.updateExtensions({
      instanceId,
      environmentId: PROD,
      processProperties: { 'Invoice settings': { Currency: 'USD' } },
    });
    await client.updateExtensions({
      instanceId,
      environmentId: PROD,
      connections: { SFTP: { host: 'h' } },
      resetUnspecified: true,
    });
    expect(valueOf(await extensions(), 'Invoice settings', 'Currency')).toBe('EUR');
  });

  it('sends nothing when every setting already is as asked', async () => {
    const { changes } = await client.updateExtensions({
      instanceId,
      environmentId: PROD,
      connections: { SFTP: { port: '22' } },
      processProperties: { 'Invoice settings': { 'Batch size': '100' } },
    });
    expect(changes).toEqual([]);
    expect(sent('updateExtensions')).toBe(0);
  });

  it('refuses an unknown connection or field, listing the known ones, and sends no update', async () => {
    await expect(
      client.updateExtensions({ instanceId, environmentId: PROD, connections: { FTP: { host: 'h' } } }),
    ).rejects.toThrow(/^No connection has the id or name "FTP"; known: "SFTP" \(c1d2e3f4-/);
    await expect(
      client.updateExtensions({ instanceId, environmentId: PROD, connections: { SFTP: { hostname: 'h' } } }),
    ).rejects.toThrow(/^No field of connection "SFTP" has the id or name "hostname"; known: "host", "port",/);
    await expect(
      client.updateExtensions({ instanceId, environmentId: PROD, connections: { SFTP: { hostname: 'h' } } }),
    ).rejects.toBeInstanceOf(SpacesInputError);
    expect(sent('updateExtensions')).toBe(0);
  });

  it('is repeated after a 503 (idempotent) and lands once', async () => {
    mock.failNext('updateExtensions', { status: 503 });
    await client.updateExtensions({ instanceId, environmentId: PROD, connections: { SFTP: { host: 'h' } } });
    expect(sent('updateExtensions')).toBe(2);
    expect(valueOf(await extensions(), 'SFTP', 'host')).toBe('h');
  });

  it('keeps a connection password out of every error, log and dump', async () => {
    const password = 'pw-Ju8#kq-secret';
    mock.on('updateExtensions', () => {
      throw new PlatformError('INVALID_EXTENSIONS', `the value ${password} is refused`);
    });
    const error = await client
      .updateExtensions({ instanceId, environmentId: PROD, connections: { SFTP: { password } } })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'INVALID_EXTENSIONS' });
    for (const text of [String(error), JSON.stringify(error), inspect(error, { depth: 10 })])
      expect(text).not.toContain(password);
    const read = await client.getExtensions(instanceId, [PROD]);
    expect(JSON.stringify(read)).not.toContain(password);
  });
});

describe('secrets by source', () => {
  it('a { secret } value for a field that is not encrypted: sent, shown as (secret), kept out of errors', async () => {
    const user = 'sftp-user-Qm7#secret';
    const { changes } = await client.updateExtensions({
      instanceId,
      environmentId: PROD,
      connections: { SFTP: { user: { secret: user } } },
    });
    expect(changes).toEqual([
      { kind: 'connection', component: 'SFTP', setting: 'user', from: '(not set)', to: '(secret)', secret: true },
    ]);
    expect(valueOf(await extensions(), 'SFTP', 'user')).toBe(user);
    // The platform returns a plain field's value: compared, so the same secret again sends nothing.
    const again = await client.updateExtensions({
      instanceId,
      environmentId: PROD,
      connections: { SFTP: { user: { secret: user } } },
    });
    expect(again.changes).toEqual([]);
    mock.on('updateExtensions', () => {
      throw new PlatformError('INVALID_EXTENSIONS', `the user ${user} is refused`);
    });
    const error = await client
      .updateExtensions({ instanceId, environmentId: PROD, connections: { SFTP: { user: { secret: `${user}2` } } } })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'INVALID_EXTENSIONS' });
    for (const text of [String(error), JSON.stringify(error), inspect(error, { depth: 10 })])
      expect(text).not.toContain(user);
  });
});

describe('updateMapExtensions', () => {
  it('sends map extensions as JSON strings and reads the BulkResult back; getExtensions shows them', async () => {
    const map = { id: 'map-ext-1', mapId: 'm1', name: 'Invoice map', Map: { BrowseSettings: {} } };
    const answered = await client.updateMapExtensions({ instanceId, environmentId: PROD, maps: [map] });
    expect(answered).toEqual([
      { id: 'map-ext-1', mapId: 'm1', name: 'Invoice map', raw: expect.objectContaining(map) },
    ]);
    const [read] = await client.getExtensions(instanceId, [PROD]);
    expect(read!.mapExtensions.map((m) => m.id)).toEqual(['map-ext-1']);
    await expect(
      client.updateMapExtensions({ instanceId, environmentId: PROD, maps: [{ name: 'x' }] }),
    ).rejects.toThrow(/must be an object with its `id`/);
  });
});

describe('updateSchedules', () => {
  it('converts cron lines (Monday to Friday is 2-6) and keeps the retry settings it is not given', async () => {
    const [process] = await client.listProcesses(instanceId);
    await client.updateSchedules({ instanceId, processId: process!.id, schedules: [], retry: { maxRetry: 3 } });
    const updated = await client.updateSchedules({
      instanceId,
      processId: process!.id,
      schedules: [
        '*/15 8-18 * * 1-5',
        { minutes: '0', hours: '2', daysOfWeek: '*', daysOfMonth: '*', months: '*', years: '*' },
      ],
    });
    expect(updated.schedule).toEqual([
      { minutes: '0-59/15', hours: '8-18', daysOfWeek: '2-6', daysOfMonth: '*', months: '*', years: '*' },
      { minutes: '0', hours: '2', daysOfWeek: '*', daysOfMonth: '*', months: '*', years: '*' },
    ]);
    expect(updated.retry.maxRetry).toBe(3);
    const [body] = await bodiesOf('updateProcessSchedules');
    expect(JSON.parse(body!.variables.processSchedules as string)).toMatchObject({
      Schedule: [],
      Retry: { maxRetry: 3 },
    });
  });

  it('refuses bad input before sending: a bad cron line, maxRetry 6, a process that is not deployed', async () => {
    const [process] = await client.listProcesses(instanceId);
    await expect(
      client.updateSchedules({ instanceId, processId: process!.id, schedules: ['61 * * * *'] }),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(
      client.updateSchedules({ instanceId, processId: process!.id, schedules: [], retry: { maxRetry: 6 } }),
    ).rejects.toThrow(/maxRetry/);
    const other = await client.installIntegrationPack({
      integrationPackId: DEMO.packs.invoiceSync,
      integrationPackOverrideName: 'not attached',
    });
    const [notDeployed] = await client.listProcesses(other.id);
    await expect(
      client.updateSchedules({ instanceId: other.id, processId: notDeployed!.id, schedules: ['0 6 * * *'] }),
    ).rejects.toThrow(/not deployed to an atom yet/);
    expect(sent('updateProcessSchedules')).toBe(0);
  });
});
