// The snapshot's corrections from Boomi's published pages (issue 20, item 1), served by the testing
// kit (and so the simulator: one model, one schema) and read by the SDK.
import { beforeEach, describe, expect, it } from '@jest/globals';
import type { TypedDocumentNode } from '@urql/core';
import { parse } from 'graphql';
import { http, HttpResponse } from 'msw';
import { processesOf } from '../../src/api/lifecycle/readers.js';
import { instancesOf } from '../../src/api/results.js';
import { DEFAULT_ENDPOINT } from '../../src/client/options.js';
import { createSpacesClient, type SpacesClient } from '../../src/index.js';
import { DEMO } from '../../src/simulator/model/seed.js';
import { createTestMock, TEST_TOKEN } from '../support/spacesMock.js';
import { withMswServer } from '../support/setupMsw.js';

const mock = createTestMock();
const server = withMswServer(...mock.handlers);

let client: SpacesClient;
beforeEach(() => {
  mock.reset();
  client = createSpacesClient({ token: TEST_TOKEN, spaceGuid: DEMO.spaceId, retry: { maxAttempts: 1 } });
});

/** A document of the user's own, run through `client.execute` as the README shows. */
const own = <R>(source: string) => parse(source) as unknown as TypedDocumentNode<R, Record<string, unknown>>;
type Listing = { id: string; spaceArtifact: unknown; submissionStatus: unknown };
const CRM_CONNECTION = 'e6f7a8b9-5f6a-4b7c-9d8e-0f1a2b3c4d06';

describe('the published shapes, served', () => {
  it('spaceArtifactListings takes the published input and answers one page of listings', async () => {
    const query = own<{
      spaceArtifactListings: { numberOfResults: number; currentPageSize: number; spaceArtifactsData: Listing[] };
    }>(`query listings($spaceId: ID!, $ids: [ID!], $type: SpaceArtifactListingTypeEnum) {
      spaceArtifactListings(input: { spaceId: $spaceId, spaceArtifactListingIds: $ids, spaceArtifactListingType: $type }) {
        numberOfResults
        currentPageSize
        spaceArtifactsData {
          id
          spaceArtifact { spaceArtifactType spaceArtifactId }
          submissionStatus { ... on ArtifactSubmissionStatus { spaceArtifactStatus } }
          spaceArtifactListingMetaData { catalogArtifactMetaData }
        }
      }
    }`);
    const all = await client.execute(query, { spaceId: DEMO.spaceId, type: 'INTEGRATION_PACK' });
    expect(all.spaceArtifactListings).toMatchObject({ numberOfResults: 3, currentPageSize: 3 });
    const first = all.spaceArtifactListings.spaceArtifactsData[0]!;
    expect(first).toMatchObject({
      spaceArtifact: { spaceArtifactType: 'INTEGRATION_PACK', spaceArtifactId: DEMO.packs.orderIntake },
      submissionStatus: { spaceArtifactStatus: 'PUBLISHED' },
    });
    const one = await client.execute(query, { spaceId: DEMO.spaceId, ids: [first.id] });
    expect(one.spaceArtifactListings.spaceArtifactsData).toEqual([first]);
  });

  it('saveIPackInstanceOauthConnectorDetails answers the saved object, the client secret as a dummy', async () => {
    const crm = await client.installIntegrationPack({
      integrationPackId: DEMO.packs.customerMaster,
      integrationPackOverrideName: 'CRM',
    });
    const { saved } = await client.execute(
      own<{
        saved: { oauthConnectorDetails: string };
      }>(`mutation save($instanceId: ID!, $details: String, $secret: String) {
        saved: saveIPackInstanceOauthConnectorDetails(input: {
          integrationPackInstanceId: $instanceId, isTokenGenerated: false, oauthConnectorDetails: $details,
          processId: "p", envId: "${DEMO.environments.prod}", connectionId: "${CRM_CONNECTION}",
          catalogGuid: "${DEMO.spaceId}", clientId: "my-client", clientSecret: $secret
        }) { id integrationPackInstanceId isTokenGenerated oauthConnectorDetails processId envId connectionId catalogGuid }
      }`),
      {
        instanceId: crm.id,
        details: JSON.stringify({ baseURL: 'https://crm.example.com/oauth2' }),
        secret: 'sh-secret',
      },
    );
    expect(saved).toMatchObject({
      integrationPackInstanceId: crm.id,
      catalogGuid: DEMO.spaceId,
      isTokenGenerated: false,
    });
    expect(JSON.parse(saved.oauthConnectorDetails)).toEqual({
      baseURL: 'https://crm.example.com/oauth2',
      clientId: 'my-client',
      accessTokenParams: { client_secret: 'dummy-client-secret' },
    });
    expect(JSON.stringify(saved)).not.toContain('sh-secret');
  });

  it('Space.catalogArtifacts is there (nullable; the simulator’s Spaces have none)', async () => {
    const { space } = await client.execute(
      own<{ space: unknown }>(
        `query one($id: ID!) { space: Space(id: $id) { id catalogArtifacts { __typename ... on CatalogListingRecipe { id } } } }`,
      ),
      { id: DEMO.spaceId },
    );
    expect(space).toEqual({ id: DEMO.spaceId, catalogArtifacts: [] });
  });

  it('Process.integrationPack is a list, and the SDK reads it', async () => {
    const { id } = await client.installIntegrationPack({ integrationPackId: DEMO.packs.orderIntake });
    const raw = await client.execute(
      own<{
        integrationPackInstanceProcesses: Array<{ integrationPack: unknown }>;
      }>(`query p($id: ID) { integrationPackInstanceProcesses(integrationPackInstanceId: $id) {
        integrationPack { integrationPackId integrationPackInstanceId } } }`),
      { id },
    );
    expect(raw.integrationPackInstanceProcesses[0]!.integrationPack).toEqual([
      { integrationPackId: DEMO.packs.orderIntake, integrationPackInstanceId: id },
    ]);
    expect((await client.listProcesses(id))[0]).toMatchObject({
      integrationPackId: DEMO.packs.orderIntake,
      integrationPackInstanceId: id,
    });
  });

  it('keeps an environment without a classification (they exist in real accounts)', async () => {
    // A fixture may say so (the simulator's state types it nullable, as the schema does).
    mock.state.environments = [{ id: 'env-x', name: 'Sandbox', classification: null, atoms: [] }];
    expect(await client.listEnvironments()).toEqual([
      { id: 'env-x', name: 'Sandbox', classification: null, atoms: [], integrationPackEnvironmentAttachment: [] },
    ]);
  });

  it('searches Space accounts through the published Operator enum, with no criteria type declared', async () => {
    expect(await client.listSpaceAccounts({ operator: 'STARTSWITH', argument: 'acme' })).toHaveLength(2);
    expect(await client.listSpaceAccounts()).toHaveLength(3);
    expect(mock.requests).toEqual(['searchSpaceAccounts', 'listSpaceAccounts']);
  });
});

// The mock executes overrides against the snapshot, which holds one shape: the readers are fed directly.
describe('readers take both shapes the pages show', () => {
  it('IntegrationPackInstance.integrationPack as one object or as a list', () => {
    const pack = { id: DEMO.packs.orderIntake, name: 'Order Intake', installationType: 'SINGLE' as const };
    const instance = { id: 'i1', integrationPackId: DEMO.packs.orderIntake, integrationPackOverrideName: null };
    const asObject = instancesOf([{ ...instance, integrationPack: pack }]);
    // The page's return syntax is a list: an answer in that shape reads the same.
    const asList = instancesOf([{ ...instance, integrationPack: [null, pack] as unknown as typeof pack }]);
    expect(asList).toEqual(asObject);
    expect(asObject[0]!.integrationPack).toEqual(pack);
    expect(
      instancesOf([{ ...instance, integrationPack: [] as unknown as typeof pack }])[0]!.integrationPack,
    ).toBeNull();
  });

  it('a platform that answers a list for IntegrationPackInstance.integrationPack passes the SDK’s shape check', async () => {
    const pack = { id: DEMO.packs.orderIntake, name: 'Order Intake', installationType: 'SINGLE' };
    // Straight from the wire: the mock would coerce the answer to the snapshot's one shape.
    server.use(
      http.post(DEFAULT_ENDPOINT, () =>
        HttpResponse.json({
          data: {
            integrationPackInstances: [
              { id: 'i1', integrationPackId: pack.id, integrationPackOverrideName: null, integrationPack: [pack] },
            ],
          },
        }),
      ),
    );
    expect(await client.listIntegrationPackInstances()).toEqual([
      { id: 'i1', integrationPackId: pack.id, integrationPackOverrideName: null, integrationPack: pack },
    ]);
  });

  it('Process.integrationPack as a list or as one object', () => {
    const pack = { integrationPackId: 'pk', integrationPackInstanceId: 'i1' };
    const processes = (integrationPack: unknown) => [
      { id: 'p1', name: 'P', integrationPack: integrationPack as [typeof pack], processSchedules: null },
    ];
    const fromList = processesOf(processes([pack]));
    expect(processesOf(processes(pack))).toEqual(fromList);
    expect(fromList[0]).toMatchObject({ integrationPackId: 'pk', integrationPackInstanceId: 'i1' });
  });
});
