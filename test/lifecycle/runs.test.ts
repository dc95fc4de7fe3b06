import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { createSpacesClient, OutcomeUnknownError, type SpacesClient } from '../../src/index.js';
import { DEMO } from '../../src/simulator/model/seed.js';
import { attachedInvoiceSync, createTestMock, TEST_TOKEN } from '../support/spacesMock.js';
import { withMswServer } from '../support/setupMsw.js';

const mock = createTestMock();
withMswServer(...mock.handlers);
const PROD = DEMO.environments.prod;
const T0 = Date.parse('2026-11-29T10:00:00Z');

let client: SpacesClient;
let instanceId: string;
let processId: string;
beforeEach(async () => {
  mock.reset();
  client = createSpacesClient({ token: TEST_TOKEN, spaceGuid: DEMO.spaceId, rateLimit: false });
  instanceId = await attachedInvoiceSync(client, 'EU');
  processId = (await client.listProcesses(instanceId))[0]!.id;
});
afterEach(() => {
  jest.useRealTimers();
});

const sent = (operation: string) => mock.requests.filter((name) => name === operation).length;

/** Settles a call while the fake clock runs, in steps. */
async function onFakeClock<T>(call: () => Promise<T>, stepMs = 100): Promise<T> {
  let settled = false;
  const promise = call().finally(() => (settled = true));
  promise.catch(() => undefined);
  for (let elapsed = 0; !settled && elapsed < 120_000; elapsed += stepMs) await jest.advanceTimersByTimeAsync(stepMs);
  return promise;
}

describe('executeProcess and runProcess', () => {
  beforeEach(() => {
    jest.useFakeTimers({ doNotFake: ['queueMicrotask', 'nextTick', 'setImmediate'], now: T0 });
  });

  it('runProcess with wait polls with backoff until a final status: ERROR while a required field is unset', async () => {
    const result = await onFakeClock(() => client.runProcess({ processId, atomId: DEMO.atoms.prod }, { wait: true }));
    expect(result.execution).toMatchObject({
      status: 'ERROR',
      executionType: 'exec_manual',
      message: 'Connection "SFTP": the required field "host" is not set in environment "Production"',
    });
    expect(result.request?.requestId).toMatch(/^executionrecord-/);
    // STARTED for 0.5 s, INPROCESS for 1 s: looks at 1 s and 2.5 s (and one before the run).
    expect(sent('listExecutions')).toBe(3);
    expect(Date.now() - T0).toBeLessThan(3000);
  });

  it('after the field is set, the run COMPLETEs, with sizes and durations as numbers', async () => {
    await client.updateExtensions({
      instanceId,
      environmentId: PROD,
      connections: { SFTP: { host: 'sftp.acme.example' } },
    });
    const { execution } = await onFakeClock(() =>
      client.runProcess({ processId, atomId: DEMO.atoms.prod }, { wait: true }),
    );
    expect(execution).toMatchObject({ status: 'COMPLETE', executionDuration: 1500, inboundDocumentCount: 12 });
    expect(typeof execution!.outboundDocumentSize).toBe('number');
    const history = await client.listExecutions({ processId, since: new Date(T0) });
    expect(history.map((e) => e.status)).toEqual(['COMPLETE']);
    expect(await client.listExecutions({ processId, since: new Date(T0), status: 'ERROR' })).toEqual([]);
  });

  it('a call deadline before the end is TIMEOUT naming the execution, which goes on', async () => {
    const error = await onFakeClock(() =>
      client
        .runProcess({ processId, atomId: DEMO.atoms.prod }, { wait: true, timeoutMs: 1200 })
        .catch((e: unknown) => e),
    );
    expect(error).toMatchObject({ code: 'TIMEOUT', mayHaveExecuted: true });
    expect((error as Error).message).toMatch(/while the run was (STARTED|INPROCESS) \(execution execution-/);
    expect(mock.state.executions).toHaveLength(1);
  });

  it('a lost processExecute answer does not start a second run: the history shows it, reconciled', async () => {
    mock.dropNext('executeProcess');
    const result = await onFakeClock(() => client.executeProcess({ processId, atomId: DEMO.atoms.prod }));
    expect(result.reconciled).toBe(true);
    expect(result.execution?.executionId).toBe(mock.state.executions[0]!.executionId);
    expect(mock.state.executions).toHaveLength(1);
    expect(sent('executeProcess')).toBe(1);
  });

  it('an ambiguous failure with no run in the history is OutcomeUnknownError, never a re-send', async () => {
    mock.failNext('executeProcess', { status: 502 });
    const error = await onFakeClock(() =>
      client.executeProcess({ processId, atomId: DEMO.atoms.prod }).catch((e: unknown) => e),
    );
    expect(error).toBeInstanceOf(OutcomeUnknownError);
    expect(error).toMatchObject({ key: { operation: 'execute', processId, atomId: DEMO.atoms.prod } });
    expect(sent('executeProcess')).toBe(1);
    expect(mock.state.executions).toHaveLength(0);
  });
});

describe('accounts and publishing', () => {
  it('lists the Space’s accounts, all or matching', async () => {
    expect((await client.listSpaceAccounts()).map((a) => a.name)).toEqual(['Acme Europe', 'Acme Americas', 'Globex']);
    expect(await client.listSpaceAccounts({ operator: 'STARTSWITH', argument: 'glo' })).toEqual([
      { id: 'globex-AB1234', name: 'Globex' },
    ]);
    await expect(client.listSpaceAccounts({ operator: 'LIKE' as 'CONTAINS', argument: 'x' })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
  });

  it('creates a Space once even when the answer is lost, updates it (repeated after a 503) and deletes it', async () => {
    mock.dropNext('createSpace');
    const space = await client.createSpace({ name: 'Partner space', accountGroupId: DEMO.accountGroupId });
    expect(mock.state.spaces.filter((s) => s.name === 'Partner space')).toHaveLength(1);
    mock.failNext('updateSpace', { status: 503 });
    expect((await client.updateSpace({ id: space.id, name: 'Renamed' })).name).toBe('Renamed');
    expect(sent('updateSpace')).toBe(2);
    await client.deleteSpace(space.id);
    await expect(client.getSpace(space.id)).rejects.toMatchObject({ code: 'SPACE_IS_DELETED' });
    await expect(client.createSpace({ name: ' ', accountGroupId: DEMO.accountGroupId })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
  });

  it('reads OAuth details with the client secret replaced and redacted from later errors', async () => {
    const crm = await client.installIntegrationPack({
      integrationPackId: DEMO.packs.customerMaster,
      integrationPackOverrideName: 'CRM',
    });
    const details = await client.getOAuthConnectorDetails({
      instanceId: crm.id,
      environmentId: PROD,
      processId: 'p',
      connectionId: 'e6f7a8b9-5f6a-4b7c-9d8e-0f1a2b3c4d06',
      spaceId: DEMO.spaceId,
    });
    expect(details.details.accessTokenParams).toEqual({ grant_type: 'authorization_code', client_secret: '(secret)' });
    expect(JSON.stringify(details)).not.toContain('dummy-client-secret');
    mock.failNext('listSpaces', { status: 400, message: 'echo dummy-client-secret' });
    const error = await client.listSpaces().catch((e: unknown) => e);
    expect(JSON.stringify(error)).not.toContain('dummy-client-secret');
  });
});
