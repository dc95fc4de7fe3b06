// The import graph of src/, for the architecture tests: every relative import of each source file,
// read by TypeScript's own scanner (static, type-only, re-exports and lazy `import('./x.js')` alike:
// a lazy import still ties the importer to the module it loads).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const src = fileURLToPath(new URL('../../src/', import.meta.url));

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : /\.tsx?$/.test(path) ? [path] : [];
  });
}

/** './x.js' is x.ts or x.tsx; a specifier that names no source file (package.json, say) is dropped. */
function resolveSource(path: string): string | undefined {
  const ts = path.replace(/\.js$/, '.ts');
  return [ts, `${ts}x`].find(existsSync);
}

/** A source file's path inside src/, with forward slashes: `cli/output.ts`. */
export const name = (file: string): string => relative(src, file).split('\\').join('/');

/** Source file → the source files it imports (absolute paths). */
export const graph: ReadonlyMap<string, string[]> = new Map(
  files(src).map((file) => {
    const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    const targets = importedFiles
      .map((imported) => imported.fileName)
      .filter((specifier) => specifier.startsWith('.'))
      .flatMap((specifier) => resolveSource(resolve(dirname(file), specifier)) ?? []);
    return [file, [...new Set(targets)]];
  }),
);
