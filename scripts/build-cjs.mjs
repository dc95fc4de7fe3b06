// CommonJS copies of dist/ in dist-cjs/, for `require('boomi-spaces')` (and /testing, /simulator) on
// Node versions without require(esm). Each ES module is transformed on its own (no bundling), so the
// layout, relative imports and the lazy undici import stay as they are; `import.meta.url` becomes
// the file's URL. The declarations are copied: under dist-cjs/package.json ("type": "commonjs")
// TypeScript reads them as CommonJS declarations for `require` consumers.
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, transform } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const from = join(root, 'dist');
const to = join(root, 'dist-cjs');

function* files(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else yield path;
  }
}

mkdirSync(to, { recursive: true });
writeFileSync(join(to, 'package.json'), `${JSON.stringify({ type: 'commonjs' }, null, 2)}\n`);
for (const file of files(from)) {
  const target = join(to, relative(from, file));
  mkdirSync(dirname(target), { recursive: true });
  if (file.endsWith('.d.ts')) {
    copyFileSync(file, target);
    continue;
  }
  if (!file.endsWith('.js')) continue;
  const source = readFileSync(file, 'utf8');
  const usesMeta = source.includes('import.meta');
  const { code } = await transform(source.replace(/^#!.*\n/, ''), {
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    loader: 'js',
    ...(usesMeta && {
      define: { 'import.meta.url': '__importMetaUrl' },
      banner: "const __importMetaUrl = require('node:url').pathToFileURL(__filename).href;",
    }),
  });
  writeFileSync(target, code);
}

// CommonJS bundles of msw's ESM-only dependencies, for `preset: 'boomi-spaces'` (jest-preset.cjs):
// jest's CommonJS runtime cannot load an ES module (`Must use import to load ES Module`), so the
// preset maps these names to the copies here. Bundled from the versions this package is tested with.
// The list is the preset's own: each name it maps is bundled to the file it maps the name to.
const preset = createRequire(import.meta.url)('../jest-preset.cjs');
for (const [pattern, outfile] of Object.entries(preset.moduleNameMapper)) {
  const name = pattern.slice(1, -1).replaceAll('\\', '');
  await build({
    entryPoints: [name],
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    outfile,
    absWorkingDir: root,
    logLevel: 'warning',
  });
}
