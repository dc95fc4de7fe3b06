import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Kind, visit, type DocumentNode, type FragmentDefinitionNode } from 'graphql';
import { parseGraphQLFile, unusableFile } from './graphqlFile.js';

const OPERATION_STEP = 'fix the operation, or give --operations a folder of valid ones';

/** One file of operations/, parsed, with the fragments it spreads from other files added. */
export interface OperationDocument {
  file: string;
  document: DocumentNode;
}

/**
 * The `.graphql` files of a folder as graphql-codegen compiles them: one set of documents, so a
 * fragment defined in one file serves the others. Each document gets the fragments it needs (and
 * theirs), and no others (an unused fragment would not validate).
 */
export function loadOperationDocuments(dir: string): OperationDocument[] {
  const names = readdirSync(dir)
    .filter((f) => f.endsWith('.graphql'))
    .sort();
  // An empty folder would check nothing and pass: a wrong path, never what was meant.
  if (names.length === 0)
    throw unusableFile(
      `${dir} holds no .graphql file`,
      'give --operations the folder of your operations, one per file',
    );
  const files = names.map((name) => {
    const file = join(dir, name);
    return { file, document: parseGraphQLFile(file, readFileSync(file, 'utf8'), OPERATION_STEP) };
  });
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const { document } of files)
    for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  return files.map(({ file, document }) => ({ file, document: withFragments(document, fragments) }));
}

function spreadsOf(node: DocumentNode | FragmentDefinitionNode): string[] {
  const names: string[] = [];
  visit(node, { FragmentSpread: (spread) => void names.push(spread.name.value) });
  return names;
}

function withFragments(document: DocumentNode, fragments: Map<string, FragmentDefinitionNode>): DocumentNode {
  const present = new Set(
    document.definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [d.name.value] : [])),
  );
  const added: FragmentDefinitionNode[] = [];
  const queue = spreadsOf(document);
  while (queue.length > 0) {
    const name = queue.pop()!;
    const fragment = fragments.get(name);
    if (present.has(name) || !fragment) continue;
    present.add(name);
    added.push(fragment);
    queue.push(...spreadsOf(fragment));
  }
  return added.length === 0 ? document : { ...document, definitions: [...document.definitions, ...added] };
}
