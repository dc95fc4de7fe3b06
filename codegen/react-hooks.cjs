// graphql-codegen plugin: one React hook per operation for boomi-spaces/react. A query `getSpace`
// becomes `useGetSpace(variables, options)`; a mutation `installIpack` becomes `useInstallIpack()`
// returning `[run, state]`. The hooks are thin: the runtime in src/react/ runs each operation through
// the SDK's method for it (install rules, reconciliation, typed errors) and refreshes listings.
const { convertFactory } = require('@graphql-codegen/visitor-plugin-common');

/** @type {import('@graphql-codegen/plugin-helpers').PluginFunction} */
module.exports.plugin = (_schema, documents, config) => {
  const convert = convertFactory(config);
  const out = [
    "import { useSpacesMutation, useSpacesQuery, type MutationTuple, type QueryHookOptions, type QueryState } from '../react/hooks.js';",
    "import type * as Operations from './graphql.js';",
  ];
  for (const file of documents) {
    for (const def of file.document.definitions) {
      if (def.kind !== 'OperationDefinition' || !def.name) continue;
      const name = def.name.value;
      const hook = `use${convert(name)}`;
      const source = file.location ? file.location.replace(/^.*?(operations\/)/, '$1') : name;
      const hasVariables = (def.variableDefinitions ?? []).length > 0;
      if (def.operation === 'query') {
        const params = hasVariables
          ? `variables: Operations.${convert(name)}QueryVariables, options?: QueryHookOptions`
          : 'options?: QueryHookOptions';
        const args = hasVariables ? `{ ${def.variableDefinitions.map((v) => v.variable.name.value).join(', ')} }` : '';
        out.push(
          '',
          '/**',
          ` * Runs \`${name}\` (${source}) through the nearest SpacesProvider's client; see {@link useSpacesQuery}.`,
          ' *',
          ' * @example',
          ` * const { data, error, fetching } = ${hook}(${args});`,
          ' */',
          `export function ${hook}(${params}): QueryState<'${name}'> {`,
          `  return useSpacesQuery('${name}', ${hasVariables ? 'variables' : '{}'}, options);`,
          '}',
        );
      } else if (def.operation === 'mutation') {
        out.push(
          '',
          '/**',
          ` * \`[run, state]\` for \`${name}\` (${source}) through the SDK's method for it; see {@link useSpacesMutation}.`,
          ' *',
          ' * @example',
          ` * const [${name}, { fetching, error }] = ${hook}();`,
          ` * // in a handler: const result = await ${name}(input); (it never rejects: check result.error)`,
          ' */',
          `export function ${hook}(): MutationTuple<'${name}'> {`,
          `  return useSpacesMutation('${name}');`,
          '}',
        );
      }
    }
  }
  out.push('');
  return out.join('\n');
};
