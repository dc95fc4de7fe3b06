// Jest's transform for .ts/.tsx: esbuild strips the types of each file on its own (the tsconfig has
// isolatedModules, so nothing needs the whole program) and `npm run typecheck` checks the types.
// ts-jest built a TypeScript language service per worker and type-checked every file it loaded,
// which was most of the suite's CPU time (BENCHMARKS.md).
const { createHash } = require('node:crypto');
const { readFileSync } = require('node:fs');
const { transformSync, version } = require('esbuild');

// The compiler options that change emitted code, as tsconfig.json sets them (tsc's semantics:
// class fields defined, imports kept unless written `import type`, React's automatic runtime).
const tsconfigRaw = {
  compilerOptions: { target: 'ES2022', verbatimModuleSyntax: true, jsx: 'react-jsx', useDefineForClassFields: true },
};
const self = readFileSync(__filename);

module.exports = {
  getCacheKey(source, path, options) {
    return createHash('sha256')
      .update(version)
      .update(self)
      .update(path)
      .update(String(options.supportsStaticESM))
      .update(source)
      .digest('hex');
  },
  process(source, path, options) {
    const { code, map } = transformSync(source, {
      loader: path.endsWith('.tsx') ? 'tsx' : 'ts',
      format: options.supportsStaticESM ? 'esm' : 'cjs',
      platform: 'node',
      target: 'node20',
      tsconfigRaw,
      sourcefile: path,
      sourcemap: 'external',
      sourcesContent: false,
    });
    return { code, map };
  },
};
