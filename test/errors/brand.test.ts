import { describe, expect, it } from '@jest/globals';
import { BRAND } from '../../src/errors/brand.js';
import { OutcomeUnknownError, SchemaDriftError, SpacesError, SpacesInputError } from '../../src/errors/SpacesError.js';
import { NameLookupError } from '../../src/api/findOne.js';

// Another copy of the SDK (the other package, or the other module format) has classes of its own
// with the same brands: these stand in for them, built as the copy's are.
class CopySpacesError extends Error {
  static get [BRAND](): string {
    return 'SpacesError';
  }
}
const copyOf = (brand: string) =>
  class extends CopySpacesError {
    static override get [BRAND](): string {
      return brand;
    }
  };
const copies = {
  SpacesInputError: new (copyOf('SpacesInputError'))(),
  OutcomeUnknownError: new (copyOf('OutcomeUnknownError'))(),
  SchemaDriftError: new (copyOf('SchemaDriftError'))(),
};
const classes = { SpacesInputError, OutcomeUnknownError, SchemaDriftError };
const names = Object.keys(classes) as (keyof typeof classes)[];

describe('instanceof by registered brand', () => {
  it.each(names)('holds for a %s of another copy, and for no other class of ours', (name) => {
    for (const other of names) expect(copies[name] instanceof classes[other]).toBe(other === name);
    expect(copies[name] instanceof SpacesError).toBe(true);
  });

  it.each(names)('still holds for our own %s, and only for its own class and SpacesError', (name) => {
    const own = {
      SpacesInputError: new SpacesInputError('bad', { field: 'x' }),
      OutcomeUnknownError: new OutcomeUnknownError('lost', { operation: 'uninstall', instanceId: 'i' }, { cause: 'x' }),
      SchemaDriftError: new SchemaDriftError({
        code: 'SCHEMA_DRIFT',
        operationName: 'GetSpace',
        reason: 'unknown field',
        snapshot: { sha256: 'a'.repeat(64), date: '2026-01-01', source: 's' },
      }),
    }[name];
    for (const other of names) expect(own instanceof classes[other]).toBe(other === name);
    expect(own instanceof SpacesError).toBe(true);
    expect(own instanceof Error).toBe(true);
  });

  it('is false for a plain SpacesError of either copy, other errors and non-objects', () => {
    for (const value of [new SpacesError('x', { code: 'TIMEOUT' }), new CopySpacesError(), new Error('x')])
      for (const name of names) expect(value instanceof classes[name]).toBe(false);
    for (const value of [null, undefined, 'SpacesInputError', 42, { [BRAND]: 'SpacesInputError' }])
      expect(value instanceof SpacesInputError).toBe(false);
  });

  it('leaves a subclass without a brand of its own to the ordinary prototype check', () => {
    const lookup = new NameLookupError('missing', 'Invoice', [], 'no pack has the id or name "Invoice"', 'pack');
    expect(lookup instanceof NameLookupError).toBe(true);
    expect(lookup instanceof SpacesInputError).toBe(true);
    expect(copies.SpacesInputError instanceof NameLookupError).toBe(false);
  });

  it('keeps the brand out of what an error shows', () => {
    const error = new SpacesInputError('bad', { field: 'x' });
    expect(Object.getOwnPropertySymbols(error)).toEqual([]);
    expect(JSON.stringify(error)).not.toContain('brand');
  });
});
