import { describe, expect, it } from '@jest/globals';
import { parse } from 'graphql';
import type { TypedDocumentNode } from '@urql/core';
import { shapeMismatch } from '../../src/executor/checkShape.js';

const document = parse(`
  query q {
    list: items { id tags { name } ...Extra ... on Special { special } ... { inline } }
    one { id }
  }
  fragment Extra on Item { extra }
`) as unknown as TypedDocumentNode<unknown, never>;
const item = { id: 'i', tags: [{ name: 'a' }], inline: 1 };

describe('the answer shape check', () => {
  it.each<[string, unknown]>([
    [
      'a fitting answer, fragment fields absent, nulls anywhere',
      { list: [item, null, { ...item, tags: null }], one: null },
    ],
    ['nested lists of objects', { list: [[item], []], one: { id: 'x' } }],
  ])('passes %s', (_label, data) => {
    expect(shapeMismatch(document, data)).toBeUndefined();
  });

  it.each<[string, unknown, string]>([
    ['no object', [], 'data: expected an object, got a list'],
    ['a missing field', { list: [] }, 'data.one: missing'],
    ['a missing field in a list', { list: [item, { tags: [] }], one: null }, 'data.list[1].id: missing'],
    [
      'an object for a scalar',
      { list: [{ ...item, id: {} }], one: null },
      'data.list[0].id: expected a scalar, got an object',
    ],
    [
      'a scalar for an object',
      { list: [{ ...item, tags: [{ name: 'a' }, 7] }], one: null },
      'data.list[0].tags[1]: expected an object, got a number',
    ],
    [
      'a missing field of an untyped inline fragment',
      { list: [{ id: 'i', tags: [] }], one: null },
      'data.list[0].inline: missing',
    ],
    [
      'a wrong field under a named fragment',
      { list: [{ ...item, extra: { no: 1 } }], one: null },
      'data.list[0].extra: expected a scalar, got an object',
    ],
    [
      'a wrong field under a typed inline fragment',
      { list: [{ ...item, special: [null, 'x', {}] }], one: null },
      'data.list[0].special[2]: expected a scalar, got an object',
    ],
  ])('names where the answer departs: %s', (_label, data, expected) => {
    expect(shapeMismatch(document, data)).toBe(expected);
  });
});
