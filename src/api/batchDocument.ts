import type { TypedDocumentNode } from '../client/callOptions.js';
import {
  InstallIpackDocument,
  type IntegrationPackInstanceInput,
  type InstallIpackMutation,
} from '../generated/graphql.js';

type Installed = InstallIpackMutation['integrationPackInstanceInstall'];

/** The result of a batch: one aliased field `i0`, `i1`, … per install. */
export type BatchResult = Record<string, Installed>;
export type BatchVariables = Record<string, IntegrationPackInstanceInput>;

// Plain AST objects, the shape graphql-js and urql share; building them needs no graphql package.
type Node = { kind: string; [key: string]: unknown };
const name = (value: string) => ({ kind: 'Name', value });
const variable = (value: string) => ({ kind: 'Variable', name: name(value) });

const operation = InstallIpackDocument.definitions[0] as unknown as Node & {
  variableDefinitions: Node[];
  selectionSet: { selections: Node[] };
};
const installField = operation.selectionSet.selections[0] as Node & { arguments: Node[] };
const inputDefinition = operation.variableDefinitions[0]!;

/**
 * `mutation installIpackBatch($input0: …, $input1: …) { i0: integrationPackInstanceInstall(input:
 * $input0) { …the installIpack selection… } … }`, built from the generated installIpack document so
 * the selection, and so the result type, stay the same as a single install's.
 */
export function batchInstallDocument(size: number): TypedDocumentNode<BatchResult, BatchVariables> {
  const indexes = Array.from({ length: size }, (_, i) => i);
  return {
    kind: 'Document',
    definitions: [
      {
        ...operation,
        name: name('installIpackBatch'),
        variableDefinitions: indexes.map((i) => ({ ...inputDefinition, variable: variable(`input${i}`) })),
        selectionSet: {
          kind: 'SelectionSet',
          selections: indexes.map((i) => ({
            ...installField,
            alias: name(aliasOf(i)),
            arguments: installField.arguments.map((argument) => ({ ...argument, value: variable(`input${i}`) })),
          })),
        },
      },
    ],
  } as unknown as TypedDocumentNode<BatchResult, BatchVariables>;
}

export const aliasOf = (index: number) => `i${index}`;
