import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { buildSchema, introspectionFromSchema } from 'graphql';
import { DEMO } from '../../src/simulator/model/seed.js';
import { cleanEnv, runCli } from '../cli/support/inProcess.js';
import { json, useHostileServer } from '../support/hostileServer.js';
import { fakeJwt } from '../support/jwt.js';
import { startSimulator } from '../../src/simulator/server/startSimulator.js';
import { demoEnv, fastClock, useSimulatorClient } from '../support/simulator.js';

interface Report {
  exitCode: number;
  dialect?: { dialect: string; names: Record<string, string> };
  inferred: Array<{ element: string; why: string; verdict: string; by?: string }>;
  results: Array<{
    operation: string;
    status: string;
    drifts: Array<{ path: string; expected: string; seen: string }>;
  }>;
}
const statusOf = (report: Report) => Object.fromEntries(report.results.map((r) => [r.operation, r.status]));

// The run the first test waits for is over before the client's first look.
const fixture = useSimulatorClient({ now: fastClock(10) });

describe('boomi-spaces contract check against the simulator', () => {
  it('checks every read-only operation: all OK, nothing written, exit 0', async () => {
    const { client, simulator } = fixture;
    const { id } = await client.installIntegrationPack({
      integrationPackId: DEMO.packs.invoiceSync,
      integrationPackOverrideName: 'EU',
    });
    await client.attachIntegrationPackInstance({
      integrationPackInstanceId: id,
      environmentIds: [DEMO.environments.prod],
    });
    await client.updateMapExtensions({ instanceId: id, environmentId: DEMO.environments.prod, maps: [{ id: 'm1' }] });
    const [process] = await client.listProcesses(id);
    await client.runProcess({ processId: process!.id, atomId: DEMO.atoms.prod }, { wait: true, pollIntervalMs: 200 });
    const mutationsBefore = simulator.stats.operations;
    const before = JSON.stringify(simulator.platform.state);
    const run = await runCli(['contract', 'check', '--json'], {
      env: demoEnv(simulator, { BOOMI_SPACE_GUID: DEMO.spaceId }),
    });
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as Report;
    expect(statusOf(report)).toEqual({
      introspection: 'OK',
      listSpaces: 'OK',
      getSpace: 'OK',
      listIntegrationPackInstances: 'OK',
      listEnvironments: 'OK',
      listProcesses: 'OK',
      getExtensions: 'OK',
      listExecutions: 'OK',
      listSpaceAccounts: 'OK',
    });
    // The simulator serves the help pages' names, and its schema is the snapshot: introspection
    // confirms every inferred element.
    expect(report.dialect).toEqual({ dialect: 'help', names: { Space: 'accepted', space: 'refused' } });
    expect(report.inferred.length).toBeGreaterThan(0);
    expect(report.inferred.every((c) => c.verdict === 'confirmed' && c.by === 'introspection' && c.why)).toBe(true);
    expect(report.inferred.map((c) => c.element)).toContain('IntegrationPackInstance.processes');
    const text = await runCli(['contract', 'check'], { env: demoEnv(simulator, { BOOMI_SPACE_GUID: DEMO.spaceId }) });
    expect(text.stdout).toContain(
      'Dialect: help, the Space query as the help pages name it (Space accepted, space refused).',
    );
    expect(text.stdout).toMatch(
      /Inferred elements of schema\/provenance\.yaml: \d+ confirmed, 0 refused, 0 not exercised\./,
    );
    expect(JSON.stringify(simulator.platform.state)).toBe(before);
    expect(
      Object.keys(simulator.stats.operations).filter((op) => /install|attach|update|execute|create|delete/i.test(op)),
    ).toEqual(Object.keys(mutationsBefore).filter((op) => /install|attach|update|execute|create|delete/i.test(op)));
  });
});

describe('boomi-spaces contract check --allow-writes', () => {
  it('creates, updates and deletes a named throwaway Space, checking each answer; refuses a name that exists', async () => {
    const { simulator } = fixture;
    const env = demoEnv(simulator, { BOOMI_SPACE_GUID: DEMO.spaceId });
    const flags = ['--allow-writes', '--throwaway-space', 'contract-check-tmp', '--account-group', DEMO.accountGroupId];
    const run = await runCli(['contract', 'check', '--json', ...flags], { env });
    expect(run.code).toBe(0);
    expect(statusOf(JSON.parse(run.stdout) as Report)).toMatchObject({
      createSpace: 'OK',
      updateSpace: 'OK',
      deleteSpace: 'OK',
    });
    expect(simulator.platform.state.spaces.map((s) => s.id)).toEqual([DEMO.spaceId]);
    const taken = await runCli(
      ['contract', 'check', '--json', ...flags.slice(0, 1), '--throwaway-space', 'Demo_Space', ...flags.slice(3)],
      { env },
    );
    expect(taken.code).toBe(1);
    expect(statusOf(JSON.parse(taken.stdout) as Report).createSpace).toBe('FAILED');
    expect(simulator.platform.state.spaces.map((s) => s.name)).toEqual(['Demo_Space']);
    const half = await runCli(['contract', 'check', '--allow-writes'], { env });
    expect(half.code).toBe(2);
  });
});

describe('boomi-spaces contract check against a server that drifts', () => {
  const server = useHostileServer();
  const pack = { id: 'p1', name: 'Pack', description: null };
  const answers: Record<string, unknown> = {
    // Not allowed: introspection is then not checkable, and the rest goes on.
    IntrospectionQuery: { errors: [{ message: 'introspection is disabled' }], data: null },
    listSpaces: {
      data: {
        spaces: [
          // name is String! (an unexpected null), url is missing, region was never selected.
          {
            id: 's1',
            name: null,
            description: null,
            createdDate: null,
            modifiedDate: null,
            accountGroup: null,
            region: 'eu',
          },
        ],
      },
    },
    getSpace: {
      data: {
        space: {
          id: 's1',
          name: 'S',
          description: null,
          createdDate: null,
          createdByAccountId: null,
          modifiedDate: null,
          modifiedByAccountId: null,
          url: null,
          accountGroup: null,
          theme: null,
          sharedIpacks: [{ ...pack, installationType: 'HYBRID' }], // an enum value the snapshot does not know
        },
      },
    },
    listIntegrationPackInstances: {
      data: {
        integrationPackInstances: [
          // One of Boomi's pages shows integrationPack as a list; the schema has an object.
          {
            id: 'i1',
            integrationPackId: 'p1',
            integrationPackOverrideName: 'EU',
            integrationPack: [{ ...pack, installationType: 'MULTI' }],
          },
        ],
      },
    },
    listEnvironments: {
      data: {
        environments: [
          {
            id: 'e1',
            name: 'Production',
            classification: 'PROD',
            atoms: [],
            integrationPackEnvironmentAttachment: [{ id: 'a1', environmentId: 'e1', integrationPackInstanceId: 'i1' }],
          },
        ],
      },
    },
    listProcesses: {
      data: { processes: [{ id: 'pr1', name: 'Export', integrationPack: null, processSchedules: null }] },
    },
    getExtensions: {
      data: {
        attachments: [
          { integrationPackInstanceId: 'i1', environmentExtensions: '{"id": ', environmentMapExtension: [''] },
        ],
      },
    },
    listExecutions: {
      data: {
        started: [],
        inprocess: [],
        complete: [
          {
            executionId: 'x1',
            originalExecutionId: null,
            account: 'a',
            executionTime: '2026-11-29T10:00:00Z',
            status: 'COMPLETE',
            executionType: 'exec_manual',
            processName: 'Export',
            atomName: 'atom',
            atomId: 'at1',
            message: '',
            inboundDocumentCount: 1,
            inboundErrorDocumentCount: 0,
            outboundDocumentCount: 1,
            executionDuration: ['Long', 'soon'],
            inboundDocumentSize: ['Long', '10'],
            outboundDocumentSize: ['Long', '10'],
          },
        ],
        completeWarn: [],
        error: [],
        aborted: [],
        discarded: [],
      },
    },
    listSpaceAccounts: { data: { accounts: null } },
  };

  it('names each drift with its path, what the snapshot promises and what was seen, and exits 1', async () => {
    server.answer = (request, response) => json(response, 200, answers[request.operationName] ?? { data: null });
    const run = await runCli(['contract', 'check', '--json'], {
      env: cleanEnv({
        BOOMI_ENDPOINT: server.url,
        BOOMI_JWT: fakeJwt(4_000_000_000, 'u'),
        BOOMI_SPACE_GUID: 'g',
        BOOMI_PACE: '0',
      }),
    });
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as Report;
    expect(statusOf(report)).toEqual({
      introspection: 'NOT_CHECKABLE',
      listSpaces: 'DRIFT',
      getSpace: 'DRIFT',
      listIntegrationPackInstances: 'DRIFT',
      listEnvironments: 'OK',
      listProcesses: 'OK',
      getExtensions: 'DRIFT',
      listExecutions: 'DRIFT',
      listSpaceAccounts: 'NOT_CHECKABLE',
    });
    const drifts = report.results.flatMap((r) => r.drifts.map((d) => `${d.path}: ${d.expected} / ${d.seen}`));
    expect(drifts).toEqual(
      expect.arrayContaining([
        'data.spaces[0].name: String! / null',
        'data.spaces[0].url: the field url (String) / nothing',
        'data.spaces[0].region: no such field (not selected) / string "eu"',
        'data.space.sharedIpacks[0].installationType: one of SINGLE, MULTI / string "HYBRID"',
        'data.integrationPackInstances[0].integrationPack: IntegrationPack, not a list / a list',
        expect.stringMatching(
          /^data\.attachments\[0\]\.environmentExtensions: EnvironmentExtensions JSON \/ is not valid JSON/,
        ),
        'data.complete[0].executionDuration: a typed pair such as ["Long", "5816"] / ["Long","soon"]',
      ]),
    );
  });
});

describe('boomi-spaces contract check against a platform that speaks the reference dialect', () => {
  const server = useHostileServer();
  // The live schema: the Space query named as the generated reference names it, and the type we
  // inferred as Atom under another name.
  const live = buildSchema(
    readFileSync('schema/boomi-spaces.graphql', 'utf8')
      .replace(/^ {2}Space\(/m, '  space(')
      .replace(/\bAtom\b/g, 'RuntimeAtom'),
  );
  const refusal = {
    errors: [
      { message: 'Cannot query field "Space" on type "Query". Did you mean "space" or "spaces"?', extensions: {} },
    ],
    data: null,
  };

  it('reports the dialect it found and which inferred elements the live schema confirmed or refused', async () => {
    server.answer = (request, response) => {
      const query = String(request.body.query);
      if (request.operationName === 'IntrospectionQuery')
        return json(response, 200, { data: introspectionFromSchema(live) });
      if (/\bSpace\(/.test(query)) return json(response, 400, refusal);
      if (request.operationName === 'listSpaces') return json(response, 200, { data: { spaces: [] } });
      return json(response, 200, { data: { space: null } });
    };
    const env = cleanEnv({ BOOMI_ENDPOINT: server.url, BOOMI_JWT: fakeJwt(4_000_000_000, 'u'), BOOMI_PACE: '0' });
    const run = await runCli(['contract', 'check', '--json'], { env });
    // Every operation validates as the client sends it; a renamed type no operation names is a finding, not a failure.
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as Report;
    expect(report.dialect).toEqual({ dialect: 'reference', names: { Space: 'refused', space: 'accepted' } });
    const verdicts = Object.fromEntries(report.inferred.map((c) => [c.element, `${c.verdict} by ${c.by}`]));
    expect(verdicts).toMatchObject({
      Atom: 'refused by introspection',
      'IntegrationPackInstance.processes': 'confirmed by introspection',
      ScheduleRetry: 'confirmed by introspection',
    });
    // getSpace is refused as written but valid under the reference name the client switches to: no drift.
    const introspected = report.results.find((r) => r.operation === 'introspection') as Report['results'][number] & {
      note?: string;
    };
    expect(introspected).toMatchObject({ status: 'OK', drifts: [] });
    expect(introspected.note).toContain('operations/getSpace.graphql');

    const text = await runCli(['contract', 'check'], { env });
    expect(text.stdout).toContain(
      "Dialect: reference, the Space query as Boomi's generated reference name it (Space refused, space accepted).",
    );
    expect(text.stdout).toMatch(
      /Inferred elements of schema\/provenance\.yaml: \d+ confirmed, 1 refused, 0 not exercised\./,
    );
    expect(text.stdout).toMatch(/│ Atom +│ refused +│ introspection +│/);
  });

  it('without introspection, judges inferred types by the __typename the listings show', async () => {
    const answers: Record<string, unknown> = {
      IntrospectionQuery: { errors: [{ message: 'introspection is disabled' }], data: null },
      contractDialect_help: { data: { Space: null } },
      contractDialect_reference: refusal,
      listIntegrationPackInstances: {
        data: { integrationPackInstances: [{ id: 'i1', integrationPackId: 'p1', integrationPackOverrideName: 'EU' }] },
      },
      contractTypenames_integrationPackInstances: {
        data: {
          integrationPackInstances: [
            { __typename: 'IntegrationPackInstance', processes: [{ __typename: 'IntegrationPackInstanceProcess' }] },
          ],
        },
      },
      contractTypenames_environments: {
        data: { environments: [{ __typename: 'Environment', atoms: [{ __typename: 'RuntimeAtom' }] }] },
      },
      contractTypenames_integrationPackInstanceProcesses: {
        errors: [{ message: 'Cannot query field "retry" on type "ProcessSchedules".' }],
        data: null,
      },
    };
    const variables: Array<Record<string, unknown>> = [];
    server.answer = (request, response) => {
      if (request.operationName.startsWith('contractTypenames_')) variables.push(request.body.variables as never);
      const answer = answers[request.operationName] ?? { data: null };
      json(response, (answer as { errors?: unknown }).errors ? 400 : 200, answer);
    };
    const env = cleanEnv({
      BOOMI_ENDPOINT: server.url,
      BOOMI_JWT: fakeJwt(4_000_000_000, 'u'),
      BOOMI_SPACE_GUID: 'g',
      BOOMI_PACE: '0',
    });
    const run = await runCli(['contract', 'check', '--json'], { env });
    const report = JSON.parse(run.stdout) as Report;
    expect(report.dialect?.dialect).toBe('help');
    const verdicts = Object.fromEntries(report.inferred.map((c) => [c.element, `${c.verdict} by ${c.by}`]));
    expect(verdicts).toMatchObject({
      IntegrationPackInstanceProcess: 'confirmed by contractTypenames_integrationPackInstances',
      'IntegrationPackInstance.processes': 'confirmed by contractTypenames_integrationPackInstances',
      Atom: 'refused by contractTypenames_environments',
      ScheduleRetry: 'not exercised by undefined',
      SpaceAccountSearchCriteria: 'not exercised by undefined',
    });
    // The processes probe asks for the instance the listing found.
    expect(variables).toContainEqual({ integrationPackInstanceId: 'i1' });
    // The probes stay out of the results table.
    expect(report.results.map((r) => r.operation).filter((o) => o.startsWith('contract'))).toEqual([]);
  });
});

describe('boomi-spaces contract check against the simulator speaking the reference dialect', () => {
  it('finds the reference dialect, and getSpace (sent as space) is OK: exit 0', async () => {
    const simulator = await startSimulator({ port: 0, dialect: 'reference' });
    try {
      const run = await runCli(['contract', 'check', '--json'], {
        env: demoEnv(simulator, { BOOMI_SPACE_GUID: DEMO.spaceId }),
      });
      const report = JSON.parse(run.stdout) as Report;
      expect(report.dialect).toEqual({ dialect: 'reference', names: { Space: 'refused', space: 'accepted' } });
      expect(statusOf(report)).toMatchObject({ introspection: 'OK', getSpace: 'OK' });
      expect(run.code).toBe(0);
    } finally {
      await simulator.close();
    }
  });
});
