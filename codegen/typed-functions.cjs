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
    // The call types are hand-written (src/client/callOptions.ts): the one thing generated code imports.
    "import type { CallOptions, OperationExecutor } from '../client/callOptions.js';",
    "import * as Operations from './graphql.js';",
  ];
  const names = [];
  const typeEntries = [];
  for (const file of documents) {
    for (const def of file.document.definitions) {
      if (def.kind !== 'OperationDefinition' || !def.name) continue;
      const name = def.name.value;
      const base = convert(name) + suffix[def.operation];
      const doc = `Operations.${convert(name)}Document`;
      const hasVariables = (def.variableDefinitions ?? []).length > 0;
      const source = file.location ? file.location.replace(/^.*?(operations\/)/, '$1') : name;
      names.push(name);
      typeEntries.push(
        `  ${name}: { kind: '${def.operation}'; variables: Operations.${base}Variables; result: Operations.${base} };`,
      );
      out.push(
        '',
        `/** Runs \`${name}\` (${source}). */`,
        hasVariables
          ? `export function ${name}(execute: OperationExecutor, variables: Operations.${base}Variables, options?: CallOptions): Promise<Operations.${base}> {\n  return execute(${doc}, variables, options);\n}`
          : `export function ${name}(execute: OperationExecutor, options?: CallOptions): Promise<Operations.${base}> {\n  return execute(${doc}, options);\n}`,
      );
    }
  }
  out.push('', '/** Every operation by name, as typed documents. */', 'export const documents = {');
  for (const name of names) out.push(`  ${name}: Operations.${convert(name)}Document,`);
  out.push('} as const;', '');
  out.push(
    '/** The variables and result of every operation, by name (typed mocks build on it). */',
    'export interface OperationTypes {',
  );
  out.push(...typeEntries, '}', '');
  out.push('/** The name of one of our operations. */', 'export type OperationName = keyof OperationTypes;', '');
  for (const [kind, type] of [
    ['query', 'QueryName'],
    ['mutation', 'MutationName'],
  ]) {
    out.push(
      `/** The name of one of our ${kind === 'query' ? 'queries' : 'mutations'}. */`,
      `export type ${type} = { [K in OperationName]: OperationTypes[K]['kind'] extends '${kind}' ? K : never }[OperationName];`,
      '',
    );
  }
  return out.join('\n');
};
