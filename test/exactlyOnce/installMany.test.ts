import { describe, expect, it } from '@jest/globals';
import { OutcomeUnknownError } from '../../src/index.js';
import { DEMO } from '../../src/simulator/model/seed.js';
import { useSimulatorClient } from '../support/simulator.js';
import { simulatorClient } from '../support/simulatorClient.js';

const fx = useSimulatorClient();

const tenants = (n: number, prefix = 'tenant') =>
  Array.from({ length: n }, (_, i) => ({
    integrationPackId: DEMO.packs.invoiceSync,
    integrationPackOverrideName: `${prefix}-${i}`,
  }));

describe('installMany', () => {
  it.each([
    [60, 25, 3],
    [50, 25, 2],
    [7, 3, 3],
    [1, 25, 1],
  ])('sends ⌈N/batchSize⌉ requests for N installs (N=%i, batchSize=%i)', async (n, batchSize, requests) => {
    const results = await fx.client.installMany(tenants(n), { batchSize });
    expect(results.every((r) => r.ok)).toBe(true);
    expect(fx.simulator.stats.operations.installIpackBatch).toBe(requests);
    expect(fx.simulator.platform.state.instances).toHaveLength(n);
  });

  it('keeps the result types and the order of the items', async () => {
    const results = await fx.client.installMany([...tenants(2), { integrationPackId: DEMO.packs.orderIntake }]);
    expect(
      results.map((r) =>
        r.ok ? [r.instance.integrationPackId, r.instance.integrationPackOverrideName, r.instance.reconciled] : r.error,
      ),
    ).toEqual([
      [DEMO.packs.invoiceSync, 'tenant-0', false],
      [DEMO.packs.invoiceSync, 'tenant-1', false],
      [DEMO.packs.orderIntake, null, false],
    ]);
    for (const r of results) if (r.ok) expect(r.instance.id).toMatch(/^[A-Za-z0-9+/]+$/);
  });

  it('gives each item the error of its own alias; the others succeed', async () => {
    await fx.client.installIntegrationPack({ integrationPackId: DEMO.packs.orderIntake });
    const results = await fx.client.installMany([
      tenants(1)[0]!,
      { integrationPackId: DEMO.packs.orderIntake },
      { integrationPackId: DEMO.packs.unsharedArchive },
      tenants(2)[1]!,
    ]);
    expect(results.map((r) => (r.ok ? 'ok' : r.error.code))).toEqual([
      'ok',
      'IPACK_ALREADY_INSTALLED',
      'IPACK_NOT_FOUND_IN_SPACE',
      'ok',
    ]);
    expect(results[1]!.ok || results[1]!.error.message).toContain(
      `installIpack failed for "${DEMO.packs.orderIntake}"`,
    );
  });

  it('refuses bad items before sending and installs the rest', async () => {
    const results = await fx.client.installMany([
      { integrationPackId: ' ' },
      { integrationPackId: DEMO.packs.invoiceSync, spaceId: DEMO.spaceId },
      ...tenants(1),
    ]);
    expect(results.map((r) => (r.ok ? 'ok' : r.error.code))).toEqual(['INVALID_INPUT', 'INVALID_INPUT', 'ok']);
    expect(fx.simulator.stats.operations.installIpackBatch).toBe(1);
  });

  it('installs a natural key listed twice once; both items get the instance', async () => {
    const [a, b] = await fx.client.installMany([...tenants(1), ...tenants(1)]);
    expect(a!.ok && b!.ok && a!.instance.id === b!.instance.id).toBe(true);
    expect(fx.simulator.platform.state.instances).toHaveLength(1);
  });

  it('reconciles a batch whose answer is lost, item by item, without installing twice', async () => {
    fx.simulator.faults.queue('drop-after-execute');
    const results = await fx.client.installMany(tenants(5));
    expect(results.every((r) => r.ok && r.instance.reconciled)).toBe(true);
    expect(fx.simulator.stats.operations.installIpackBatch).toBe(1);
    expect(fx.simulator.platform.state.instances).toHaveLength(5);
  });

  it('re-sends only what the listing proved absent after a 503', async () => {
    await fx.client.installMany(tenants(2));
    fx.simulator.stats.operations = {};
    fx.simulator.faults.queue('unavailable');
    const results = await fx.client.installMany(tenants(4));
    expect(results.every((r) => r.ok)).toBe(true);
    expect(fx.simulator.stats.operations.installIpackBatch).toBe(2);
    // tenant-0 and -1 existed: found by the listing, not installed again.
    expect(fx.simulator.platform.state.instances).toHaveLength(4);
  });

  it('when the listing fails too, each open item gets OutcomeUnknownError with its key', async () => {
    const oneShot = simulatorClient(fx.simulator, { retry: { maxAttempts: 1, reconcileAttempts: 1 } });
    fx.simulator.faults.queue('drop-after-execute', 'unavailable');
    const results = await oneShot.installMany(tenants(2));
    for (const [i, r] of results.entries()) {
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.error).toBeInstanceOf(OutcomeUnknownError);
        expect((r.error as OutcomeUnknownError).key).toEqual({
          operation: 'install',
          integrationPackId: DEMO.packs.invoiceSync,
          integrationPackOverrideName: `tenant-${i}`,
        });
      }
    }
  });

  it('reports each item as its batch settles, before the next batch is sent', async () => {
    const seen: Array<{ index: number; batchesSent: number }> = [];
    await fx.client.installMany(tenants(6), {
      batchSize: 2,
      onResult: (_result, index) =>
        seen.push({ index, batchesSent: fx.simulator.stats.operations.installIpackBatch ?? 0 }),
    });
    expect(seen).toEqual([0, 1, 2, 3, 4, 5].map((index) => ({ index, batchesSent: Math.floor(index / 2) + 1 })));
  });

  it('reuseExisting: an instance installed meanwhile by someone else counts as done, with its id', async () => {
    const [other] = await simulatorClient(fx.simulator).installMany(tenants(1));
    await fx.client.installIntegrationPack({ integrationPackId: DEMO.packs.orderIntake });
    const items = [...tenants(2), { integrationPackId: DEMO.packs.orderIntake }];
    const refused = await fx.client.installMany(items);
    expect(refused.map((r) => (r.ok ? 'ok' : r.error.code))).toEqual([
      'IPACK_OVERRIDE_NAME_IN_USE',
      'ok',
      'IPACK_ALREADY_INSTALLED',
    ]);
    const reused = await fx.client.installMany(items, { reuseExisting: true });
    expect(reused.every((r) => r.ok && r.instance.reconciled)).toBe(true);
    expect(reused[0]!.ok && reused[0]!.instance.id).toBe(other!.ok && other!.instance.id);
    expect(fx.simulator.platform.state.instances).toHaveLength(3);
  });
});
