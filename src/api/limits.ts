/**
 * Bounds on what the SDK sends, checked before anything is sent. Boomi publishes no lengths for ids
 * and names: these caps are generous (ids seen are GUIDs or ~40-character base64 strings) and exist
 * so that a mistake, a 20 MB id say, is a clear local error instead of an upload.
 */
export const INPUT_LIMITS = {
  /** Characters in an id (pack, space, instance, environment, attachment). */
  maxIdLength: 256,
  /** Characters in an instance's override name. */
  maxNameLength: 255,
  /** Environments in one attach call. */
  maxEnvironmentIds: 100,
  /** Characters in a catalog search term. */
  maxSearchTermLength: 200,
  /** Listings in one page of the public catalog. */
  maxCatalogPageSize: 100,
} as const;
