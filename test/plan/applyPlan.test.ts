// Plans applied through the SDK alone (boomi-spaces/plan), no CLI: against the msw kit we ship.
import { inspect } from 'node:util';
import { beforeEach, describe, expect, it } from '@jest/globals';
import { createSpacesClient, type SpacesClient } from 'boomi-spaces';
import {
  applyPlan,
  parsePlan,
  PlanAbortedError,
  planChanges,
  PlanError,
  sumTotals,
  type PlanItem,
} from 'boomi-spaces/plan';
import { DEMO } from '../../src/testing/index.js';
import { createTestMock, TEST_TOKEN } from '../support/spacesMock.js';
import { withMswServer } from '../support/setupMsw.js';

const mock = createTestMock();
withMswServer(...mock.handlers);

let client: SpacesClient;
beforeEach(() => {
  mock.reset();
  client = createSpacesClient({
    token: TEST_TOKEN,
    spaceGuid: DEMO.spaceId,
    rateLimit: false,
    retry: { baseDelayMs: 1, maxDelayMs: 2 },
  });
});

const PLAN = `space: ${DEMO.spaceId}
instances:
  - pack: Order Intake
    environments: [Production]
  - pack: Invoice Sync
    name: EU invoices
    environments: [Production]
    extensions:
      Production:
        connections:
          SFTP: { host: sftp.example.test, user: invoices }
        processProperties:
          Invoice settings: { Batch size: "50" }
    schedules:
      Invoice export: ["*/15 8-18 * * 1-5"]
`;
const plan = () => parsePlan(PLAN, 'plan.yaml');
/** The settings the fake platform holds for the "EU invoices" instance in Production. */
const invoicesSettings = () => {
  const instance = mock.state.instances.find((i) => i.integrationPackOverrideName === 'EU invoices');
  return mock.state.attachments.find(
    (a) => a.integrationPackInstanceId === instance?.id && a.environmentId === DEMO.environments.prod,
  )?.settings;
};
const statuses = (items: readonly PlanItem[]) => items.map((i) => `${i.status} ${i.kind}`);

describe('planChanges and applyPlan, without the CLI', () => {
  it('plans, applies every change, and then finds the account as planned', async () => {
    const planned = await planChanges(client, plan());
    expect(planned.space).toEqual({ id: DEMO.spaceId, name: 'Demo_Space' });
    expect(planned.totals.status).toEqual({ planned: 8, applied: 0, unchanged: 0, failed: 0, skipped: 0 });
    expect(mock.state.instances).toHaveLength(0);

    const seen: string[] = [];
    const applied = await applyPlan(client, planned, { onProgress: (item) => seen.push(item.status) });
    expect(statuses(applied.items)).toEqual([
      'applied install',
      'applied install',
      'applied attach',
      'applied attach',
      'applied configure',
      'applied configure',
      'applied configure',
      'applied schedule',
    ]);
    expect(seen).toEqual(applied.items.map((i) => i.status));
    expect(applied.totals.kind).toEqual({ install: 2, attach: 2, detach: 0, uninstall: 0, configure: 3, schedule: 1 });
    const invoices = mock.state.instances.find((i) => i.integrationPackOverrideName === 'EU invoices')!;
    const install = applied.items.find((i) => i.kind === 'install' && i.target.name === 'EU invoices')!;
    expect(install.instanceId).toBe(invoices.id);
    expect(applied.items.find((i) => i.kind === 'schedule')?.target).toMatchObject({
      instanceId: invoices.id,
      process: 'Invoice export',
    });

    const again = await planChanges(client, plan());
    expect(statuses(again.items)).toEqual(['unchanged install', 'unchanged install']);
    expect(again.changes).toEqual([]);
    expect(again.items[1]!.reason).toBe(`installed as ${invoices.id}`);
  });

  it('plans first when given the parsed plan itself', async () => {
    const applied = await applyPlan(client, plan());
    expect(applied.totals.status.applied).toBe(8);
    expect(applied.planned.totals.status.planned).toBe(8);
  });

  it('reads settings patiently: lost answers on the reads of a converged account fail nothing', async () => {
    await applyPlan(client, plan());
    // More lost answers in a row than a call's default 4 attempts, on each settings read.
    mock.faults.queueFor('listProcesses', ...Array.from({ length: 5 }, () => 'drop-after-execute' as const));
    mock.faults.queueFor('getExtensions', ...Array.from({ length: 5 }, () => 'drop-after-execute' as const));
    const again = await applyPlan(client, plan());
    expect(again.totals.status).toMatchObject({ applied: 0, failed: 0, planned: 0 });
    expect(again.planned.totals.status.unchanged).toBe(2);
  });

  it('reports a failed setting and applies the rest; applying again finishes it', async () => {
    mock.failNext('updateExtensions', { code: 'INVALID_EXTENSIONS', message: 'the platform refused it' });
    const applied = await applyPlan(client, plan());
    const failed = applied.items.filter((i) => i.status === 'failed');
    expect(failed.map((i) => i.kind)).toEqual(['configure', 'configure', 'configure']);
    expect(failed[0]).toMatchObject({
      reason: expect.stringContaining('the platform refused it'),
      error: { code: 'INVALID_EXTENSIONS' },
      target: { environment: 'Production', component: 'SFTP', setting: 'host' },
    });
    expect(applied.totals.status).toMatchObject({ applied: 5, failed: 3 });

    const rest = await applyPlan(client, plan());
    expect(statuses(rest.items)).toEqual(['applied configure', 'applied configure', 'applied configure']);
    expect(rest.planned.totals.status).toMatchObject({ unchanged: 2, planned: 3 });
  });

  it('stops at an abort: what settled is reported, the rest skipped, nothing more sent', async () => {
    const controller = new AbortController();
    const error = await applyPlan(client, plan(), {
      signal: controller.signal,
      onProgress: () => controller.abort(new Error('stop')),
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PlanAbortedError);
    const { result } = error as PlanAbortedError;
    expect((error as PlanAbortedError).code).toBe('ABORTED');
    // Both installs went in one request; the attachments, settings and schedule were not reached.
    expect(statuses(result.items)).toEqual([
      'applied install',
      'applied install',
      'skipped attach',
      'skipped attach',
      'skipped configure',
      'skipped configure',
      'skipped configure',
      'skipped schedule',
    ]);
    expect(result.items[2]!.reason).toBe('not made: the apply was aborted');
    expect(mock.state.instances).toHaveLength(2);
    expect(mock.requests.filter((r) => /attach|updateExtensions|Schedules/i.test(r))).toEqual([]);
  });

  it('planning rejects at once with an aborted signal, and sends nothing', async () => {
    const controller = new AbortController();
    controller.abort(new Error('stop'));
    await expect(planChanges(client, plan(), { signal: controller.signal })).rejects.toMatchObject({
      code: 'ABORTED',
    });
    expect(mock.state.instances).toHaveLength(0);
  });

  it('refuses a plan that does not fit the account, each problem where it stands, nothing sent', async () => {
    const wrong = parsePlan(`space: ${DEMO.spaceId}\ninstances:\n  - pack: Payroll\n`, 'wrong.yaml');
    const error = await applyPlan(client, wrong).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PlanError);
    expect((error as PlanError).problems).toEqual([
      expect.stringMatching(
        /^wrong\.yaml:3: instances\[0\]\.pack: no pack in space "Demo_Space" has the id or name "Payroll"/,
      ),
    ]);
    expect(mock.requests.filter((r) => r.startsWith('install'))).toEqual([]);
  });

  it('keeps the secrets of fromEnv values out of JSON and console.log of its results', async () => {
    const secret = 'hunter2-plan-secret';
    const withSecret = parsePlan(
      PLAN.replace('user: invoices }', 'user: invoices, password: { fromEnv: SFTP_PASSWORD } }'),
      'plan.yaml',
    );
    const planned = await planChanges(client, withSecret, { variables: { SFTP_PASSWORD: secret } });
    const applied = await applyPlan(client, planned);
    expect(applied.items.find((i) => i.target.setting === 'password')).toMatchObject({ status: 'applied' });
    expect(JSON.stringify(invoicesSettings())).toContain(secret);
    for (const shown of [JSON.stringify(planned), JSON.stringify(applied), inspect(applied, { depth: 20 })])
      expect(shown).not.toContain(secret);
    // Still there for those who ask for it by name.
    expect(JSON.stringify(planned.entries.map((e) => e.extensions.map((x) => x.asked)))).toContain(secret);
  });

  it('adds totals up across results, as a fleet of accounts would', async () => {
    const first = await planChanges(client, plan());
    const applied = await applyPlan(client, first);
    const sum = sumTotals([first.totals, applied.totals]);
    expect(sum.status).toEqual({ planned: 8, applied: 8, unchanged: 0, failed: 0, skipped: 0 });
    expect(sum.kind.install).toBe(4);
  });
});
