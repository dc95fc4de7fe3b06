import { execFileSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { headingAnchors, linkTarget, relativeLinks } from './markdownLinks.js';

/** This repository's root. */
export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

/**
 * A consumer's project with one of our packages installed from its packed tarball, without the
 * network: the project sits inside this repository, so the tarball's dependencies (and jest,
 * ts-jest, codegen) resolve from our node_modules, while the package itself is only what it packs.
 */
export interface PackedConsumer {
  /** The project's folder. */
  app: string;
  /** Where the package was extracted (node_modules/<name>). */
  installed: string;
  /** Runs node in the project (or in its folder `cwd`); returns stdout. */
  node(args: string[], cwd?: string): string;
  /**
   * Type-checks files of the project as a strict nodenext project on Node's globals; throws with
   * tsc's output.
   */
  tsc(files: string[], extra?: string[]): string;
  /**
   * The same check of several files in one program (one start, one load of the libraries), for
   * tests that each judge their own files: tsc's errors, one entry per diagnostic (its first line
   * starts with the file's path in the project). Throws when tsc fails without any.
   */
  tscErrors(files: string[], extra?: string[]): string[];
  write(file: string, text: string): void;
  remove(): void;
}

// Where `npm run check:package` (scripts/check-package.mjs) leaves its tarballs, each with a record
// of the files it packed.
const packsDir = join(repoRoot, 'node_modules/.cache/boomi-spaces/packs');
interface PackRecord {
  name: string;
  dir: string;
  tarball: string;
  files: string[];
}

/**
 * The tarball check:package packed of `packageDir`, when nothing it holds changed since: every packed
 * file and its folder (a file added or removed changes its folder) is older than the tarball. Else
 * undefined, and the caller packs afresh.
 */
function packedEarlier(packageDir: string): string | undefined {
  if (!existsSync(packsDir)) return undefined;
  const records = readdirSync(packsDir)
    .filter((f) => f.endsWith('.tgz.json'))
    .map((f) => JSON.parse(readFileSync(join(packsDir, f), 'utf8')) as PackRecord);
  const record = records.find((r) => r.dir === packageDir);
  const tarball = record && join(packsDir, record.tarball);
  if (!record || !tarball || !existsSync(tarball)) return undefined;
  const packedAt = statSync(tarball).mtimeMs;
  const base = join(repoRoot, packageDir);
  const paths = new Set(['package.json']);
  for (const file of record.files) {
    paths.add(file);
    for (let dir = dirname(file); dir !== '.'; dir = dirname(dir)) paths.add(dir);
  }
  const unchanged = [...paths].every((path) => {
    const full = join(base, path);
    return existsSync(full) && statSync(full).mtimeMs <= packedAt;
  });
  return unchanged ? tarball : undefined;
}

/** The tsconfig.json of a consumer's CommonJS project tested with ts-jest. */
export const commonJsJestTsconfig = JSON.stringify({
  compilerOptions: {
    module: 'commonjs',
    target: 'es2022',
    strict: true,
    esModuleInterop: true,
    types: ['jest', 'node'],
  },
});

/**
 * Packs `packageDir` (relative to the repository) and installs it as `name` in a fresh project.
 * With `alone`, the project lies outside the repository, and only the packages it lists (linked from
 * our node_modules, the package's dependencies and the types tsc needs) resolve there: a package
 * the consumer did not install (graphql) is missing, as it is in a real project. Its type checks
 * then preserve symlinks, so a linked package's own imports resolve from the project too.
 */
export function installPacked(packageDir: string, name: string, alone?: { packages: string[] }): PackedConsumer {
  const work = mkdtempSync(join(alone ? tmpdir() : repoRoot, '.tmp-consumer-'));
  let tarball = packedEarlier(packageDir);
  if (!tarball) {
    execFileSync('npm', ['pack', '--silent', '--pack-destination', work], { cwd: join(repoRoot, packageDir) });
    tarball = join(
      work,
      readdirSync(work).find((f) => f.endsWith('.tgz'))!,
    );
  }
  const app = join(work, 'app');
  const installed = join(app, 'node_modules', name);
  mkdirSync(join(installed, '..'), { recursive: true });
  execFileSync('tar', ['-xzf', tarball, '-C', join(installed, '..')]);
  renameSync(join(installed, '../package'), installed);
  for (const linked of alone?.packages ?? []) {
    mkdirSync(join(app, 'node_modules', linked, '..'), { recursive: true });
    symlinkSync(join(repoRoot, 'node_modules', linked), join(app, 'node_modules', linked), 'dir');
  }
  const node = (args: string[], cwd = '.') =>
    execFileSync(process.execPath, args, {
      cwd: join(app, cwd),
      encoding: 'utf8',
      env: { ...process.env, NODE_OPTIONS: '' },
    });
  const write = (file: string, text: string) => {
    mkdirSync(join(app, file, '..'), { recursive: true });
    writeFileSync(join(app, file), text);
  };
  write('package.json', JSON.stringify({ name: 'consumer', private: true }));
  const tsc = (files: string[], extra: string[] = []) =>
    node([
      join(repoRoot, 'node_modules/typescript/bin/tsc'),
      '--noEmit',
      '--strict',
      '--module',
      'nodenext',
      // A consumer's globals are Node's: without `--types`, tsc would load (and lib-check) every
      // @types package our own tooling installs above the project (jest's, babel's, …), which
      // no consumer has and which was most of each check's time.
      '--types',
      'node',
      // TypeScript's own lib files (lib.dom.d.ts the largest) are still loaded and checked against,
      // but not checked themselves: an error of our declarations shows in our files, and that
      // check was a third of each run.
      '--skipDefaultLibCheck',
      ...(alone ? ['--preserveSymlinks'] : []),
      ...extra,
      ...files,
    ]);
  return {
    app,
    installed,
    node,
    write,
    tsc,
    tscErrors: (files, extra = []) => {
      try {
        tsc(files, extra);
        return [];
      } catch (error) {
        const diagnostics = String((error as { stdout?: unknown }).stdout)
          .split(/\n(?=\S)/)
          .filter((text) => /error TS\d+/.test(text));
        if (diagnostics.length === 0) throw error;
        return diagnostics;
      }
    },
    remove: () => rmSync(work, { recursive: true, force: true }),
  };
}

/** A script body: the simulator, a JWT provider and a client (names in scope), then the Space's name and `shown`. */
export const simulatorCall = (shown: string) => `
  const simulator = await startSimulator();
  const jwt = createJwtProvider({ ...simulator.credentials, authUrl: simulator.authUrl });
  const client = createSpacesClient({ endpoint: simulator.url, getToken: jwt.getToken, spaceGuid: DEMO.spaceId });
  const space = await client.getSpace(DEMO.spaceId);
  await client.close();
  await simulator.close();
  console.log(space.name, ${shown});`;

/** Every file under `dir`, as paths relative to it. */
export function* filesUnder(dir: string, prefix = ''): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) yield* filesUnder(join(dir, entry.name), `${prefix}${entry.name}/`);
    else yield `${prefix}${entry.name}`;
  }
}

/**
 * What an installed package points its reader at and does not hold, each as `file -> target`: the
 * relative links of its Markdown (README.md, docs/*.md), a link's `#anchor` included (a heading of
 * the page it leads to, by GitHub's rules), and the `docs/….md` pages its code names (SCHEMA_DRIFT's
 * next steps).
 */
export function danglingDocLinks(installed: string): string[] {
  const dangling = new Set<string>();
  const read = (file: string) => readFileSync(join(installed, file), 'utf8');
  for (const file of filesUnder(join(installed))) {
    if (file.startsWith('node_modules/')) continue;
    if (file.endsWith('.md')) {
      for (const link of relativeLinks(read(file))) {
        const { file: target, anchor } = linkTarget(file, link);
        const found =
          existsSync(join(installed, target)) &&
          (anchor === undefined || !target.endsWith('.md') || headingAnchors(read(target)).has(anchor));
        if (!found) dangling.add(`${file} -> ${link}`);
      }
    } else if (file.endsWith('.js')) {
      for (const [page] of read(file).matchAll(/\bdocs\/[\w-]+\.md\b/g))
        if (!existsSync(join(installed, page))) dangling.add(`${file} -> ${page}`);
    }
  }
  return [...dangling].sort();
}
