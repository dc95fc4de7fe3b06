// graphql-codegen plugin: the facts each operation declares in its file (`# @needsSpaceGuid`,
// `# @idempotent <why>`, `# @refreshes …`; see facts.cjs) as one typed table, so the transport's
// re-send rule, the React hooks' refreshes and the tests read them from one place.
const { readOperationFacts, shortPath } = require('./facts.cjs');

/** @type {import('@graphql-codegen/plugin-helpers').PluginFunction} */
module.exports.plugin = (_schema, documents) => {
  const facts = readOperationFacts(documents);
  const sources = new Map();
  for (const file of documents)
    for (const def of file.document.definitions)
      if (def.kind === 'OperationDefinition' && def.name) sources.set(def.name.value, shortPath(file));
  const out = [
    "import type { OperationName, QueryName } from './operations.js';",
    '',
    "/** What one operation declares about itself in its file's `# @…` lines (codegen/facts.cjs). */",
    'export interface OperationFacts {',
    "  readonly kind: 'query' | 'mutation';",
    '  /** Safe to send again after any transient failure: every query; a mutation declared `# @idempotent <why>`. */',
    '  readonly idempotent: boolean;',
    '  /** The platform wants the SPACE_GUID header (`# @needsSpaceGuid`). */',
    '  readonly needsSpaceGuid: boolean;',
    '  /** The queries whose answers a mutation changes (`# @refreshes …`): their mounted hooks refetch after it. */',
    '  readonly refreshes: readonly QueryName[];',
    '}',
    '',
    '/** Every operation of operations/ with its declared facts, by name. */',
    'export const OPERATION_FACTS = {',
  ];
  for (const [name, f] of facts) {
    out.push(`  /** ${sources.get(name)}${f.why ? `. Idempotent: ${f.why.replace(/\*\//g, '* /')}` : ''} */`);
    const refreshes = `[${f.refreshes.map((q) => `'${q}'`).join(', ')}]`;
    out.push(
      `  ${name}: { kind: '${f.kind}', idempotent: ${f.idempotent}, needsSpaceGuid: ${f.needsSpaceGuid}, refreshes: ${refreshes} },`,
    );
  }
  const idempotentMutations = [...facts]
    .filter(([, f]) => f.kind === 'mutation' && f.idempotent)
    .map(([name]) => `'${name}'`)
    .join(', ');
  out.push(
    '} as const satisfies { readonly [N in OperationName]: OperationFacts };',
    '',
    // The transport's re-send rule needs only these names: a bundle that sends operations then
    // carries four names, not the whole table.
    "/** The mutations declared `# @idempotent`, by name (the transport's re-send rule). */",
    `export const IDEMPOTENT_MUTATIONS: ReadonlySet<string> = new Set<OperationName>([${idempotentMutations}]);`,
    '',
  );
  return out.join('\n');
};
