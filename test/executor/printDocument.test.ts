import { describe, expect, it } from '@jest/globals';
import { Kind, parse, print, visit, type DocumentNode } from 'graphql';
import * as generated from '../../src/generated/graphql.js';
import { printDocument } from '../../src/executor/printDocument.js';

// A core's text must be the very operation graphql-js prints: parsed back, nothing lost or changed
// (a block string comes back an ordinary string of the same value).
const unblocked = (document: DocumentNode) =>
  visit(document, { [Kind.STRING]: (node) => (node.block ? { ...node, block: false } : undefined) });
const same = (document: DocumentNode) => expect(print(parse(printDocument(document)))).toBe(print(unblocked(document)));

const KITCHEN_SINK = `
  query q($id: ID! = "a\\"b\\u2028", $list: [Int!]! = [1, 2], $o: In = { a: { b: [null, true, 1.5e3] }, e: ENUM }) @dir(a: 1) {
    alias: field(id: $id, s: """block "quoted"
    text""", n: null, f: false) @include(if: true) @skip(if: false) { ...F @dir ... on T { x } ... @dir { y } }
    plain
  }
  mutation { m }
  subscription s { t }
  fragment F on T @dir { a b(c: "d") }
  { shorthand }
`;

describe('printDocument (the text a core sends)', () => {
  it('prints every document the SDK ships as graphql-js would', () => {
    const documents = Object.values(generated).filter(
      (value): value is DocumentNode => typeof value === 'object' && (value as { kind?: unknown }).kind === 'Document',
    );
    expect(documents.length).toBeGreaterThan(20);
    for (const document of documents) same(document);
  });

  it('prints every executable kind of node: values, variables, directives, fragments, types', () => {
    same(parse(KITCHEN_SINK));
    same(parse(KITCHEN_SINK, { noLocation: true }));
  });

  it('prints on one line, aliases and arguments as written', () => {
    expect(printDocument(generated.GetSpaceDocument)).toMatch(
      /^query getSpace\(\$id: ID!\) \{ space: Space\(id: \$id\) \{ id name /,
    );
    expect(printDocument(generated.GetSpaceDocument)).not.toContain('\n');
  });
});
