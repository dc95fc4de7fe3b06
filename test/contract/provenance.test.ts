// Every element of the schema snapshot says where it comes from (schema/provenance.yaml), and every
// entry of that file names an element that exists (issue 20, item 2).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { buildSchema } from 'graphql';
import { loadSchema } from '../../src/simulator/graphql/loadSchema.js';
import { countProvenance, describeCounts, readProvenance, schemaElements } from '../../src/schema/provenance.js';

const schema = loadSchema();
const FILE = new URL('../../schema/provenance.yaml', import.meta.url);
const text = readFileSync(FILE, 'utf8');

describe('schema/provenance.yaml', () => {
  const { origins, problems } = readProvenance(text, schema);

  it('gives every schema element a source, and names no element the schema lacks', () => {
    expect(problems).toEqual([]);
    expect([...schemaElements(schema).keys()].filter((c) => !origins.has(c))).toEqual([]);
  });

  it('resolves types, root fields, fields, arguments and enum values', () => {
    expect(origins.get('Query.spaces')).toMatchObject({ source: 'both', help: 'Get All Spaces', reference: 'Space' });
    expect(origins.get('Query.Space(id:)')).toMatchObject({ source: 'help', help: 'Spaces API doc: Space' });
    expect(origins.get('Space.catalogArtifacts')).toMatchObject({ source: 'reference', reference: 'Space' });
    expect(origins.get('Space.name')).toMatchObject({ source: 'both' });
    expect(origins.get('CatalogListingRecipe')?.source).toBe('inferred');
    expect(origins.get('Operator.STARTSWITH')).toMatchObject({ source: 'both', reference: 'Operator' });
    const counts = countProvenance(origins);
    expect(counts.total).toBe(schemaElements(schema).size);
    expect(counts.help + counts.reference + counts.both + counts.inferred).toBe(counts.total);
  });

  it('is counted in docs/schema-and-contract.md as it is', () => {
    const readme = readFileSync(new URL('../../docs/schema-and-contract.md', import.meta.url), 'utf8').replace(
      /\s+/g,
      ' ',
    );
    expect(readme).toContain(describeCounts(countProvenance(origins)));
  });

  describe('fails on', () => {
    const small = buildSchema(`
      type Query { a(x: ID): String, b: E }
      enum E { ONE TWO }
    `);
    const check = (yaml: string) => readProvenance(yaml, small).problems;
    const complete = `types:
  Query: { source: help, help: P, fields: { a, a(x:), b } }
  E: { source: inferred, why: W, values: { ONE, TWO } }
`;

    it('nothing when complete', () => expect(check(complete)).toEqual([]));
    it('an element without an entry', () =>
      expect(check(complete.replace('a(x:), ', ''))).toEqual(['Query.a(x:): no entry']));
    it('an entry for an element that does not exist', () =>
      expect(check(complete.replace('TWO }', 'TWO, THREE }'))).toEqual(['E.THREE: no such element in the schema']));
    it('a source without its page title or reason, or an unknown source', () => {
      expect(check(complete.replace('help: P, ', ''))).toEqual([
        "Query: source help needs `help:` (the help page's title)",
        "Query.a: source help needs `help:` (the help page's title)",
        "Query.a(x:): source help needs `help:` (the help page's title)",
        "Query.b: source help needs `help:` (the help page's title)",
      ]);
      expect(check(complete.replace('why: W', 'note: W'))).toContain('E: source inferred needs `why:`');
      expect(check(complete.replace('source: inferred', 'source: guessed'))).toContain(
        'E: source must be one of help, reference, both, inferred',
      );
    });
    it('a misspelt key', () =>
      expect(check(complete.replace('why: W', 'why: W, sauce: help'))).toEqual(['E: unknown key `sauce`']));
  });
});
