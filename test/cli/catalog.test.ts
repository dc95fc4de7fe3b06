// `boomi-spaces catalog search`: the public catalog with no credentials at all (issue 20, item 6).
import { beforeAll, describe, expect, it } from '@jest/globals';
import type { RunningSimulator } from '../../src/simulator/server/startSimulator.js';
import { cleanEnv, runCli } from './support/inProcess.js';
import { useSimulator } from '../support/simulator.js';

const currentSimulator = useSimulator();
let simulator: RunningSimulator;
/** Only BOOMI_ENDPOINT: no account, user, API token, JWT or JWT endpoint. */
let env: NodeJS.ProcessEnv;
beforeAll(() => {
  simulator = currentSimulator();
  env = cleanEnv({ BOOMI_ENDPOINT: simulator.url });
});

describe('catalog search', () => {
  it('prints the matching listings with no BOOMI_* credentials set, and the simulator sees no JWT request', async () => {
    expect(Object.keys(env).filter((name) => name.startsWith('BOOMI_'))).toEqual(['BOOMI_ENDPOINT']);
    const before = { ...simulator.stats };
    const run = await runCli(['catalog', 'search', 'Invoice', '--json'], { env });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const listings = JSON.parse(run.stdout) as Array<Record<string, unknown>>;
    expect(listings).toEqual([
      expect.objectContaining({ name: 'Invoice Sync', slug: 'invoice-sync', status: 'PUBLISHED', numberOfInstalls: 0 }),
    ]);
    expect(simulator.stats.operations).toEqual({ searchCatalog: 1 });
    expect(simulator.stats.auth).toBe(before.auth);
    expect(simulator.stats.unauthorized).toBe(before.unauthorized);
  });

  it('shows a table of name, slug, installs and published date, and stops at the catalog’s totalCount', async () => {
    const run = await runCli(['catalog', 'search', 'a', '--limit', '150'], { env });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/NAME\s+│ SLUG\s+│ INSTALLS │ PUBLISHED/);
    expect(run.stdout).toContain('Invoice Sync');
    expect(run.stdout).toContain('invoice-sync');
    expect(run.stdout).toContain('2026-01-15T09:00:00Z');
    // Up to 150 asked for (pages of 100): the first page holds all there are, so no second is asked for.
    expect(simulator.stats.operations).toEqual({ searchCatalog: 1 });
  });

  it('says so when nothing matches', async () => {
    const run = await runCli(['catalog', 'search', 'no such listing'], { env });
    expect(run).toMatchObject({ code: 0, stdout: 'No listings match.\n' });
  });

  it.each([['0'], ['1001'], ['2.5']])('refuses --limit %s before any request', async (limit) => {
    const run = await runCli(['catalog', 'search', 'Invoice', '--limit', limit], { env });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--limit must be a whole number from 1 to 1000');
    expect(simulator.stats.operations).toEqual({});
  });

  it('refuses a search term over 200 characters before any request', async () => {
    const run = await runCli(['catalog', 'search', 'x'.repeat(201), '--json'], { env });
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain('`searchTerm` is 201 characters long; at most 200');
    expect(simulator.stats.operations).toEqual({});
  });

  it('still needs credentials for everything else', async () => {
    const run = await runCli(['spaces'], { env });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('missing credentials');
    expect(simulator.stats.operations).toEqual({});
  });
});
