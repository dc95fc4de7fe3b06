// The console's single-page app: src/console/app bundled by esbuild into dist/console/assets with
// React's production build, beside the page and its styles. The console's server serves these files
// and nothing else; they hold code only, never a credential.
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const app = join(root, 'src/console/app');
const out = join(root, 'dist/console/assets');

mkdirSync(out, { recursive: true });
const result = await build({
  entryPoints: [join(app, 'main.tsx')],
  outfile: join(out, 'app.js'),
  bundle: true,
  format: 'esm',
  platform: 'browser',
  target: ['chrome110', 'firefox110', 'safari16'],
  jsx: 'automatic',
  minify: true,
  legalComments: 'none',
  define: { 'process.env.NODE_ENV': '"production"' },
  metafile: true,
  logLevel: 'warning',
});
copyFileSync(join(app, 'index.html'), join(out, 'index.html'));
copyFileSync(join(app, 'app.css'), join(out, 'app.css'));
const bytes = result.metafile.outputs[Object.keys(result.metafile.outputs)[0]].bytes;
console.log(`dist/console/assets: app.js ${(bytes / 1024).toFixed(1)} KB`);
