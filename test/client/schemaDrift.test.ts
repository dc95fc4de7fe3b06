import { inspect } from 'node:util';
import { describe, expect, it } from '@jest/globals';
import { http, HttpResponse } from 'msw';
import { driftedElement } from '../../src/errors/toSpacesError.js';
import { createSpacesClient, SchemaDriftError } from '../../src/index.js';
import { DEMO } from '../../src/simulator/model/seed.js';
import { TEST_TOKEN } from '../support/spacesMock.js';
import { withMswServer } from '../support/setupMsw.js';

const ENDPOINT = 'https://platform.boomi.com/graphql';

// A platform that has drifted: it refuses, by validation, whatever the request asks of it.
let refusal: (query: string) => string = () => 'Syntax Error';
withMswServer(
  http.post(ENDPOINT, async ({ request }) => {
    const { query } = (await request.json()) as { query: string };
    return HttpResponse.json({ errors: [{ message: refusal(query), extensions: {} }], data: null }, { status: 400 });
  }),
);
const client = createSpacesClient({ token: TEST_TOKEN, spaceGuid: DEMO.spaceId, retry: { maxAttempts: 1 } });

async function drift(call: Promise<unknown>): Promise<SchemaDriftError> {
  const error = await call.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SchemaDriftError);
  for (const text of [inspect(error), JSON.stringify(error)]) expect(text).not.toContain(TEST_TOKEN);
  return error as SchemaDriftError;
}

describe('SCHEMA_DRIFT says what to do', () => {
  it('names the operation, the root field, its other published name and the next steps', async () => {
    // Whichever name of the Space query is sent, this platform knows neither.
    refusal = (query) => {
      const field = /\bspace\(/.test(query) ? 'space' : 'Space';
      return `Cannot query field "${field}" on type "Query". Did you mean "spaces"?`;
    };
    const error = await drift(client.getSpace(DEMO.spaceId));
    expect(error).toMatchObject({ code: 'SCHEMA_DRIFT', operationName: 'getSpace', status: 400 });
    expect([error.field, error.alternative].sort()).toEqual(['Query.Space', 'Query.space']);
    expect(error.message).toContain(`The field: ${error.field}; Boomi also publishes it as ${error.alternative}.`);
    expect(error.message).toMatch(
      /Next: run `boomi-spaces contract check`.*then `boomi-spaces schema pull` and send your own operations.*`client\.execute`/,
    );
    expect(error.toJSON()).toMatchObject({ field: error.field, alternative: error.alternative });
  });

  it('a mutation refused on its root field names it, with no alternative when Boomi publishes one name', async () => {
    refusal = () => 'Cannot query field "spaceDelete" on type "Mutation".';
    const error = await drift(client.deleteSpace(DEMO.spaceId));
    expect(error).toMatchObject({
      operationName: 'deleteSpace',
      field: 'Mutation.spaceDelete',
      alternative: undefined,
    });
    expect(error.message).toContain('The field: Mutation.spaceDelete.');
    expect(error.message).not.toContain('also publishes');
  });

  it("graphql-java's validation message is drift too, and names the field", async () => {
    refusal = () => "Validation error (FieldUndefined@[spaces/colour]) : Field 'colour' in type 'Space' is undefined";
    const error = await drift(client.listSpaces());
    expect(error).toMatchObject({ operationName: 'listSpaces', field: 'Space.colour' });
  });

  it('a field named with control characters is shown as text', async () => {
    refusal = () => 'Cannot query field "\u001b[31mred" on type "Space".';
    const error = await drift(client.listSpaces());
    expect(error.field).toBe('Space.\\x1b[31mred');
    expect(error.message).not.toContain('\u001b');
  });
});

describe('driftedElement: the element each validation message names', () => {
  it.each([
    ['Cannot query field "Space" on type "Query".', { field: 'Query.Space', alternative: 'Query.space' }],
    ['Cannot query field "space" on type "Query".', { field: 'Query.space', alternative: 'Query.Space' }],
    [
      "Validation error (FieldUndefined@[Space]) : Field 'Space' in type 'Query' is undefined",
      { field: 'Query.Space', alternative: 'Query.space' },
    ],
    ['Unknown argument "limit" on field "Query.spaces".', { field: 'Query.spaces(limit:)' }],
    ['Unknown type "SpaceAccountSearchCriteria".', { field: 'SpaceAccountSearchCriteria' }],
    [
      'Field "spaceCreate" argument "input" of type "SpaceCreateInput!" is required, but it was not provided.',
      { field: 'spaceCreate(input:)' },
    ],
    // A variable's type is ours, not an element of the server's schema.
    ['Variable "$id" of type "ID!" used in position expecting type "String!".', {}],
    ['Value "SHARED" does not exist in "SpaceSharingMode" enum.', { field: 'SpaceSharingMode' }],
    ['Field "SpaceCreateInput.name" of required type "String!" was not provided.', { field: 'SpaceCreateInput.name' }],
    ['Field "colour" is not defined by type "SpaceCreateInput".', { field: 'SpaceCreateInput.colour' }],
    ['Something else entirely', {}],
  ])('%s', (message, expected) => {
    expect(driftedElement(message)).toEqual(expected);
  });
});
