import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { getVariableValues } from 'graphql/execution/values.js';
import {
  assertEnumType,
  GraphQLScalarType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  Kind,
  parse,
  validate,
  type OperationDefinitionNode,
} from 'graphql';
import { fileURLToPath } from 'node:url';
import { loadSchema } from '../../src/simulator/graphql/loadSchema.js';
import { loadOperationDocuments } from '../../src/tools/operationDocuments.js';
import { OPERATION_FACTS } from '../../src/generated/operationFacts.js';
import { DOCUMENTED_API } from './documentedApi.js';

const schema = loadSchema();
const operationsDir = new URL('../../operations/', import.meta.url);
const files = readdirSync(operationsDir).filter((f) => f.endsWith('.graphql'));
const documents = loadOperationDocuments(fileURLToPath(operationsDir));

function operationOf(source: string): OperationDefinitionNode {
  const definitions = parse(source).definitions.filter(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  );
  expect(definitions).toHaveLength(1);
  return definitions[0]!;
}

describe('operations/ against the schema snapshot', () => {
  it('has every file in the generated facts table (codegen ran since the last operation changed)', () => {
    expect(files.map((f) => f.replace(/\.graphql$/, '')).sort()).toEqual(Object.keys(OPERATION_FACTS).sort());
  });

  it.each(files)('%s holds one operation named after the file and validates', (file) => {
    const source = readFileSync(new URL(file, operationsDir), 'utf8');
    const operation = operationOf(source);
    expect(operation.name?.value).toBe(file.replace(/\.graphql$/, ''));
    // Fragments may live in another file, as codegen compiles the folder as one set of documents.
    const { document } = documents.find((d) => d.file.endsWith(`/${file}`))!;
    expect(validate(schema, document).map((e) => e.message)).toEqual([]);
  });
});

describe('the schema snapshot against the documented API', () => {
  it('has every root query the pages list', () => {
    expect(DOCUMENTED_API.queries.filter((n) => !schema.getQueryType()!.getFields()[n])).toEqual([]);
  });

  it('has every root mutation the pages list', () => {
    expect(DOCUMENTED_API.mutations.filter((n) => !schema.getMutationType()!.getFields()[n])).toEqual([]);
  });

  it('has the enums and scalars with the documented values', () => {
    const values = (name: string) =>
      assertEnumType(schema.getType(name))
        .getValues()
        .map((v) => v.name);
    expect(values('InstallationType')).toEqual(['SINGLE', 'MULTI']);
    expect(values('Classification')).toEqual(['PROD', 'TEST']);
    expect(values('ExecutionHistoryStatus')).toEqual([
      'ABORTED',
      'COMPLETE',
      'COMPLETE_WARN',
      'DISCARDED',
      'ERROR',
      'INPROCESS',
      'STARTED',
    ]);
    expect(values('SpaceSharingMode')).toEqual(['ACCOUNT_GROUP']);
    expect(values('Operator')).toEqual(['CONTAINS', 'STARTSWITH']);
    expect(values('SpaceArtifactListingTypeEnum')).toEqual(['INTEGRATION_PACK']);
    // Custom scalars the operations use: declared as scalars, not left to a default.
    expect(schema.getType('Upload')).toBeInstanceOf(GraphQLScalarType);
    expect(schema.getType('DateTime')).toBeInstanceOf(GraphQLScalarType);
  });

  it('describes every type and field', () => {
    const undescribed: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith('__') || ['String', 'Int', 'Float', 'Boolean', 'ID'].includes(type.name)) continue;
      if (!type.description) undescribed.push(type.name);
      if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
        const fields = Object.values(type.getFields() as Record<string, { name: string; description?: string | null }>);
        for (const field of fields) if (!field.description) undescribed.push(`${type.name}.${field.name}`);
      }
    }
    expect(undescribed).toEqual([]);
  });

  it('accepts the sample install request of the pages', () => {
    const operation = operationOf(readFileSync(new URL('installIpack.graphql', operationsDir), 'utf8'));
    const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], {
      input: { ...DOCUMENTED_API.sampleInstall },
    });
    expect(coerced.errors).toBeUndefined();
  });

  it('accepts the sample space id for getSpace and refuses a request without one', () => {
    const operation = operationOf(readFileSync(new URL('getSpace.graphql', operationsDir), 'utf8'));
    expect(
      getVariableValues(schema, operation.variableDefinitions ?? [], { id: DOCUMENTED_API.sampleSpaceId }).errors,
    ).toBeUndefined();
    expect(getVariableValues(schema, operation.variableDefinitions ?? [], {}).errors).toHaveLength(1);
  });
});
