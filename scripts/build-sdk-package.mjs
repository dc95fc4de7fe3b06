// The SDK-only package (packages/sdk, published as @boomi-spaces/sdk): the files of dist/ and
// dist-cjs/ that the SDK entry and the React hooks reach, and nothing of the CLI, simulator, testing kit or tools, so an
// SDK user installs @urql/core and zod, not commander, graphql or yaml. The closure is walked over the
// built files themselves (every relative './x.js' literal, including the lazily imported undici
// sender), and the bare imports it finds must be exactly what the package declares.
import { copyFileSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const target = join(root, 'packages/sdk');
const manifest = JSON.parse(readFileSync(join(target, 'package.json'), 'utf8'));
const rootManifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

const fail = (message) => {
  console.error(`build-sdk-package: ${message}`);
  process.exit(1);
};
if (manifest.version !== rootManifest.version)
  fail(`packages/sdk is ${manifest.version}, the root package ${rootManifest.version}: keep them equal`);

const RELATIVE = /['"](\.\.?\/[^'"\s]+\.js)['"]/g;
const BARE = /(?:from\s+|import\s*\(\s*|require\(\s*|import\s+)['"]([^./'"][^'"]*)['"]/g;
const packageOf = (specifier) =>
  specifier
    .split('/')
    .slice(0, specifier.startsWith('@') ? 2 : 1)
    .join('/');

/** Files reachable from `entry` inside `dir`; declarations map their './x.js' imports to './x.d.ts'. */
function closure(dir, entry, bare) {
  const seen = new Set();
  const pending = [join(dir, entry)];
  while (pending.length > 0) {
    const file = pending.pop();
    if (seen.has(file)) continue;
    if (!existsSync(file)) fail(`${relative(root, file)} is imported but not built`);
    seen.add(file);
    const text = readFileSync(file, 'utf8');
    for (const [, specifier] of text.matchAll(RELATIVE)) {
      const next = resolve(dirname(file), specifier);
      pending.push(file.endsWith('.d.ts') ? next.replace(/\.js$/, '.d.ts') : next);
    }
    for (const [, specifier] of text.matchAll(BARE)) {
      if (!specifier.startsWith('node:') && !builtinModules.includes(specifier)) bare.add(packageOf(specifier));
    }
  }
  return [...seen].map((file) => relative(dir, file));
}

const bare = new Set();
// The SDK's entries (React is an optional peer of its hooks, as in boomi-spaces); the subpaths of
// boomi-spaces it does not carry are listed, with why, in test/package/sdkPackage.test.ts.
const entries = ['index', 'functions/index', 'react/index', 'schema/codegen'];
// The files package.json's "browser" map swaps in for browser bundles (nothing imports them).
for (const file of Object.values(manifest.browser ?? {}))
  if (file.startsWith('./dist/')) entries.push(file.slice('./dist/'.length).replace(/\.js$/, ''));
const files = [
  ...new Set(
    entries.flatMap((entry) => [
      ...closure(join(root, 'dist'), `${entry}.js`, bare),
      ...closure(join(root, 'dist'), `${entry}.d.ts`, bare),
    ]),
  ),
];
const forbidden = files.filter((file) => /^(cli|console|simulator|testing|tools|contract|plan)\//.test(file));
if (forbidden.length > 0) fail(`the SDK entry reaches ${forbidden.join(', ')}`);

const declared = new Set([
  ...Object.keys(manifest.dependencies ?? {}),
  ...Object.keys(manifest.peerDependencies ?? {}),
]);
// Types of @urql/core come with @urql/core; wonka is its dependency and imported by the transport.
// 'boomi-spaces' only appears in the TSDoc examples, rewritten below.
const undeclared = [...bare].filter((name) => !declared.has(name) && !['wonka', 'boomi-spaces'].includes(name));
if (undeclared.length > 0) fail(`the SDK imports ${undeclared.join(', ')}, which packages/sdk does not declare`);

for (const out of ['dist', 'dist-cjs']) {
  rmSync(join(target, out), { recursive: true, force: true });
  for (const file of files) {
    mkdirSync(dirname(join(target, out, file)), { recursive: true });
    const text = readFileSync(join(root, out, file), 'utf8');
    writeFileSync(join(target, out, file), text.replaceAll("from 'boomi-spaces'", "from '@boomi-spaces/sdk'"));
  }
}
copyFileSync(join(root, 'dist-cjs/package.json'), join(target, 'dist-cjs/package.json'));
// What ./schema.graphql, ./operations/* and the codegen helper's `schema` path point at.
for (const dir of ['schema', 'operations']) rmSync(join(target, dir), { recursive: true, force: true });
cpSync(join(root, 'schema/boomi-spaces.graphql'), join(target, 'schema/boomi-spaces.graphql'));
cpSync(join(root, 'operations'), join(target, 'operations'), { recursive: true });
for (const file of ['LICENSE', 'BENCHMARKS.md', 'CHANGELOG.md']) copyFileSync(join(root, file), join(target, file));
// The user docs, as boomi-spaces ships them: the page SCHEMA_DRIFT's next steps name, and the pages it links to.
// Their links to a section of boomi-spaces' README (Install, Which endpoint, Node versions) lead to that
// README on npm: this package's README is its own, without those sections.
rmSync(join(target, 'docs'), { recursive: true, force: true });
mkdirSync(join(target, 'docs'));
for (const page of readdirSync(join(root, 'docs')).filter((f) => f.endsWith('.md'))) {
  const text = readFileSync(join(root, 'docs', page), 'utf8');
  writeFileSync(
    join(target, 'docs', page),
    text.replaceAll('](../README.md#', '](https://www.npmjs.com/package/boomi-spaces#'),
  );
}
writeFileSync(join(target, 'dist/.files.json'), `${JSON.stringify(files.sort(), null, 2)}\n`);
console.log(`packages/sdk: ${files.length} files from dist/ and dist-cjs/`);
