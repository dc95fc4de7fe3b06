// Bundles the CLI's start-up path (dist/cli/main.js and what it imports statically, commander
// included) into one file in place. Loading commander's CommonJS files one by one through Node's
// loader was most of `boomi-spaces --help`'s start-up; every command's own code stays in its
// separate files, loaded by dynamic import when the command runs.
import { chmodSync } from 'node:fs';
import { build } from 'esbuild';

const entry = new URL('../dist/cli/main.js', import.meta.url).pathname;
await build({
  entryPoints: [entry],
  outfile: entry,
  allowOverwrite: true,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  logLevel: 'warning',
  // commander is CommonJS: its require() of Node built-ins needs a require in an ES module.
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module';\nconst require = __createRequire(import.meta.url);",
  },
  plugins: [
    {
      name: 'commands-load-lazily',
      setup(builder) {
        builder.onResolve({ filter: /.*/ }, (args) =>
          args.kind === 'dynamic-import' ? { path: args.path, external: true } : undefined,
        );
      },
    },
  ],
});
chmodSync(entry, 0o755);
