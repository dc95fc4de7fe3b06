import { describe, expect, it } from '@jest/globals';
import { parse } from 'graphql';
import { http, HttpResponse } from 'msw';
import type { TypedDocumentNode } from '@urql/core';
import { createSpacesClient, GetSpaceDocument, SchemaDriftError } from '../../src/index.js';
import { refusedRootField } from '../../src/executor/dialectStep.js';
import { createSpacesCore, getSpace } from '../../src/functions/index.js';
import { alternativeFor, DIALECTS, ROOT_FIELD_ALTERNATIVES, ROOT_FIELD_NAMES } from '../../src/schema/dialects.js';
import { loadSchema } from '../../src/simulator/graphql/loadSchema.js';
import { DEMO } from '../../src/simulator/model/seed.js';
import { startSimulator } from '../../src/simulator/server/startSimulator.js';
import { createTestMock, TEST_TOKEN } from '../support/spacesMock.js';
import { recordRequests, withMswServer } from '../support/setupMsw.js';

// Boomi publishes the get-one-Space root field as `Space` (help pages) and `space` (generated
// reference): the client works against either, paying one extra round trip per endpoint at most.
const endpointOf = { help: 'https://help.example/graphql', reference: 'https://reference.example/graphql' } as const;
const mocks = Object.fromEntries(
  DIALECTS.map((dialect) => [dialect, createTestMock({ dialect, endpoint: endpointOf[dialect] })]),
) as Record<(typeof DIALECTS)[number], ReturnType<typeof createTestMock>>;
// A platform that knows neither name, and one that refuses a nested field: for what is never re-sent.
const NEITHER = 'https://neither.example/graphql';
const NESTED = 'https://nested.example/graphql';
// A platform that moves from one name to the other.
const MOVING = 'https://moving.example/graphql';
let movingKnows = 'space';
const refusal = (message: string) =>
  HttpResponse.json({ errors: [{ message, locations: [{ line: 2, column: 3 }] }], data: null }, { status: 400 });
const server = withMswServer(
  ...mocks.help.handlers,
  ...mocks.reference.handlers,
  http.post(NEITHER, async ({ request }) => {
    const { query } = (await request.json()) as { query: string };
    const field = /\b(Space|space)\(id/.exec(query)![1]!;
    return refusal(`Cannot query field "${field}" on type "Query".`);
  }),
  http.post(NESTED, () => refusal('Cannot query field "theme" on type "Space".')),
  http.post(MOVING, async ({ request }) => {
    const { query } = (await request.json()) as { query: string };
    const field = /\b(Space|space)\(id/.exec(query)![1]!;
    if (field !== movingKnows) return refusal(`Cannot query field "${field}" on type "Query".`);
    return HttpResponse.json({ data: { space: null } });
  }),
);
const requests = recordRequests(server);
const sentQueries = () => Promise.all(requests.map(async (r) => ((await r.json()) as { query: string }).query));

const clientOf = (endpoint: string) => createSpacesClient({ endpoint, token: TEST_TOKEN, spaceGuid: DEMO.spaceId });
const fresh = () => {
  for (const mock of Object.values(mocks)) mock.reset();
  requests.length = 0;
};

describe('the dialect table', () => {
  it('pairs each help-page name with its reference name, both ways, the help name being the snapshot’s', () => {
    expect(ROOT_FIELD_NAMES.map(({ help, reference }) => [help, reference])).toEqual([['Space', 'space']]);
    expect(alternativeFor('Space')).toBe('space');
    expect(alternativeFor('space')).toBe('Space');
    expect(alternativeFor('spaces')).toBeUndefined();
    expect(alternativeFor('constructor')).toBeUndefined();
    expect(ROOT_FIELD_ALTERNATIVES.size).toBe(2);
    for (const { type, help, reference, provenance } of ROOT_FIELD_NAMES) {
      const snapshotFields = (type === 'Query' ? loadSchema().getQueryType() : loadSchema().getMutationType())!;
      expect(Object.keys(snapshotFields.getFields())).toContain(help);
      expect(Object.keys(snapshotFields.getFields())).not.toContain(reference);
      expect(provenance.help).not.toBe('');
      expect(provenance.reference).not.toBe('');
    }
  });

  it('reads a refusal on a root field from graphql-js and graphql-java messages, only when nothing ran', () => {
    const java = "Validation error (FieldUndefined@[Space]) : Field 'Space' in type 'Query' is undefined";
    const js = 'Cannot query field "Space" on type "Query". Did you mean "spaces"?';
    for (const message of [java, js]) {
      expect(refusedRootField({ errors: [{ message }], data: null }, ['Space'])).toBe('Space');
      expect(refusedRootField({ errors: [{ message }] }, ['Space'])).toBe('Space');
      // Executed (data), on a path, or a field the request did not send: not a refusal of this root field.
      expect(refusedRootField({ errors: [{ message }], data: { space: null } }, ['Space'])).toBeUndefined();
      expect(refusedRootField({ errors: [{ message, path: ['space'] }], data: null }, ['Space'])).toBeUndefined();
      expect(refusedRootField({ errors: [{ message }], data: null }, ['spaces'])).toBeUndefined();
    }
    expect(refusedRootField({ errors: [{ message: 'Cannot query field "Space" on type "Space".' }] }, ['Space'])).toBe(
      undefined,
    );
    expect(refusedRootField({ errors: [null, 'text', { message: 42 }] }, ['Space'])).toBeUndefined();
  });

  it('the testing kit and the simulator refuse a dialect they do not know', async () => {
    expect(() => createTestMock({ dialect: 'Space' as never })).toThrow(/dialect must be one of help, reference/);
    await expect(startSimulator({ dialect: 'Space' as never })).rejects.toThrow(
      /dialect must be one of help, reference/,
    );
  });

  it('the reference schema is the snapshot with the root field renamed, and nothing else', () => {
    const help = loadSchema('help').getQueryType()!.getFields();
    const reference = loadSchema('reference').getQueryType()!.getFields();
    expect(Object.keys(reference)).toEqual(Object.keys(help).map((name) => (name === 'Space' ? 'space' : name)));
    expect(String(reference.space!.type)).toBe(String(help.Space!.type));
    expect(reference.space!.args.map((a) => `${a.name}: ${String(a.type)}`)).toEqual(['id: ID!']);
  });
});

describe.each(DIALECTS)('the SDK against the %s dialect', (dialect) => {
  const mock = mocks[dialect];
  const endpoint = endpointOf[dialect];

  it('getSpace, listSpaces and an install work', async () => {
    fresh();
    const client = clientOf(endpoint);
    expect((await client.getSpace(DEMO.spaceId)).name).toBe('Demo_Space');
    expect((await client.listSpaces()).map((s) => s.id)).toEqual([DEMO.spaceId]);
    const installed = await client.installIntegrationPack({
      integrationPackId: DEMO.packs.invoiceSync,
      integrationPackOverrideName: 'EU',
      spaceId: DEMO.spaceId,
    });
    expect(mock.state.instances.map((i) => i.id)).toEqual([installed.id]);
  });

  it(`two getSpace calls from one client make ${dialect === 'help' ? 'two' : 'three'} requests`, async () => {
    fresh();
    const client = clientOf(endpoint);
    await client.getSpace(DEMO.spaceId);
    await client.getSpace(DEMO.spaceId);
    expect(mock.requests).toEqual(dialect === 'help' ? ['getSpace', 'getSpace'] : ['getSpace', 'getSpace', 'getSpace']);
    const queries = await sentQueries();
    const field = (query: string) => /(\w+: )?(Space|space)\(id/.exec(query)![0];
    expect(queries.map(field)).toEqual(
      dialect === 'help'
        ? ['space: Space(id', 'space: Space(id']
        : ['space: Space(id', 'space: space(id', 'space: space(id'],
    );
  });

  it('a core of boomi-spaces/functions (its own printer) falls back and learns the same way', async () => {
    fresh();
    const core = createSpacesCore({ endpoint, token: TEST_TOKEN, spaceGuid: DEMO.spaceId });
    expect((await getSpace(core, DEMO.spaceId)).name).toBe('Demo_Space');
    expect((await getSpace(core, DEMO.spaceId)).name).toBe('Demo_Space');
    const queries = await sentQueries();
    expect(queries.map((query) => /(\w+: )?(Space|space)\(id/.exec(query)![0])).toEqual(
      dialect === 'help'
        ? ['space: Space(id', 'space: Space(id']
        : ['space: Space(id', 'space: space(id', 'space: space(id'],
    );
    expect(queries.every((query) => !query.includes('\n'))).toBe(true);
  });

  it('urql shares what execute learnt, and an unknown id is still SPACE_NOT_FOUND', async () => {
    fresh();
    const client = clientOf(endpoint);
    await expect(client.getSpace('00000000-0000-4000-8000-000000000000')).rejects.toMatchObject({
      code: 'SPACE_NOT_FOUND',
    });
    const result = await client.urql.query(GetSpaceDocument, { id: DEMO.spaceId }).toPromise();
    expect(result.error).toBeUndefined();
    expect(result.data?.space?.id).toBe(DEMO.spaceId);
    expect(mock.requests).toHaveLength(dialect === 'help' ? 2 : 3);
  });
});

describe('what the dialect step never does', () => {
  it('learns per client: a new client pays its own one extra round trip', async () => {
    fresh();
    await clientOf(endpointOf.reference).getSpace(DEMO.spaceId);
    await clientOf(endpointOf.reference).getSpace(DEMO.spaceId);
    expect(mocks.reference.requests).toHaveLength(4);
  });

  it('re-sends a query once only: a platform that knows neither name gives SCHEMA_DRIFT after two requests, each call', async () => {
    fresh();
    const client = clientOf(NEITHER);
    for (let call = 1; call <= 2; call++) {
      const error = await client.getSpace(DEMO.spaceId).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(SchemaDriftError);
      expect(requests).toHaveLength(2 * call);
    }
    expect((await sentQueries()).map((q) => /\b(Space|space)\(id/.exec(q)![1])).toEqual([
      'Space',
      'space',
      'Space',
      'space',
    ]);
  });

  it('follows a platform that moves back to the other name, again with one extra request', async () => {
    fresh();
    const client = clientOf(MOVING);
    movingKnows = 'space';
    await expect(client.getSpace(DEMO.spaceId)).rejects.toMatchObject({ code: 'SPACE_NOT_FOUND' });
    movingKnows = 'Space';
    await expect(client.getSpace(DEMO.spaceId)).rejects.toMatchObject({ code: 'SPACE_NOT_FOUND' });
    await expect(client.getSpace(DEMO.spaceId)).rejects.toMatchObject({ code: 'SPACE_NOT_FOUND' });
    expect((await sentQueries()).map((q) => /\b(Space|space)\(id/.exec(q)![1])).toEqual([
      'Space',
      'space',
      'space',
      'Space',
      'Space',
    ]);
  });

  it('never re-sends a query refused on a nested field', async () => {
    fresh();
    await expect(clientOf(NESTED).getSpace(DEMO.spaceId)).rejects.toMatchObject({ code: 'SCHEMA_DRIFT' });
    expect(requests).toHaveLength(1);
  });

  it('never re-sends a mutation: its SCHEMA_DRIFT names the field and the published alternative', async () => {
    fresh();
    const touch = parse(
      'mutation touchSpace($id: ID!) { space: Space(id: $id) { id } }',
    ) as unknown as TypedDocumentNode<unknown, { id: string }>;
    const error = await clientOf(endpointOf.help)
      .execute(touch, { id: DEMO.spaceId })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SchemaDriftError);
    expect(error).toMatchObject({ code: 'SCHEMA_DRIFT', operationName: 'touchSpace', mayHaveExecuted: false });
    expect((error as Error).message).toMatch(/Cannot query field "Space" on type "Mutation"/);
    expect(error).toMatchObject({ field: 'Mutation.Space', alternative: 'Mutation.space' });
    expect((error as Error).message).toContain('The field: Mutation.Space; Boomi also publishes it as Mutation.space.');
    expect(mocks.help.requests).toEqual(['touchSpace']);
  });
});
