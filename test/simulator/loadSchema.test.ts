// The simulator and the testing kit build their schema from codegen's parse of the snapshot, with
// graphql's SDL and schema checks skipped (src/simulator/graphql/loadSchema.ts). These tests are
// those checks, and the proof that the parse is the snapshot's, so the skipping changes nothing else.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { buildASTSchema, buildSchema, parse, printSchema, validateSchema } from 'graphql';
import { SCHEMA_DOCUMENT } from '../../src/generated/schemaDocument.js';
import { DIALECTS } from '../../src/schema/dialects.js';
import { loadSchema, schemaDocument } from '../../src/simulator/graphql/loadSchema.js';

const SDL = readFileSync(new URL('../../schema/boomi-spaces.graphql', import.meta.url), 'utf8');

describe('the schema the simulator and the testing kit execute against', () => {
  it('comes from the snapshot as it is: the generated document is its parse', () => {
    expect(SCHEMA_DOCUMENT).toEqual(parse(SDL, { noLocation: true }));
    expect(printSchema(loadSchema())).toBe(printSchema(buildSchema(SDL)));
  });

  it.each(DIALECTS)('passes the SDL and schema checks its build skips, in the %s dialect', (dialect) => {
    const checked = buildASTSchema(schemaDocument(dialect)); // throws on an SDL rule broken
    expect(validateSchema(checked)).toEqual([]);
    expect(printSchema(loadSchema(dialect))).toBe(printSchema(checked));
  });
});
