// A wrong type name in a variable declaration makes the server refuse the whole operation, so no
// operation declares a variable of a type no page names (issue 20, item 4): inputs the pages give
// only as field tables are written inline, with scalar variables.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from '@jest/globals';
import { Kind, isSpecifiedScalarType, typeFromAST, getNamedType, type OperationDefinitionNode } from 'graphql';
import { loadSchema } from '../../src/simulator/graphql/loadSchema.js';
import { readProvenance, type Origin } from '../../src/schema/provenance.js';
import { loadOperationDocuments } from '../../src/tools/operationDocuments.js';

const schema = loadSchema();
const { origins } = readProvenance(
  readFileSync(new URL('../../schema/provenance.yaml', import.meta.url), 'utf8'),
  schema,
);
const documents = loadOperationDocuments(fileURLToPath(new URL('../../operations/', import.meta.url)));

/** Each operation's variable types, built-in scalars left out (the spec's, never Boomi's). */
function declaredTypes(): Record<string, string[]> {
  const declared: Record<string, string[]> = {};
  for (const { document } of documents) {
    const operation = document.definitions.find(
      (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
    )!;
    declared[operation.name!.value] = [
      ...new Set(
        (operation.variableDefinitions ?? [])
          .map((v) => getNamedType(typeFromAST(schema, v.type as never))!)
          .filter((type) => !isSpecifiedScalarType(type))
          .map((type) => type.name),
      ),
    ];
  }
  return declared;
}

/** The declared types an operation may not use: inferred, and not said to be unavoidable. */
function unpublishedVariableTypes(
  declared: Record<string, string[]>,
  originOf: (type: string) => Origin | undefined,
): string[] {
  return Object.entries(declared).flatMap(([operation, types]) =>
    types
      .filter((type) => {
        const origin = originOf(type);
        return !origin || (origin.source === 'inferred' && !origin.unavoidable?.trim());
      })
      .map((type) => `${operation}: $… ${type} (${originOf(type)?.why ?? 'no provenance entry'})`),
  );
}

describe('the variable types our operations declare', () => {
  const declared = declaredTypes();

  it('are these, each named by a published page', () => {
    expect(
      Object.fromEntries(
        Object.entries(declared)
          .filter(([, types]) => types.length > 0)
          .map(([operation, types]) => [operation, types.map((t) => `${t} (${origins.get(t)?.source})`)]),
      ),
    ).toEqual({
      createSpace: ['SpaceCreateInput (both)'],
      installIpack: ['IntegrationPackInstanceInput (help)'],
      listExecutions: ['DateTime (both)'],
      listExecutionsWithStatus: ['DateTime (both)', 'ExecutionHistoryStatus (help)'],
      searchSpaceAccounts: ['Operator (both)'],
      updateExtensions: ['ExtensionInput (help)'],
      updateMapExtensions: ['ExtensionInput (help)'],
      updateSpace: ['SpaceUpdateInput (help)'],
    });
    expect(unpublishedVariableTypes(declared, (type) => origins.get(type))).toEqual([]);
  });

  it('fail on a type marked inferred, unless its entry says why it is unavoidable', () => {
    const inferred: Origin = { source: 'inferred', why: 'the page gives the fields only' };
    const declaring = { listSpaceAccounts: ['SpaceAccountSearchCriteria'] };
    expect(unpublishedVariableTypes(declaring, () => inferred)).toEqual([
      'listSpaceAccounts: $… SpaceAccountSearchCriteria (the page gives the fields only)',
    ]);
    expect(unpublishedVariableTypes(declaring, () => ({ ...inferred, unavoidable: 'no inline form' }))).toEqual([]);
    expect(unpublishedVariableTypes(declaring, () => undefined)).toEqual([
      'listSpaceAccounts: $… SpaceAccountSearchCriteria (no provenance entry)',
    ]);
  });

  it('the types the pages do not name stay out of every operation', () => {
    const all = Object.values(declared).flat();
    for (const type of [
      'SpaceAccountSearchCriteria',
      'IPackInstanceOAuthConnectorDetailsInput',
      'IntegrationPackEnvironmentAttachmentInput',
      'ProcessExecuteInput',
      'ExecutionHistoryInput',
    ])
      expect(all).not.toContain(type);
  });
});
