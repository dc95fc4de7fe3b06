// `instanceof` across copies of the SDK loaded in one program (boomi-spaces and @boomi-spaces/sdk,
// their ESM and CommonJS builds): each copy has classes of its own, so the ordinary prototype check
// fails across them. A class that declares a brand under this registered key is matched by brand
// instead. The brand is a static getter, so no dump of an error shows it and a bundler can still
// drop the classes a program does not use.

/** The registered key a class declares its brand under: the same symbol in every copy. */
export const BRAND: unique symbol = Symbol.for('boomi-spaces.brand');

/** The brand `constructor` declares itself (not one it inherits), if any. */
function ownBrand(constructor: unknown): unknown {
  return typeof constructor === 'function' && Object.hasOwn(constructor, BRAND)
    ? Reflect.get(constructor, BRAND)
    : undefined;
}

/**
 * `value instanceof target`: by brand when `target` declares one (any object with a constructor of
 * the same brand on its prototype chain, from whichever copy), else the ordinary prototype check (a
 * subclass that declares no brand of its own).
 */
export function hasBrand(target: abstract new (...args: never[]) => unknown, value: unknown): boolean {
  const brand = ownBrand(target);
  if (brand === undefined) return Function.prototype[Symbol.hasInstance].call(target, value);
  if (typeof value !== 'object' || value === null) return false;
  for (let proto: unknown = Object.getPrototypeOf(value); proto !== null; proto = Object.getPrototypeOf(proto)) {
    if (Object.hasOwn(proto as object, 'constructor') && ownBrand((proto as object).constructor) === brand) return true;
  }
  return false;
}
