/**
 * `defaults` overridden by each property of `given` that is not `undefined`: an explicit
 * `undefined` in a user's options means the default, as an absent key does, where a plain spread
 * (`{ ...defaults, ...given }`) would copy the `undefined` over the default.
 *
 * @example
 * ```ts
 * withDefaults({ maxAttempts: 3, baseDelayMs: 200 }, { maxAttempts: undefined, baseDelayMs: 50 });
 * // { maxAttempts: 3, baseDelayMs: 50 }
 * ```
 */
export function withDefaults<T extends object>(
  defaults: T,
  given: { [K in keyof T]?: T[K] | undefined } | undefined,
): T {
  // Object.fromEntries defines properties, as a spread does: a `__proto__` key stays a plain key.
  const defined = Object.fromEntries(Object.entries(given ?? {}).filter(([, value]) => value !== undefined));
  return { ...defaults, ...defined };
}
