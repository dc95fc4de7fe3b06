// graphql-codegen plugin: one typed function per operation, in the style of codegen's
// examples/typescript-esm executeOperation. Written here because typescript-generic-sdk types its
// requester with graphql's untyped DocumentNode (pulling the graphql package into our public types)
// and keeps an optional variables argument even when an operation takes none.
const { convertFactory } = require('@graphql-codegen/visitor-plugin-common');

/** @type {import('@graphql-codegen/plugin-helpers').PluginFunction} */
module.exports.plugin = (_schema, documents, config) => {
  const convert = convertFactory(config);
  const suffix = { query: 'Query', mutation: 'Mutation', subscription: 'Subscription' };
  const out = [
    "import type { TypedDocumentNode } from '@urql/core';",
    "import * as Operations from './graphql.js';",
    '',
    '/** The variables argument of an operation: absent when it takes none. */',
    'export type VariablesArgument<TVariables> = TVariables extends Record<string, never> ? [] : [variables: TVariables];',
    '',
    '/** Runs one typed operation; `createSpacesClient(...).execute` is one. */',
    'export type OperationExecutor = <TResult, TVariables extends Record<string, unknown>>(',
    '  document: TypedDocumentNode<TResult, TVariables>,',
    '  ...variables: VariablesArgument<TVariables>',
    ') => Promise<TResult>;',
  ];
  const names = [];
  for (const file of documents) {
    for (const def of file.document.definitions) {
      if (def.kind !== 'OperationDefinition' || !def.name) continue;
      const name = def.name.value;
      const base = convert(name) + suffix[def.operation];
      const doc = `Operations.${convert(name)}Document`;
      const hasVariables = (def.variableDefinitions ?? []).length > 0;
      const source = file.location ? file.location.replace(/^.*?(operations\/)/, '$1') : name;
      names.push(name);
      out.push(
        '',
        `/** Runs \`${name}\` (${source}). */`,
        hasVariables
          ? `export function ${name}(execute: OperationExecutor, variables: Operations.${base}Variables): Promise<Operations.${base}> {\n  return execute(${doc}, variables);\n}`
          : `export function ${name}(execute: OperationExecutor): Promise<Operations.${base}> {\n  return execute(${doc});\n}`,
      );
    }
  }
  out.push('', '/** Every operation by name, as typed documents. */', 'export const documents = {');
  for (const name of names) out.push(`  ${name}: Operations.${convert(name)}Document,`);
  out.push('} as const;', '');
  return out.join('\n');
};
