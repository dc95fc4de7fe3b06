import { describe, expect, it } from '@jest/globals';
import type { Environment, IntegrationPackInstance, Space } from '../../src/api/types.js';
import { computeChanges, describeChange, type Change } from '../../src/plan/changes.js';
import type { AccountView, ResolvedEntry } from '../../src/plan/resolvePlan.js';

const single = { id: 'p-single', name: 'Order Intake', installationType: 'SINGLE' as const };
const multi = { id: 'p-multi', name: 'Invoice Sync', installationType: 'MULTI' as const };
const prod = { id: 'env-prod', name: 'Production' };
const test = { id: 'env-test', name: 'Test' };
const space = {
  id: 's',
  name: 'S',
  sharedIpacks: [
    { ...single, description: null },
    { ...multi, description: null },
  ],
} as unknown as Space;

const entry = (
  index: number,
  pack: ResolvedEntry['pack'],
  name: string | null,
  environments?: Array<{ id: string; name: string }>,
): ResolvedEntry => ({
  index,
  pack,
  name,
  environments,
  extensions: [],
  schedules: [],
});
const instance = (id: string, packId: string, name: string | null = null): IntegrationPackInstance => ({
  id,
  integrationPackId: packId,
  integrationPackOverrideName: name,
  integrationPack: null,
});
const environment = (
  env: { id: string; name: string },
  attachments: Array<[id: string, instanceId: string]> = [],
): Environment => ({
  ...env,
  classification: 'PROD',
  atoms: [],
  integrationPackEnvironmentAttachment: attachments.map(([id, instanceId]) => ({
    id,
    environmentId: env.id,
    integrationPackInstanceId: instanceId,
  })),
});
const view = (
  instances: IntegrationPackInstance[],
  environments: Environment[] = [environment(prod), environment(test)],
): AccountView => ({
  space,
  instances,
  environments,
});
const summary = (changes: Change[]) => changes.map(describeChange);

describe('computeChanges', () => {
  it.each<[string, ResolvedEntry[], AccountView, boolean, string[]]>([
    [
      'an empty account: installs, then attaches',
      [entry(0, single, null, [prod]), entry(1, multi, 'EU', [prod, test])],
      view([]),
      false,
      [
        '+ install Order Intake (SINGLE)',
        '+ install Invoice Sync "EU" (MULTI)',
        '+ attach Order Intake to Production',
        '+ attach Invoice Sync "EU" to Production',
        '+ attach Invoice Sync "EU" to Test',
      ],
    ],
    [
      'the plan met: nothing',
      [entry(0, single, null, [prod])],
      view([instance('i1', single.id)], [environment(prod, [['a1', 'i1']]), environment(test)]),
      false,
      [],
    ],
    [
      'a missing attachment only',
      [entry(0, multi, 'EU', [prod, test])],
      view([instance('i1', multi.id, 'EU')], [environment(prod, [['a1', 'i1']]), environment(test)]),
      false,
      ['+ attach Invoice Sync "EU" to Test'],
    ],
    [
      'a MULTI name is part of the key: another name is another instance',
      [entry(0, multi, 'US')],
      view([instance('i1', multi.id, 'EU')]),
      false,
      ['+ install Invoice Sync "US" (MULTI)'],
    ],
    [
      'without prune, unlisted instances and attachments stay',
      [entry(0, multi, 'EU', [prod])],
      view(
        [instance('i1', multi.id, 'EU'), instance('i2', multi.id, 'US')],
        [environment(prod, [['a1', 'i1']]), environment(test, [['a2', 'i1']])],
      ),
      false,
      [],
    ],
    [
      'with prune: detach what an entry does not list, uninstall what the plan does not list',
      [entry(0, multi, 'EU', [prod])],
      view(
        [instance('i1', multi.id, 'EU'), instance('i2', multi.id, 'US')],
        [environment(prod, [['a1', 'i1']]), environment(test, [['a2', 'i1']])],
      ),
      true,
      // Listed instances carry their pack's name; these have none, so the pack id is shown.
      ['- detach p-multi "EU" (i1) from Test', '- uninstall p-multi "US" (i2)'],
    ],
    ['prune leaves instances of packs the Space does not share', [], view([instance('i9', 'p-elsewhere')]), true, []],
    [
      'prune keeps the attachments of an entry that lists no environments',
      [entry(0, multi, 'EU')],
      view([instance('i1', multi.id, 'EU')], [environment(prod, [['a1', 'i1']])]),
      true,
      [],
    ],
  ])('%s', (_label, entries, account, prune, expected) => {
    expect(summary(computeChanges(entries, account, { prune }))).toEqual(expected);
  });

  it('stays linear: 10 000 entries against 10 000 instances in well under a second of work', () => {
    const instances = Array.from({ length: 10_000 }, (_, i) => instance(`i${i}`, multi.id, `t${i}`));
    const entries = Array.from({ length: 10_000 }, (_, i) => entry(i, multi, `t${i}`, [prod]));
    const envs = [
      environment(
        prod,
        instances.map((inst, i) => [`a${i}`, inst.id]),
      ),
    ];
    expect(computeChanges(entries, view(instances, envs), { prune: true })).toEqual([]);
  });
});
