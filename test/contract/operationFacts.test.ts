// The facts operations/ declares (`# @needsSpaceGuid`) against the fake platform, which follows the
// published pages on which root fields want the SPACE_GUID header: a missing or stray tag fails here.
import { describe, expect, it } from '@jest/globals';
import {
  getNullableType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  Kind,
  typeFromAST,
  type GraphQLInputType,
  type OperationDefinitionNode,
} from 'graphql';
import { createSpacesClient, operations } from '../../src/index.js';
import { OPERATION_FACTS } from '../../src/generated/operationFacts.js';
import type { OperationName } from '../../src/generated/operations.js';
import { loadSchema } from '../../src/simulator/graphql/loadSchema.js';
import { DEMO } from '../../src/simulator/model/seed.js';
import { createTestMock, TEST_TOKEN } from '../support/spacesMock.js';
import { withMswServer } from '../support/setupMsw.js';

const schema = loadSchema();
const mock = createTestMock();
withMswServer(...mock.handlers);

/** A value of the type that passes validation; what it names need not exist. */
function sample(type: GraphQLInputType): unknown {
  const inner = getNullableType(type);
  if (isListType(inner)) return [sample(inner.ofType)];
  if (isEnumType(inner)) return inner.getValues()[0]!.value;
  if (isInputObjectType(inner))
    return Object.fromEntries(
      Object.values(inner.getFields())
        .filter((field) => isNonNullType(field.type))
        .map((field) => [field.name, sample(field.type)]),
    );
  return (
    ({ Int: 1, Float: 1, Boolean: false, DateTime: '2026-01-01T00:00:00Z' } as Record<string, unknown>)[inner.name] ??
    'x'
  );
}

function variablesOf(name: OperationName): Record<string, unknown> | undefined {
  const definition = operations.documents[name].definitions.find(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  )!;
  const variables = definition.variableDefinitions ?? [];
  if (variables.length === 0) return undefined;
  return Object.fromEntries(
    variables.map((v) => [v.variable.name.value, sample(typeFromAST(schema, v.type as never) as GraphQLInputType)]),
  );
}

/** The error code of one send of the operation with sample variables, or 'ok'. */
async function codeOf(name: OperationName, spaceGuid?: string): Promise<string> {
  const client = createSpacesClient({ token: TEST_TOKEN, ...(spaceGuid && { spaceGuid }), retry: { maxAttempts: 1 } });
  const execute = client.execute as unknown as (document: unknown, ...rest: unknown[]) => Promise<unknown>;
  const variables = variablesOf(name);
  try {
    await (variables ? execute(operations.documents[name], variables) : execute(operations.documents[name]));
    return 'ok';
  } catch (error) {
    return (error as { code?: string }).code ?? String(error);
  }
}

const names = Object.keys(OPERATION_FACTS) as OperationName[];

describe('# @needsSpaceGuid in operations/', () => {
  it('marks exactly the operations the fake platform refuses without a SPACE_GUID', async () => {
    const refused: string[] = [];
    for (const name of names) if ((await codeOf(name)) === 'MISSING_SPACE_ID') refused.push(name);
    expect(refused).toEqual(names.filter((name) => OPERATION_FACTS[name].needsSpaceGuid));
    expect(refused.length).toBeGreaterThan(5);
  });

  it('and with one, none of them is refused for the want of it', async () => {
    const refused: string[] = [];
    for (const name of names) if ((await codeOf(name, DEMO.spaceId)) === 'MISSING_SPACE_ID') refused.push(name);
    expect(refused).toEqual([]);
  });
});
