// Bundles the launcher (dist/cli/main.js) and the CLI's start-up path (dist/cli/start.js and what it
// imports statically, commander included) each into one file in place, and writes the help the
// launcher prints (dist/cli/help.txt). Loading commander's CommonJS files one by one through Node's
// loader was most of `boomi-spaces --help`'s start-up; every command's own code stays in its
// separate files, loaded by dynamic import when the command runs.
import { execFileSync } from 'node:child_process';
import { chmodSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { build } from 'esbuild';

const launcher = new URL('../dist/cli/main.js', import.meta.url).pathname;
const entry = new URL('../dist/cli/start.js', import.meta.url).pathname;
/** Bundles `file` in place: an ES module for the Node the package supports, with `extra` options. */
const bundleInPlace = (file, extra) =>
  build({
    entryPoints: [file],
    outfile: file,
    allowOverwrite: true,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'warning',
    ...extra,
  });
// The launcher prints --help without loading the CLI: its own small imports in one file.
await bundleInPlace(launcher, {
  plugins: [
    {
      name: 'cli-stays-apart',
      setup(builder) {
        builder.onResolve({ filter: /^\.\/start\.js$/ }, (args) => ({ path: args.path, external: true }));
      },
    },
  ],
});
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
// The help as the CLI itself prints it where stdout is no terminal (80 columns), for the launcher.
const help = execFileSync(process.execPath, [entry, '--help'], { encoding: 'utf8' });
writeFileSync(new URL('../dist/cli/help.txt', import.meta.url), help);
