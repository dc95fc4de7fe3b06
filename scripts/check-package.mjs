// `npm run check:package`: publint --strict and attw on both published packages (boomi-spaces and
// packages/sdk), each packed once. `publint <dir>` and `attw --pack` each ran their own `npm pack`;
// here one `npm pack` makes both tarballs in node_modules/.cache/boomi-spaces/packs/ and the two
// tools read the same tarball. test/support/packedConsumer.ts installs these tarballs while none of
// the packed files changed since (the record beside each tarball lists them).
// `--pack` only packs (and writes the records); `--check` only checks the tarballs an earlier
// `--pack` left: `npm test` packs before jest (the package tests reuse the tarballs) and checks them
// beside jest. Without either, both.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const packsDir = join(root, 'node_modules/.cache/boomi-spaces/packs');
const bin = (name) => join(root, 'node_modules/.bin', name);

// Each package: its folder and the attw options it is held to.
const packages = [
  { dir: '.', attw: ['--profile', 'node16', '--exclude-entrypoints', './schema.graphql', './jest-preset'] },
  { dir: 'packages/sdk', attw: ['--exclude-entrypoints', './schema.graphql'] },
];

const mode = process.argv[2];
if (mode !== undefined && mode !== '--pack' && mode !== '--check') {
  console.error(`check-package: unknown option ${mode} (use --pack, --check or nothing)`);
  process.exit(2);
}

/** Packs both packages into packsDir; writes what packedConsumer needs beside each tarball. */
function pack() {
  rmSync(packsDir, { recursive: true, force: true });
  mkdirSync(packsDir, { recursive: true });
  const packed = JSON.parse(
    execFileSync('npm', ['pack', '--json', '--pack-destination', packsDir, ...packages.map((p) => `./${p.dir}`)], {
      cwd: root,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    }),
  );
  packages.forEach((pkg, index) => {
    const { name, filename, files } = packed[index];
    // What test/support/packedConsumer.ts needs to tell whether the tarball still matches the folder.
    const record = { name, dir: pkg.dir, tarball: filename, files: files.map((f) => f.path) };
    writeFileSync(join(packsDir, `${filename}.json`), `${JSON.stringify(record, null, 2)}\n`);
  });
}

/** Runs a tool; resolves with its exit code and its output (printed whole, so the two packages' logs do not mix). */
const run = (command, args) =>
  new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    const chunks = [];
    child.stdout.on('data', (chunk) => chunks.push(chunk));
    child.stderr.on('data', (chunk) => chunks.push(chunk));
    child.on('close', (code) => resolve({ code: code ?? 1, output: Buffer.concat(chunks).toString() }));
  });

/** The record --pack wrote for `pkg`, or a message naming the command to run first. */
function packedRecord(pkg) {
  const name =
    existsSync(packsDir) && readdirSync(packsDir).find((f) => f.endsWith('.tgz.json') && readRecord(f).dir === pkg.dir);
  if (!name) {
    console.error(
      `check-package: no tarball of ${pkg.dir} in ${packsDir}: run node scripts/check-package.mjs --pack first`,
    );
    process.exit(1);
  }
  return readRecord(name);
}
const readRecord = (file) => JSON.parse(readFileSync(join(packsDir, file), 'utf8'));

if (mode !== '--check') pack();
if (mode === '--pack') process.exit(0);
const checks = packages.map(async (pkg) => {
  const { name, tarball: filename } = packedRecord(pkg);
  const tarball = join(packsDir, filename);
  const publint = await run(bin('publint'), ['--strict', tarball]);
  const attw = await run(bin('attw'), [tarball, ...pkg.attw]);
  process.stdout.write(`\n${name}\n${publint.output}${attw.output}`);
  return publint.code === 0 && attw.code === 0;
});
if (!(await Promise.all(checks)).every(Boolean)) process.exit(1);
