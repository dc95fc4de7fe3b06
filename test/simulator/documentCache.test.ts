import { describe, expect, it } from '@jest/globals';
import { GraphQLError, specifiedRules } from 'graphql';
import { DocumentCache, documentCache } from '../../src/simulator/graphql/documentCache.js';
import { loadSchema } from '../../src/simulator/graphql/loadSchema.js';
import { createPlatformHandler } from '../../src/simulator/platform/createPlatformHandler.js';

const schema = loadSchema();
const spaces = 'query listSpaces { spaces { id } }';
const names = 'query listNames { spaces { name } }';
const ids = 'query listIds { spaces { id name } }';
const cacheOf = (maxEntries = 10, maxTextBytes = 1024, maxTotalBytes = 64 * 1024) =>
  new DocumentCache({ maxEntries, maxTextBytes, maxTotalBytes });

/** The error a parse throws, so it can be compared. */
function syntaxErrorOf(cache: DocumentCache, text: string): unknown {
  try {
    cache.parse(text);
  } catch (error) {
    return error;
  }
  throw new Error(`expected ${text} not to parse`);
}

describe('the simulator’s document cache', () => {
  it('answers a text it has seen with the same document, and a new text with a new one', () => {
    const cache = cacheOf();
    const first = cache.parse(spaces);
    expect(cache.parse(spaces)).toBe(first);
    expect(cache.parse(names)).not.toBe(first);
    expect(cache.size).toBe(2);
  });

  it('keys by the exact text: a text differing only in spacing is parsed on its own', () => {
    const cache = cacheOf();
    expect(cache.parse(`${spaces} `)).not.toBe(cache.parse(spaces));
  });

  it('validates a kept document once per schema, as graphql would', () => {
    const cache = cacheOf();
    const document = cache.parse(spaces);
    const errors = cache.validate(schema, document, [...specifiedRules]);
    expect(errors).toEqual([]);
    expect(cache.validate(schema, document, [...specifiedRules])).toBe(errors);
  });

  it('answers an invalid document with the same errors every time', () => {
    const cache = cacheOf();
    const invalid = cache.parse('query wrong { spaces { noSuchField } }');
    const errors = cache.validate(schema, invalid, [...specifiedRules]);
    expect(errors.map((error) => error.message)).toEqual(['Cannot query field "noSuchField" on type "Space".']);
    expect(cache.validate(schema, invalid, [...specifiedRules])).toBe(errors);

    const syntaxError = syntaxErrorOf(cache, 'query broken {');
    expect(syntaxError).toBeInstanceOf(GraphQLError);
    expect(syntaxErrorOf(cache, 'query broken {')).toBe(syntaxError);
  });

  it('does not remember validation under other rules, nor of a document it did not parse', () => {
    const cache = cacheOf();
    const document = cache.parse(spaces);
    const noRules = cache.validate(schema, document, []);
    expect(cache.validate(schema, document, [])).not.toBe(noRules);
    const foreign = cacheOf().parse(spaces);
    expect(cache.validate(schema, foreign)).not.toBe(cache.validate(schema, foreign));
  });

  it('keeps at most maxEntries texts, dropping the least recently used', () => {
    const cache = cacheOf(2);
    const first = cache.parse(spaces);
    const second = cache.parse(names);
    expect(cache.parse(spaces)).toBe(first); // now the most recently used
    cache.parse(ids);
    expect(cache.size).toBe(2);
    expect(cache.parse(spaces)).toBe(first);
    expect(cache.parse(names)).not.toBe(second);
  });

  it('keeps its texts within maxTotalBytes together, dropping the least recently used', () => {
    const cache = cacheOf(100, 1024, 100);
    const text = (n: number) => `query q${n} { spaces { id } } # ${'x'.repeat(11)}`; // 40 bytes for n < 10
    const first = cache.parse(text(1));
    cache.parse(text(2));
    expect(cache.parse(text(1))).toBe(first); // now the most recently used
    cache.parse(text(3)); // 120 bytes would be over: text 2 leaves
    expect([cache.size, cache.bytes]).toEqual([2, 80]);
    expect(cache.parse(text(1))).toBe(first);
    for (let n = 4; n < 50; n++) cache.parse(text(n));
    expect(cache.bytes).toBeLessThanOrEqual(100);
    expect(cache.size).toBe(2);
  });

  it('never keeps a text over maxTextBytes, counted in UTF-8 bytes', () => {
    const cache = cacheOf(10, 64);
    const huge = `query huge { spaces { id } } # ${'x'.repeat(64)}`;
    expect(cache.parse(huge)).not.toBe(cache.parse(huge));
    const wide = `{ spaces { id } } # ${'é'.repeat(24)}`; // 44 characters, 68 bytes
    expect(wide.length).toBeLessThanOrEqual(64);
    expect(cache.parse(wide)).not.toBe(cache.parse(wide));
    expect(cache.size).toBe(0);
  });
});

describe('the platform handler with the cache', () => {
  const platform = createPlatformHandler({ strictAuth: false });
  const post = async (query: string) =>
    platform.graphql({
      method: 'POST',
      url: '/graphql',
      headers: new Headers({ authorization: 'Bearer any', 'content-type': 'application/json' }),
      body: JSON.stringify({ query }),
    });

  it('answers the same valid, invalid and unparsable texts the same way twice', async () => {
    for (const query of [spaces, 'query wrong { spaces { noSuchField } }', 'query broken {']) {
      const first = await post(query);
      expect(first).not.toBe('drop');
      expect(await post(query)).toEqual(first);
    }
  });

  it('parses through the shared cache: a new text is kept once, however often it comes', async () => {
    const text = 'query keptOnce { spaces { id name } }';
    const before = documentCache.size;
    await post(text);
    await post(text);
    expect(documentCache.size).toBe(before + 1);
  });

  it('keeps no large text in the shared cache: distinct big documents cannot pile up', async () => {
    const big = `query big { spaces { id } } # ${'x'.repeat(5 * 1024)}`;
    const before = documentCache.size;
    await post(big);
    expect(documentCache.size).toBe(before);
    // Many distinct texts just under the per-text limit (a parsed `{ a a a … }` is far larger than
    // its text): the shared cache stays within its byte budget.
    for (let n = 0; n < 100; n++) await post(`query many${n} { ${'a '.repeat(1900)}}`);
    expect(documentCache.bytes).toBeLessThanOrEqual(256 * 1024);
    expect(documentCache.size).toBeLessThan(100);
  });

  it('answers a validation error with HTTP 400 and the error, as before the cache', async () => {
    const reply = await post('query wrong { spaces { noSuchField } }');
    expect(reply).toMatchObject({ status: 400 });
    const body = JSON.parse((reply as { body: string }).body) as { errors: { message: string }[] };
    expect(body.errors.map((error) => error.message)).toEqual(['Cannot query field "noSuchField" on type "Space".']);
  });
});
