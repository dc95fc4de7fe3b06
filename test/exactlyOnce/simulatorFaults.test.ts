import { describe, expect, it } from '@jest/globals';
import { OutcomeUnknownError, SpacesError } from '../../src/index.js';
import { DEMO } from '../../src/simulator/model/seed.js';
import { useSimulatorClient } from '../support/simulator.js';
import { simulatorClient } from '../support/simulatorClient.js';

const fx = useSimulatorClient();

const sent = (operation: string) => fx.simulator.stats.operations[operation] ?? 0;

describe('installs stay exactly-once through a lossy platform', () => {
  it('100 installs through 30% dropped answers, 10% 503 and 10% 429: 100 instances, no duplicate', async () => {
    fx.simulator.faults.set({
      dropAfterExecuteRate: 0.3,
      unavailableRate: 0.1,
      rateLimitedRate: 0.1,
      retryAfterSeconds: 0,
      seed: 2026,
    });
    // A lossy network needs more attempts than the defaults and a budget that does not run dry.
    const lossy = simulatorClient(fx.simulator, {
      retry: { maxAttempts: 20, baseDelayMs: 1, maxDelayMs: 5, budget: 10_000 },
    });
    const outcomes: Array<'installed' | 'reconciled' | 'unknown'> = [];
    for (let i = 0; i < 100; i++) {
      try {
        const instance = await lossy.installIntegrationPack({
          integrationPackId: DEMO.packs.invoiceSync,
          integrationPackOverrideName: `tenant-${i}`,
        });
        expect(instance.integrationPackOverrideName).toBe(`tenant-${i}`);
        outcomes.push(instance.reconciled ? 'reconciled' : 'installed');
      } catch (error) {
        expect(error).toBeInstanceOf(OutcomeUnknownError);
        outcomes.push('unknown');
      }
    }
    const names = fx.simulator.platform.state.instances.map((i) => i.integrationPackOverrideName);
    expect(new Set(names).size).toBe(names.length);
    expect(outcomes.filter((o) => o === 'unknown')).toEqual([]);
    expect(names).toHaveLength(100);
    // The faults did bite: some installs were only known through reconciliation.
    expect(outcomes.filter((o) => o === 'reconciled').length).toBeGreaterThan(10);
  });

  it('two concurrent installs of the same pack and name send one mutation; both get the instance', async () => {
    const request = { integrationPackId: DEMO.packs.invoiceSync, integrationPackOverrideName: 'EU' };
    const [a, b] = await Promise.all([
      fx.client.installIntegrationPack(request),
      fx.client.installIntegrationPack(request),
    ]);
    expect(a.id).toBe(b.id);
    expect(sent('installIpack')).toBe(1);
    expect(fx.simulator.platform.state.instances).toHaveLength(1);
  });

  it('two concurrent identical SINGLE installs send one mutation', async () => {
    const request = { integrationPackId: DEMO.packs.orderIntake };
    const results = await Promise.all([
      fx.client.installIntegrationPack(request),
      fx.client.installIntegrationPack(request),
    ]);
    expect(new Set(results.map((r) => r.id)).size).toBe(1);
    expect(sent('installIpack')).toBe(1);
  });

  it('a lost answer is reconciled from the listing, not re-sent', async () => {
    fx.simulator.faults.queue('drop-after-execute');
    const instance = await fx.client.installIntegrationPack({
      integrationPackId: DEMO.packs.invoiceSync,
      integrationPackOverrideName: 'EU',
    });
    expect(instance).toMatchObject({ integrationPackOverrideName: 'EU', reconciled: true });
    expect(sent('installIpack')).toBe(1);
    expect(sent('listIntegrationPackInstances')).toBe(1);
    expect(fx.simulator.platform.state.instances).toHaveLength(1);
  });

  it('an install certainly absent after a 5xx is sent once more and reconciled', async () => {
    fx.simulator.faults.queue('unavailable');
    const instance = await fx.client.installIntegrationPack({ integrationPackId: DEMO.packs.orderIntake });
    expect(instance.reconciled).toBe(true);
    expect(sent('installIpack')).toBe(2);
    expect(fx.simulator.platform.state.instances).toHaveLength(1);
  });

  it('a 429 on a mutation is waited out and re-sent (it was not executed)', async () => {
    fx.simulator.faults.set({ retryAfterSeconds: 0 });
    fx.simulator.faults.queue('rate-limited');
    const instance = await fx.client.installIntegrationPack({ integrationPackId: DEMO.packs.orderIntake });
    expect(instance.reconciled).toBe(false);
    expect(sent('installIpack')).toBe(2);
    expect(sent('listIntegrationPackInstances')).toBe(0);
  });

  it('when the listing fails too, OutcomeUnknownError carries the natural key', async () => {
    const oneShot = simulatorClient(fx.simulator, { retry: { maxAttempts: 1, reconcileAttempts: 1 } });
    fx.simulator.faults.queue('drop-after-execute', 'unavailable');
    const error = await oneShot
      .installIntegrationPack({ integrationPackId: DEMO.packs.invoiceSync, integrationPackOverrideName: 'EU' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OutcomeUnknownError);
    expect(error).toMatchObject({
      code: 'OUTCOME_UNKNOWN',
      key: { operation: 'install', integrationPackId: DEMO.packs.invoiceSync, integrationPackOverrideName: 'EU' },
      cause: { code: 'NETWORK_ERROR' },
    });
    expect((error as Error).message).toContain('the outcome is unknown');
    // It did happen: the caller must look before repeating.
    expect(fx.simulator.platform.state.instances).toHaveLength(1);
  });

  it('a definite refusal is not reconciled', async () => {
    await fx.client.installIntegrationPack({ integrationPackId: DEMO.packs.orderIntake });
    await expect(fx.client.installIntegrationPack({ integrationPackId: DEMO.packs.orderIntake })).rejects.toMatchObject(
      {
        code: 'IPACK_ALREADY_INSTALLED',
      },
    );
    expect(sent('listIntegrationPackInstances')).toBe(0);
  });
});

describe('uninstall, attach and detach reconcile the same way', () => {
  it('uninstall whose answer is lost', async () => {
    const instance = await fx.client.installIntegrationPack({ integrationPackId: DEMO.packs.orderIntake });
    fx.simulator.faults.queue('drop-after-execute');
    await expect(fx.client.uninstallIntegrationPack(instance.id)).resolves.toBe(instance.id);
    expect(sent('uninstallIpack')).toBe(1);
    expect(fx.simulator.platform.state.instances).toEqual([]);
  });

  it('uninstall refused with a 5xx before executing is sent once more', async () => {
    const instance = await fx.client.installIntegrationPack({ integrationPackId: DEMO.packs.orderIntake });
    fx.simulator.faults.queue('unavailable');
    await expect(fx.client.uninstallIntegrationPack(instance.id)).resolves.toBe(instance.id);
    expect(sent('uninstallIpack')).toBe(2);
  });

  it('attach whose answer is lost returns the attachments from the listing', async () => {
    const instance = await fx.client.installIntegrationPack({ integrationPackId: DEMO.packs.orderIntake });
    fx.simulator.faults.queue('drop-after-execute');
    const attachments = await fx.client.attachIntegrationPackInstance({
      integrationPackInstanceId: instance.id,
      environmentIds: [DEMO.environments.prod, DEMO.environments.test],
    });
    expect(attachments.map((a) => a.environmentId)).toEqual([DEMO.environments.prod, DEMO.environments.test]);
    expect(sent('attachIpackInstance')).toBe(1);
    expect(fx.simulator.platform.state.attachments).toHaveLength(2);
  });

  it('attach after a 5xx re-sends only the environments still missing', async () => {
    const instance = await fx.client.installIntegrationPack({ integrationPackId: DEMO.packs.orderIntake });
    await fx.client.attachIntegrationPackInstance({
      integrationPackInstanceId: instance.id,
      environmentIds: [DEMO.environments.prod],
    });
    fx.simulator.stats.operations = {};
    fx.simulator.faults.queue('unavailable');
    const attachments = await fx.client.attachIntegrationPackInstance({
      integrationPackInstanceId: instance.id,
      environmentIds: [DEMO.environments.prod, DEMO.environments.test],
    });
    expect(attachments.map((a) => a.environmentId)).toEqual([DEMO.environments.prod, DEMO.environments.test]);
    expect(sent('attachIpackInstance')).toBe(2);
    expect(fx.simulator.platform.state.attachments).toHaveLength(2);
  });

  it('detach whose answer is lost', async () => {
    const instance = await fx.client.installIntegrationPack({ integrationPackId: DEMO.packs.orderIntake });
    const [attachment] = await fx.client.attachIntegrationPackInstance({
      integrationPackInstanceId: instance.id,
      environmentIds: [DEMO.environments.prod],
    });
    fx.simulator.faults.queue('drop-after-execute');
    await expect(fx.client.detachIntegrationPackInstance(attachment!.id)).resolves.toBe(attachment!.id);
    expect(sent('detachIpackInstance')).toBe(1);
    expect(fx.simulator.platform.state.attachments).toEqual([]);
  });

  it('uninstall whose outcome cannot be established raises OutcomeUnknownError with the instance id', async () => {
    const instance = await fx.client.installIntegrationPack({ integrationPackId: DEMO.packs.orderIntake });
    const oneShot = simulatorClient(fx.simulator, { retry: { maxAttempts: 1, reconcileAttempts: 1 } });
    fx.simulator.faults.queue('unavailable', 'unavailable');
    const error = await oneShot.uninstallIntegrationPack(instance.id).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SpacesError);
    expect(error).toMatchObject({ code: 'OUTCOME_UNKNOWN', key: { operation: 'uninstall', instanceId: instance.id } });
  });
});
