import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The app's files by URL path: the page, its script and its styles, built by `npm run build`. */
const FILES: Record<string, { file: string; type: string }> = {
  '/': { file: 'index.html', type: 'text/html; charset=utf-8' },
  '/assets/app.js': { file: 'app.js', type: 'text/javascript; charset=utf-8' },
  '/assets/app.css': { file: 'app.css', type: 'text/css; charset=utf-8' },
};

/** Where the built app lives beside this module (dist/console/assets). */
export const DEFAULT_ASSETS_DIR = fileURLToPath(new URL('./assets/', import.meta.url));

/** The built app's files, read once: they hold no credential, only code. */
export async function loadAssets(dir: string): Promise<Map<string, { body: Buffer; type: string }>> {
  const assets = new Map<string, { body: Buffer; type: string }>();
  for (const [path, { file, type }] of Object.entries(FILES)) {
    try {
      assets.set(path, { body: await readFile(join(dir, file)), type });
    } catch {
      throw new Error(`the console's ${file} is missing in ${dir}: run \`npm run build\``);
    }
  }
  return assets;
}
