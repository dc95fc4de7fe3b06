/**
 * Bounds on what the SDK sends, checked before anything is sent. Boomi publishes no lengths for ids
 * and names: these caps are generous (ids seen are GUIDs or ~40-character base64 strings) and exist
 * so that a mistake, a 20 MB id say, is a clear local error instead of an upload.
 *
 * The checks read the constants by name, so a bundle carries only the numbers its checks use;
 * `INPUT_LIMITS` gathers them for the SDK's users.
 */

/** Characters in an id (pack, space, instance, environment, attachment). */
export const MAX_ID_LENGTH = 256;
/** Characters in an instance's override name. */
export const MAX_NAME_LENGTH = 255;

/** The bounds of what the SDK sends (see above). */
export const INPUT_LIMITS = {
  /** Characters in an id (pack, space, instance, environment, attachment). */
  maxIdLength: MAX_ID_LENGTH,
  /** Characters in an instance's override name. */
  maxNameLength: MAX_NAME_LENGTH,
  /** Environments in one attach call. */
  maxEnvironmentIds: 100,
  /** Characters in a catalog search term. */
  maxSearchTermLength: 200,
  /** Listings in one page of the public catalog. */
  maxCatalogPageSize: 100,
} as const;
