import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { buildSchema, lexicographicSortSchema, printSchema } from 'graphql';
import { readSnapshot, sha256 } from '../../src/schema/snapshotHeader.js';
import { loadSchema } from '../../src/simulator/graphql/loadSchema.js';
import { startSimulator, type RunningSimulator } from '../../src/simulator/server/startSimulator.js';
import { cleanEnv, runCli } from '../support/cli.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const SNAPSHOT = join(root, 'schema/boomi-spaces.graphql');
const work = mkdtempSync(join(tmpdir(), 'boomi-spaces-schema-'));

let simulator: RunningSimulator;
let broken: Server;
let brokenUrl: string;
beforeAll(async () => {
  simulator = await startSimulator();
  // An endpoint whose introspection fails: GraphQL errors, or an empty schema.
  broken = createServer((req, res) => {
    res.setHeader('content-type', 'application/json');
    res.end(
      req.url === '/errors'
        ? JSON.stringify({ errors: [{ message: 'GraphQL introspection is not allowed' }], data: null })
        : JSON.stringify({
            data: {
              __schema: { queryType: null, mutationType: null, subscriptionType: null, types: [], directives: [] },
            },
          }),
    );
  });
  await new Promise<void>((resolve) => broken.listen(0, '127.0.0.1', resolve));
  brokenUrl = `http://127.0.0.1:${(broken.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await simulator.close();
  await new Promise((resolve) => broken.close(resolve));
  rmSync(work, { recursive: true, force: true });
});

/** `boomi-spaces schema …` (what `npm run schema:pull` and `schema:diff` alias), from the repository. */
const tool = (args: string[], env: NodeJS.ProcessEnv = cleanEnv(), cwd = root) =>
  runCli(['schema', ...args], { env, cwd });

const demoAuth = () =>
  cleanEnv({
    BOOMI_AUTH_URL: simulator.authUrl,
    BOOMI_ACCOUNT_ID: 'demo-account',
    BOOMI_USERNAME: 'demo@example.com',
    BOOMI_API_TOKEN: 'demo-token',
  });

/** The current snapshot with `edit` applied to its SDL, written to a temp file. */
function candidate(name: string, edit: (sdl: string) => string): string {
  const { sdl } = readSnapshot(readFileSync(SNAPSHOT, 'utf8'));
  const edited = edit(sdl);
  expect(edited).not.toBe(sdl);
  const file = join(work, name);
  writeFileSync(file, edited);
  return file;
}

describe('npm run schema:pull', () => {
  it('introspects the simulator and writes sorted SDL under a header with source, date and sha256', async () => {
    const out = join(work, 'pulled.graphql');
    const run = await tool(['pull', '--endpoint', simulator.url, '--out', out], demoAuth());
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`Wrote ${out}`);
    const { header, sdl } = readSnapshot(readFileSync(out, 'utf8'));
    expect(header.source).toBe(simulator.url);
    expect(Date.parse(header.date!)).not.toBeNaN();
    expect(header.sha256).toBe(sha256(sdl));
    // Sorted, and the same schema as the snapshot the simulator serves.
    expect(sdl).toBe(`${printSchema(lexicographicSortSchema(buildSchema(sdl)))}\n`);
    expect(sdl).toBe(`${printSchema(lexicographicSortSchema(buildSchema(printSchema(loadSchema()))))}\n`);
  });

  it.each([
    ['an introspection error', '/errors'],
    ['an empty schema', '/empty'],
  ])('writes nothing and exits non-zero on %s', async (_label, path) => {
    const out = join(work, `never-${path.slice(1)}.graphql`);
    const run = await tool(
      ['pull', '--endpoint', `${brokenUrl}${path}`, '--out', out],
      cleanEnv({ BOOMI_JWT: 'a.b.c' }),
    );
    expect(run.code).not.toBe(0);
    expect(run.stderr).toMatch(/error (GRAPHQL_ERROR|INVALID_RESPONSE)/);
    expect(existsSync(out)).toBe(false);
  });

  it('writes nothing when the credentials are refused', async () => {
    const out = join(work, 'refused.graphql');
    const run = await tool(['pull', '--endpoint', simulator.url, '--out', out], {
      ...demoAuth(),
      BOOMI_API_TOKEN: 'wrong',
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('AUTH_ERROR');
    expect(existsSync(out)).toBe(false);
  });
});

describe('npm run schema:diff', () => {
  it('exits 1 when a breaking change touches a field our operations use, naming the operations and the field', async () => {
    const file = candidate('breaking-used.graphql', (sdl) =>
      sdl.replace(
        /\n {2}"Whether an account holds one instance of the pack or many."\n {2}installationType: InstallationType/,
        '',
      ),
    );
    const run = await tool(['diff', file]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(
      /✗ Field 'installationType' was removed from object type 'IntegrationPack' \[IntegrationPack\.installationType\] \(used by getSpace, listIntegrationPackInstances\)/,
    );
    expect(run.stdout).toMatch(
      /✗ getSpace: Cannot query field "installationType" on type "IntegrationPack"\. \(.*operations\/getSpace\.graphql:\d+:\d+\)/,
    );
    const json = await tool(['diff', file, '--json']);
    const report = JSON.parse(json.stdout) as { exitCode: number; changes: Array<{ path: string; usedBy: string[] }> };
    expect(json.code).toBe(1);
    expect(report.changes.find((c) => c.path === 'IntegrationPack.installationType')?.usedBy).toEqual([
      'getSpace',
      'listIntegrationPackInstances',
    ]);
  });

  it('exits 0 when the breaking change touches only what our operations do not use', async () => {
    const file = candidate('breaking-unused.graphql', (sdl) =>
      sdl.replace(/\n {2}"The reviewer of the current submission."\n {2}reviewerUserId: String/, ''),
    );
    const run = await tool(['diff', file]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      "• Field 'reviewerUserId' was removed from object type 'SpaceArtifactListing' [SpaceArtifactListing.reviewerUserId] (not used by our operations)",
    );
    expect(run.stdout).toContain('Result: our operations are unaffected.');
  });

  it('counts a new required argument on a field we call as breaking for that operation', async () => {
    const file = candidate('new-arg.graphql', (sdl) =>
      sdl.replace('  spaces: [Space]', '  spaces(region: String!): [Space]'),
    );
    const run = await tool(['diff', file, '--json']);
    const report = JSON.parse(run.stdout) as { operations: Array<{ name: string; valid: boolean }> };
    expect(run.code).toBe(1);
    expect(report.operations.find((o) => o.name === 'listSpaces')?.valid).toBe(false);
  });

  it('compares with the snapshot and operations of the package itself, from any directory', async () => {
    const file = candidate('safe-elsewhere.graphql', (sdl) =>
      sdl.replace('  spaces: [Space]', '  spaces: [Space]\n  "New."\n  version: String'),
    );
    const run = await tool(['diff', file, '--json'], cleanEnv(), work);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as {
      against: string;
      operations: unknown[];
      provenance: { counts: Record<string, number>; problems: number; candidateUncovered: number };
    };
    expect(report.against).toBe(SNAPSHOT);
    // Every operation of the package's folder (test/contract/operations.test.ts lists them by name).
    const operationFiles = readdirSync(new URL('../../operations/', import.meta.url)).filter((f) =>
      f.endsWith('.graphql'),
    );
    expect(report.operations).toHaveLength(operationFiles.length);
    // The package's provenance file, counted: every element of the snapshot resolved to a source.
    const { counts } = report.provenance;
    expect(counts.help! + counts.reference! + counts.both! + counts.inferred!).toBe(counts.total);
    expect(counts.total).toBeGreaterThan(200);
    expect(report.provenance).toMatchObject({ problems: 0, candidateUncovered: 1 });
  });

  it('lists safe changes and exits 0', async () => {
    const file = candidate('safe.graphql', (sdl) =>
      sdl.replace('  spaces: [Space]', '  spaces: [Space]\n  "New."\n  version: String'),
    );
    const run = await tool(['diff', file]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Safe changes: 2\n {2}• Field 'version' was added to object type 'Query'/);
    expect(run.stdout).toMatch(
      /Provenance of the snapshot \(.*provenance\.yaml\): help \d+, reference \d+, both \d+, inferred \d+ \(\d+ elements\)\n {2}New-schema elements without a provenance entry: 1 /,
    );
  });
});
