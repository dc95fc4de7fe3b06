// Bundles the launcher and the CLI's start-up path (dist/cli/start.js and what it imports statically,
// commander included) each into one file, and writes the help the launcher prints (dist/cli/help.txt).
// Loading commander's CommonJS files one by one through Node's loader was most of `boomi-spaces
// --help`'s start-up; every command's own code stays in its separate files, loaded by dynamic import
// when the command runs.
//
// The launcher (src/cli/main.ts) is bundled twice from the same compiled file: dist/cli/main.cjs, the
// package's bin, and dist/cli/main.js, the same launcher as an ES module for `node dist/cli/main.js`.
// The bin is CommonJS because Node starts a CommonJS main file without its ES module loader, which
// was most of what `--help` cost beyond `node -e 0` (BENCHMARKS.md); both reach the CLI through
// `import('./start.js')`, which CommonJS has too.
import { execFileSync } from 'node:child_process';
import { chmodSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { build } from 'esbuild';

const launcher = new URL('../dist/cli/main.js', import.meta.url).pathname;
const bin = new URL('../dist/cli/main.cjs', import.meta.url).pathname;
const entry = new URL('../dist/cli/start.js', import.meta.url).pathname;
/** Bundles `file` into `outfile`: for the Node the package supports, an ES module unless `extra` says otherwise. */
const bundle = (file, outfile, extra) =>
  build({
    entryPoints: [file],
    outfile,
    allowOverwrite: true,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'warning',
    ...extra,
  });
/** Bundles `file` in place. */
const bundleInPlace = (file, extra) => bundle(file, file, extra);
// The launcher prints --help without loading the CLI: its own small imports in one file.
const cliStaysApart = {
  name: 'cli-stays-apart',
  setup(builder) {
    builder.onResolve({ filter: /^\.\/start\.js$/ }, (args) => ({ path: args.path, external: true }));
  },
};
// CommonJS has no import.meta: in the bin, the launcher's own URL comes from __filename.
await bundle(launcher, bin, {
  format: 'cjs',
  plugins: [cliStaysApart],
  define: { 'import.meta.url': '__launcherUrl' },
  banner: { js: "const __launcherUrl = require('node:url').pathToFileURL(__filename).href;" },
});
await bundleInPlace(launcher, { plugins: [cliStaysApart] });
await bundleInPlace(entry, {
  // commander is CommonJS: its require() of Node built-ins needs a require in an ES module.
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module';\nconst require = __createRequire(import.meta.url);",
  },
  plugins: [
    {
      // commander loads child_process at start-up for executable subcommands, which this CLI has
      // none of: loaded on first use instead (it brings net and dgram along).
      name: 'child-process-on-first-use',
      setup(builder) {
        builder.onResolve({ filter: /^(node:)?child_process$/ }, (args) =>
          args.importer.includes('node_modules/commander/') ? { path: 'child_process', namespace: 'lazy' } : undefined,
        );
        builder.onLoad({ filter: /.*/, namespace: 'lazy' }, () => ({
          contents: "module.exports = new Proxy({}, { get: (_, key) => require('node:child_process')[key] });",
          loader: 'js',
        }));
      },
    },
    {
      name: 'commands-load-lazily',
      setup(builder) {
        // A command file under dist/cli/cmd/ imports `../commands/x.js`: once bundled into
        // dist/cli/start.js, the path must start from there.
        builder.onResolve({ filter: /.*/ }, (args) => {
          if (args.kind !== 'dynamic-import') return undefined;
          if (!args.path.startsWith('.')) return { path: args.path, external: true };
          const fromBundle = relative(dirname(entry), resolve(args.resolveDir, args.path));
          return { path: fromBundle.startsWith('.') ? fromBundle : `./${fromBundle}`, external: true };
        });
      },
    },
  ],
});
chmodSync(launcher, 0o755);
chmodSync(bin, 0o755);
// The help as the CLI itself prints it where stdout is no terminal (80 columns), for the launcher.
const help = execFileSync(process.execPath, [entry, '--help'], { encoding: 'utf8' });
writeFileSync(new URL('../dist/cli/help.txt', import.meta.url), help);
