import { describe, expect, it } from '@jest/globals';
import type { IntegrationPackInstance } from '../../src/api/types.js';
import { changeToJson, describeChange, summarise, type Change } from '../../src/plan/changes.js';
import type { ResolvedEntry } from '../../src/plan/resolvePlan.js';

// Each kind of change as people read it and as --json gives it.
const entry = { index: 0, pack: { id: 'p1', name: 'Invoice Sync', installationType: 'MULTI' }, name: 'EU' };
const resolved = entry as unknown as ResolvedEntry;
const prod = { id: 'env-prod', name: 'Production' };
const instance = {
  id: 'i1',
  integrationPackId: 'p1',
  integrationPack: { name: 'Invoice Sync' },
  integrationPackOverrideName: 'EU',
} as unknown as IntegrationPackInstance;
const setting = { kind: 'connection', component: 'DB', setting: 'url', secret: false } as const;

const changes: Change[] = [
  { action: 'uninstall', instance },
  { action: 'detach', instance, attachmentId: 'a1', environment: prod },
  {
    action: 'configure',
    entry: resolved,
    instanceId: 'i1',
    environment: prod,
    setting: { ...setting, from: 'old', to: 'new' },
  },
  {
    action: 'configure',
    entry: resolved,
    instanceId: null,
    environment: prod,
    setting: { ...setting, from: '(not set)', to: '(secret)', secret: true },
  },
  {
    action: 'schedule',
    entry: resolved,
    instanceId: 'i1',
    process: { id: 'pr1', name: 'Sync' },
    from: ['0 * * * *'],
    to: [],
  },
  {
    action: 'schedule',
    entry: resolved,
    instanceId: null,
    process: { id: null, name: 'Sync' },
    from: null,
    to: ['5 1 * * *'],
  },
];

describe('describeChange and changeToJson', () => {
  it('describe every kind of change on one line, quoting values and not the markers', () => {
    expect(changes.map(describeChange)).toEqual([
      '- uninstall Invoice Sync "EU" (i1)',
      '- detach Invoice Sync "EU" (i1) from Production',
      '~ Invoice Sync "EU" / Production / DB.url: "old" → "new"',
      '~ Invoice Sync "EU" / Production / DB.url: (not set) → (secret)',
      '~ Invoice Sync "EU" / Sync: schedules ["0 * * * *"] → []',
      '~ Invoice Sync "EU" / Sync: schedules (after install) → ["5 1 * * *"]',
    ]);
  });

  it('name an instance without an override name by its pack only', () => {
    const plain = { ...instance, integrationPackOverrideName: null } as unknown as IntegrationPackInstance;
    expect(describeChange({ action: 'uninstall', instance: plain })).toBe('- uninstall Invoice Sync (i1)');
  });

  it('give --json the ids of each change', () => {
    expect(changes.map(changeToJson)).toEqual([
      { action: 'uninstall', instanceId: 'i1', packId: 'p1', name: 'EU' },
      { action: 'detach', instanceId: 'i1', attachmentId: 'a1', environmentId: 'env-prod', environment: 'Production' },
      {
        action: 'configure',
        packId: 'p1',
        name: 'EU',
        instanceId: 'i1',
        environmentId: 'env-prod',
        environment: 'Production',
        ...setting,
        from: 'old',
        to: 'new',
      },
      {
        action: 'configure',
        packId: 'p1',
        name: 'EU',
        instanceId: null,
        environmentId: 'env-prod',
        environment: 'Production',
        ...setting,
        from: '(not set)',
        to: '(secret)',
        secret: true,
      },
      {
        action: 'schedule',
        packId: 'p1',
        name: 'EU',
        instanceId: 'i1',
        processId: 'pr1',
        process: 'Sync',
        from: ['0 * * * *'],
        to: [],
      },
      {
        action: 'schedule',
        packId: 'p1',
        name: 'EU',
        instanceId: null,
        processId: null,
        process: 'Sync',
        from: null,
        to: ['5 1 * * *'],
      },
    ]);
    expect(summarise(changes)).toEqual({ install: 0, attach: 0, detach: 1, uninstall: 1, configure: 2, schedule: 2 });
  });
});
