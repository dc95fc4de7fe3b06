import { describe, expect, it } from '@jest/globals';
import { serverAudits } from 'graphql-http';
import { DEMO } from '../../src/simulator/model/seed.js';
import { startSimulator } from '../../src/simulator/server/startSimulator.js';
import { useSimulatorClient } from '../support/simulator.js';
import { fetchJwt, postGraphQL, simulatorClient } from '../support/simulatorClient.js';

const fx = useSimulatorClient();

const install = (integrationPackId: string, integrationPackOverrideName?: string) =>
  fx.client.installIntegrationPack({ integrationPackId, integrationPackOverrideName });

describe('install rules', () => {
  it('refuses a pack the space does not share: IPACK_NOT_FOUND_IN_SPACE', async () => {
    await expect(install(DEMO.packs.unsharedArchive)).rejects.toMatchObject({ code: 'IPACK_NOT_FOUND_IN_SPACE' });
    await expect(install('no-such-pack')).rejects.toMatchObject({ code: 'IPACK_NOT_FOUND_IN_SPACE' });
  });

  it('installs a SINGLE pack once', async () => {
    await install(DEMO.packs.orderIntake);
    await expect(install(DEMO.packs.orderIntake)).rejects.toMatchObject({
      code: 'IPACK_ALREADY_INSTALLED',
      message: expect.stringContaining('"Order Intake" is SINGLE and is already installed'),
    });
    expect(fx.simulator.platform.state.instances).toHaveLength(1);
  });

  it('refuses an override name on a SINGLE pack and its absence on a MULTI pack', async () => {
    await expect(install(DEMO.packs.orderIntake, 'named')).rejects.toMatchObject({
      code: 'IPACK_OVERRIDE_NAME_NOT_ALLOWED',
    });
    await expect(install(DEMO.packs.invoiceSync)).rejects.toMatchObject({
      code: 'IPACK_OVERRIDE_NAME_REQUIRED',
      message: expect.stringContaining('integrationPackOverrideName is required'),
    });
  });

  it('installs a MULTI pack under distinct names and refuses a name used twice', async () => {
    await install(DEMO.packs.invoiceSync, 'EU');
    await install(DEMO.packs.invoiceSync, 'US');
    await install(DEMO.packs.customerMaster, 'EU');
    await expect(install(DEMO.packs.invoiceSync, 'EU')).rejects.toMatchObject({ code: 'IPACK_OVERRIDE_NAME_IN_USE' });
    expect(fx.simulator.platform.state.instances).toHaveLength(3);
  });

  it('gives base64-like instance ids', async () => {
    const instance = await install(DEMO.packs.orderIntake);
    expect(instance.id).toMatch(/^[A-Za-z0-9+/]+$/);
    expect(Buffer.from(instance.id, 'base64').toString()).toMatch(/^IntegrationPackInstance\d+$/);
  });

  it('refuses an unknown instance: IPACK_INSTANCE_ID_INVALID', async () => {
    await expect(fx.client.uninstallIntegrationPack('SW52YWxpZA')).rejects.toMatchObject({
      code: 'IPACK_INSTANCE_ID_INVALID',
    });
    await expect(
      fx.client.attachIntegrationPackInstance({
        integrationPackInstanceId: 'SW52YWxpZA',
        environmentIds: [DEMO.environments.prod],
      }),
    ).rejects.toMatchObject({ code: 'IPACK_INSTANCE_ID_INVALID' });
  });

  it('refuses an unknown space: SPACE_NOT_FOUND, also as SPACE_GUID', async () => {
    await expect(fx.client.getSpace('00000000-0000-4000-8000-000000000000')).rejects.toMatchObject({
      code: 'SPACE_NOT_FOUND',
    });
    const stranger = simulatorClient(fx.simulator, { spaceGuid: '00000000-0000-4000-8000-000000000000' });
    await expect(stranger.listIntegrationPackInstances()).rejects.toMatchObject({ code: 'SPACE_NOT_FOUND' });
  });

  it('refuses space-scoped operations without SPACE_GUID', async () => {
    const noGuid = simulatorClient(fx.simulator, { spaceGuid: undefined });
    await expect(noGuid.listIntegrationPackInstances()).rejects.toMatchObject({ code: 'MISSING_SPACE_ID' });
    await expect(noGuid.listEnvironments()).rejects.toMatchObject({ code: 'MISSING_SPACE_ID' });
    await expect(noGuid.detachIntegrationPackInstance('x')).rejects.toMatchObject({ code: 'MISSING_SPACE_ID' });
    await expect(noGuid.listSpaces()).resolves.toHaveLength(1);
  });

  it('drops an uninstalled instance’s attachments (a simulator choice: the pages say nothing)', async () => {
    const instance = await install(DEMO.packs.invoiceSync, 'EU');
    await fx.client.attachIntegrationPackInstance({
      integrationPackInstanceId: instance.id,
      environmentIds: [DEMO.environments.prod, DEMO.environments.test],
    });
    expect(fx.simulator.platform.state.attachments).toHaveLength(2);
    await fx.client.uninstallIntegrationPack(instance.id);
    expect(fx.simulator.platform.state.attachments).toEqual([]);
    const environments = await fx.client.listEnvironments();
    expect(environments.flatMap((e) => e.integrationPackEnvironmentAttachment ?? [])).toEqual([]);
  });

  it('refuses an unknown environment and an unknown attachment', async () => {
    const instance = await install(DEMO.packs.orderIntake);
    await expect(
      fx.client.attachIntegrationPackInstance({
        integrationPackInstanceId: instance.id,
        environmentIds: ['no-such-env'],
      }),
    ).rejects.toMatchObject({ code: 'ENVIRONMENT_NOT_FOUND' });
    await expect(fx.client.detachIntegrationPackInstance('bm8tc3VjaA')).rejects.toMatchObject({
      code: 'ATTACHMENT_ID_INVALID',
    });
  });
});

describe('fault switches', () => {
  // Every call fails here, the listings that would reconcile the install too (all their patient
  // attempts, quick ones here): the outcome is unknown.
  const quickInstall = (integrationPackId: string) =>
    simulatorClient(fx.simulator, { retry: { baseDelayMs: 1, maxDelayMs: 5 } }).installIntegrationPack({
      integrationPackId,
    });

  it('answers 503 before executing', async () => {
    fx.simulator.faults.set({ unavailableRate: 1 });
    const error = await quickInstall(DEMO.packs.orderIntake).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'OUTCOME_UNKNOWN', cause: { code: 'HTTP_ERROR', status: 503 } });
    expect(fx.simulator.platform.state.instances).toEqual([]);
  });

  it('executes, then drops the connection without answering', async () => {
    fx.simulator.faults.set({ dropAfterExecuteRate: 1 });
    const error = await quickInstall(DEMO.packs.orderIntake).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'OUTCOME_UNKNOWN', cause: { code: 'NETWORK_ERROR' } });
    expect(fx.simulator.platform.state.instances).toHaveLength(1);
  });

  it('draws faults from the seed, so a run repeats', () => {
    const draws = () => {
      fx.simulator.faults.set({ unavailableRate: 0.3, dropAfterExecuteRate: 0.3, seed: 42 });
      return Array.from({ length: 50 }, () => fx.simulator.faults.next());
    };
    const first = draws();
    expect(draws()).toEqual(first);
    expect(new Set(first)).toEqual(new Set(['answer', 'unavailable', 'drop-after-execute']));
    expect(() => fx.simulator.faults.set({ unavailableRate: 2 })).toThrow(RangeError);
  });
});

describe('rate limit and latency', () => {
  it('answers 429 with Retry-After and a GraphQL error body above the limit', async () => {
    let clock = 10_000;
    const limited = await startSimulator({ rateLimit: 2, now: () => clock });
    try {
      const jwt = await (await fetchJwt(limited)).text();
      const call = () => postGraphQL(limited, { query: '{ spaces { id } }' }, { authorization: `Bearer ${jwt}` });
      expect((await call()).status).toBe(200);
      expect((await call()).status).toBe(200);
      const refused = await call();
      expect(refused.status).toBe(429);
      expect(refused.headers.get('retry-after')).toBe('1');
      expect(await refused.json()).toMatchObject({
        data: null,
        errors: [{ message: expect.stringContaining('Too Many Requests') }],
      });
      clock += 1000;
      expect((await call()).status).toBe(200);
    } finally {
      await limited.close();
    }
  });

  it('waits the configured latency before answering', async () => {
    const slow = await startSimulator({ latencyMs: 40 });
    try {
      const started = performance.now();
      await fetchJwt(slow);
      expect(performance.now() - started).toBeGreaterThanOrEqual(39);
    } finally {
      await slow.close();
    }
  });
});

describe('GraphQL-over-HTTP compliance (graphql-http serverAudits)', () => {
  it('passes every MUST audit', async () => {
    const jwt = await (await fetchJwt(fx.simulator)).text();
    const audits = serverAudits({
      url: fx.simulator.url,
      fetchFn: (input: RequestInfo | URL, init: RequestInit = {}) => {
        const headers = new Headers(init.headers);
        headers.set('authorization', `Bearer ${jwt}`);
        return fetch(input, { ...init, headers });
      },
    });
    const musts = audits.filter((audit) => audit.name.startsWith('MUST'));
    expect(musts.length).toBeGreaterThan(10);
    const failed: string[] = [];
    for (const audit of musts) {
      const result = await audit.fn();
      if (result.status !== 'ok') failed.push(`${audit.name}: ${result.reason}`);
    }
    expect(failed).toEqual([]);
  });
});
