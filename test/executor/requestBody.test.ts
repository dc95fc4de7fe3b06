import { describe, expect, it } from '@jest/globals';
import { stringifyDocument } from '@urql/core';
import { GetSpaceDocument, ListSpacesDocument } from '../../src/index.js';
import { createOperationSender } from '../../src/executor/dialectStep.js';
import type { Transport } from '../../src/transport/createTransport.js';
import type { GraphQLRequest } from '../../src/transport/sendAttempt.js';

// The body is assembled from the query's JSON text escaped once per document: it must be the very
// text JSON.stringify would give, whatever the variables hold.
function capture() {
  const bodies: string[] = [];
  const transport: Transport = {
    send: (request: GraphQLRequest) => {
      bodies.push(request.body);
      return Promise.resolve({
        status: 200,
        statusText: 'OK',
        headers: { get: () => null },
        text: '',
        payload: { data: {} },
      });
    },
    close: () => Promise.resolve(),
  };
  return { bodies, send: createOperationSender(transport, 'https://api.example/graphql', {}, stringifyDocument) };
}

describe('the request body', () => {
  it.each([
    ['an id', { id: 'a"b\\c\u2028é' }],
    ['no variables', {}],
    ['nested values', { input: { list: [1, null, 'x'], flag: true } }],
  ])('is JSON.stringify({ operationName, query, variables }) with %s', async (_, variables) => {
    const { bodies, send } = capture();
    await send(GetSpaceDocument, variables, { kind: 'query', operationName: 'getSpace' });
    await send(GetSpaceDocument, variables, { kind: 'query', operationName: 'getSpace' });
    const expected = JSON.stringify({
      operationName: 'getSpace',
      query: stringifyDocument(GetSpaceDocument),
      variables,
    });
    expect(bodies).toEqual([expected, expected]);
    expect(JSON.parse(bodies[0]!)).toEqual({
      operationName: 'getSpace',
      query: stringifyDocument(GetSpaceDocument),
      variables,
    });
  });

  it('leaves out variables that JSON has no text for, as JSON.stringify does', async () => {
    const { bodies, send } = capture();
    await send(ListSpacesDocument, undefined, { kind: 'query', operationName: 'listSpaces' });
    expect(bodies).toEqual([
      JSON.stringify({
        operationName: 'listSpaces',
        query: stringifyDocument(ListSpacesDocument),
        variables: undefined,
      }),
    ]);
    expect(JSON.parse(bodies[0]!)).not.toHaveProperty('variables');
  });
});
