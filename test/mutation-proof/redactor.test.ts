import { describe, expect, it } from '@jest/globals';
import { fromGraphQLErrors } from '../../src/errors/toSpacesError.js';
import { redactDeep, redactShapes, SecretRedactor } from '../../src/security/SecretRedactor.js';

// Secrets with no credential shape: only the redactor's memory can blank them.
const secret = (n: number) => `plain-secret-${String(n).padStart(4, '0')}`;

describe('redactShapes', () => {
  it.each([
    ['Authorization: Bearer abc.def-ghi_123', 'Authorization: Bearer [REDACTED]'],
    ['echo: Basic Qk9PTUlfVE9LRU46eA==, then', 'echo: Basic [REDACTED], then'],
    ['Bearer\tabcdef', 'Bearer [REDACTED]'],
    ['Bearer   abcdefgh', 'Bearer [REDACTED]'],
    ['jwt eyJhbGciOi.eyJzdWIiOi.c2lnbmF0dXJl end', 'jwt [REDACTED] end'],
    ['unsigned eyJhbGciOi.eyJzdWIiOi. end', 'unsigned [REDACTED] end'],
    ['two: Bearer aaaaaa and Bearer bbbbbb', 'two: Bearer [REDACTED] and Bearer [REDACTED]'],
  ])('blanks %j', (text, expected) => {
    expect(redactShapes(text)).toBe(expected);
  });

  it.each([
    'Bearer abcde', // too short to be a credential
    'the Basic idea', // a word, not a credential
    'xBearer abcdefgh', // not a word of its own
    'eyJabcde.abcdef.xyz', // a JWT part shorter than 6
    'eyJabcdef.abcde.xyz',
    'EYJabcdef.abcdef.xyz',
    'bearer abcdefgh', // the scheme is case-sensitive as sent
  ])('leaves %j alone', (text) => {
    expect(redactShapes(text)).toBe(text);
  });
});

describe('redactDeep', () => {
  const upper = (text: string) => text.toUpperCase();

  it('passes every string, keys too, through the function, and keeps other values', () => {
    expect(redactDeep({ a: 'x', list: ['y', 1, null, true, { b: 'z' }], n: 2, u: undefined }, upper)).toEqual({
      A: 'X',
      LIST: ['Y', 1, null, true, { B: 'Z' }],
      N: 2,
      U: undefined,
    });
    expect(redactDeep('s', upper)).toBe('S');
    expect(redactDeep(7, upper)).toBe(7);
    expect(redactDeep(null, upper)).toBeNull();
  });

  it('walks objects without a prototype and refuses class instances', () => {
    const bare = Object.assign(Object.create(null) as Record<string, unknown>, { k: 'v' });
    expect(redactDeep(bare, upper)).toEqual({ K: 'V' });
    expect(redactDeep({ when: new Date(0), map: new Map() }, upper)).toEqual({
      WHEN: '[not plain data]',
      MAP: '[not plain data]',
    });
  });

  it('cuts an object or list 32 levels down, not one level earlier (a string there is still redacted)', () => {
    const nest = (levels: number): unknown => (levels === 0 ? 'leaf' : { d: nest(levels - 1) });
    const dig = (value: unknown, levels: number): unknown =>
      levels === 0 ? value : dig((value as { D: unknown }).D, levels - 1);
    expect(dig(redactDeep(nest(32), upper), 32)).toBe('LEAF');
    expect(dig(redactDeep(nest(33), upper), 32)).toBe('[too deep]');
    const list = (levels: number): unknown => (levels === 0 ? 'leaf' : [list(levels - 1)]);
    const digList = (value: unknown, levels: number): unknown =>
      levels === 0 ? value : digList((value as unknown[])[0], levels - 1);
    expect(digList(redactDeep(list(32), upper), 32)).toBe('LEAF');
    expect(digList(redactDeep(list(33), upper), 32)).toBe('[too deep]');
  });
});

describe('SecretRedactor', () => {
  it('blanks every occurrence of a remembered or pinned secret, and shapes too', () => {
    const redactor = new SecretRedactor();
    redactor.add(secret(1));
    redactor.pin(secret(2));
    expect(redactor.redact(`${secret(1)}/${secret(2)}/${secret(1)} Bearer abcdefgh`)).toBe(
      '[REDACTED]/[REDACTED]/[REDACTED] Bearer [REDACTED]',
    );
  });

  it('ignores nothing, empty and short values (fewer than 6 characters), takes 6', () => {
    const redactor = new SecretRedactor();
    for (const value of [undefined, '', 'abcde']) {
      redactor.add(value);
      redactor.pin(value);
    }
    expect(redactor.redact('abcde abcde')).toBe('abcde abcde');
    redactor.add('abcdef');
    redactor.pin('ghijkl');
    expect(redactor.redact('abcdef ghijkl')).toBe('[REDACTED] [REDACTED]');
  });

  it('remembers the last 16 added secrets, a repeated one counted once', () => {
    const redactor = new SecretRedactor();
    redactor.add(secret(1));
    redactor.add(secret(2));
    redactor.add(secret(2));
    for (let n = 3; n <= 16; n++) redactor.add(secret(n));
    expect(redactor.redact(secret(1))).toBe('[REDACTED]');
    redactor.add(secret(17));
    expect(redactor.redact(secret(1))).toBe(secret(1));
    expect(redactor.redact(secret(2))).toBe('[REDACTED]');
    expect(redactor.redact(secret(17))).toBe('[REDACTED]');
  });

  it('keeps 1000 pinned secrets, a repeated one counted once, whatever is added after', () => {
    const redactor = new SecretRedactor();
    redactor.pin(secret(1));
    redactor.pin(secret(2));
    redactor.pin(secret(2));
    for (let n = 3; n <= 1000; n++) redactor.pin(secret(n));
    for (let n = 0; n < 40; n++) redactor.add(`rotating-jwt-${n}`);
    expect(redactor.redact(secret(1))).toBe('[REDACTED]');
    redactor.pin(secret(1001));
    expect(redactor.redact(secret(1))).toBe(secret(1));
    expect(redactor.redact(secret(2))).toBe('[REDACTED]');
  });
});

describe('the server’s GraphQL errors go through the client’s redactor', () => {
  it('a secret with no credential shape echoed in extensions, nested and as a key, is blanked', () => {
    const redactor = new SecretRedactor();
    const token = 'api-token-SEKRET-5f2c9e'; // no Bearer, Basic or JWT shape
    redactor.pin(token);
    const error = fromGraphQLErrors(
      [{ message: `refused ${token}`, path: ['spaces', token], extensions: { echoed: token, deep: [{ [token]: 1 }] } }],
      { operationName: 'getSpace', redact: (text) => redactor.redact(text), status: 200, data: { token } },
    );
    expect(JSON.stringify(error)).not.toContain(token);
    expect(error.graphQLErrors[0]).toEqual({
      message: 'refused [REDACTED]',
      path: ['spaces', '[REDACTED]'],
      extensions: { echoed: '[REDACTED]', deep: [{ '[REDACTED]': 1 }] },
    });
    expect(error.data).toEqual({ token: '[REDACTED]' });
    expect(error.message).not.toContain(token);
  });
});
