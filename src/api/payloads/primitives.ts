import * as z from 'zod/mini';

// Boomi's JSON writes booleans as booleans or as "true"/"false", and numbers as numbers or strings.

/** A boolean, or the string "true"/"false". */
export const flag = z.pipe(
  z.union([z.boolean(), z.enum(['true', 'false'])]),
  z.transform((value) => value === true || value === 'true'),
);

/** A list that Boomi sends as a list, a single object, or not at all. */
export function listOf<T extends z.ZodMiniType>(item: T) {
  return z.pipe(
    z.optional(z.union([z.array(item), item])),
    z.transform((value): Array<z.output<T>> => (value === undefined ? [] : Array.isArray(value) ? value : [value])),
  );
}

/**
 * A typed pair as the execution history sends durations and sizes: `["Long", "5816"]` (the type's
 * name, then the number as a string). Read as the number, or null when the list is absent or empty.
 */
export function typedNumber(value: ReadonlyArray<string | null> | null | undefined): number | null | undefined {
  if (value === null || value === undefined || value.length === 0) return null;
  if (value.length !== 2 || value[1] === null || !/^-?\d+(\.\d+)?$/.test(value[1] ?? '')) return undefined;
  return Number(value[1]);
}
