// The package's public entries as source files, read from package.json's `exports` (their ESM
// `default` targets, `dist/x.js` -> `src/x.ts`): one list for the tests that walk the public surface.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

type Target = string | { import?: { default?: string } };
const root = fileURLToPath(new URL('../../', import.meta.url));
const { exports } = JSON.parse(readFileSync(`${root}package.json`, 'utf8')) as { exports: Record<string, Target> };

/** `src/…/index.ts` of each entry that ships code (not package.json, the schema or operations). */
export const PUBLIC_ENTRIES: readonly string[] = Object.values(exports)
  .map((target) => (typeof target === 'string' ? undefined : target.import?.default))
  .filter((file): file is string => file?.startsWith('./dist/') === true)
  .map((file) => file.replace(/^\.\/dist\//, 'src/').replace(/\.js$/, '.ts'));
