// `preset: 'boomi-spaces'` in a CommonJS jest project: ts-jest's transform and the node environment
// (as `preset: 'ts-jest'`), plus CommonJS copies of msw's ESM-only dependencies, which jest's
// CommonJS runtime cannot load (`Must use import to load ES Module`). scripts/build-cjs.mjs bundles
// each name mapped here into the file it is mapped to (this list is the only one); docs/testing.md
// ("CommonJS jest") shows the recipe.
const { join } = require('node:path');

// ts-jest only where the project has it (looked for as jest looks for a transform, from the project
// it runs in): a plain-JavaScript project keeps jest's default transform instead of failing with
// `Module ts-jest in the transform option was not found`.
function resolvable(name) {
  try {
    require.resolve(name, { paths: [process.cwd(), __dirname] });
    return true;
  } catch {
    return false;
  }
}

const vendored = ['rettime', '@open-draft/deferred-promise', 'until-async'];
const escape = (name) => name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/**
 * The jest preset of boomi-spaces: TypeScript tests need ts-jest installed; JavaScript tests do not.
 *
 * @example
 * // jest.config.js
 * module.exports = { preset: 'boomi-spaces' };
 */
module.exports = {
  testEnvironment: 'node',
  ...(resolvable('ts-jest') && { transform: { '^.+\\.tsx?$': 'ts-jest' } }),
  moduleNameMapper: Object.fromEntries(
    vendored.map((name) => [
      `^${escape(name)}$`,
      join(__dirname, 'dist-cjs', 'jest-vendor', `${name.replace('/', '+')}.cjs`),
    ]),
  ),
};
