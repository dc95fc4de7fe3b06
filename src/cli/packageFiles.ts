// The files this package was built from (the same files in the repository): what `schema diff` and
// `contract check` compare against by default.
import { fileURLToPath } from 'node:url';

/** The schema snapshot the SDK was generated from. */
export const PACKAGE_SNAPSHOT = fileURLToPath(new URL('../../schema/boomi-spaces.graphql', import.meta.url));
/** The GraphQL operations the SDK sends. */
export const PACKAGE_OPERATIONS = fileURLToPath(new URL('../../operations', import.meta.url));
