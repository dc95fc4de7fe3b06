// `instanceof` across copies of the SDK loaded in one program (boomi-spaces and @boomi-spaces/sdk,
// their ESM and CommonJS builds): each copy has classes of its own, so the ordinary prototype check
// fails across them. A class that declares a brand under this registered key is matched by brand
// instead (SpacesError's Symbol.hasInstance, which every subclass inherits). The brand is a static
// field: no dump of an error shows it.

/** The registered key a class declares its brand under: the same symbol in every copy. */
export const BRAND: unique symbol = Symbol.for('boomi-spaces');

/** The brand a class declares itself (not one it inherits); else the class itself. */
export const brandOf = (type: unknown): unknown =>
  Object.hasOwn(Object(type) as object, BRAND) ? (type as Record<symbol, unknown>)[BRAND] : type;
