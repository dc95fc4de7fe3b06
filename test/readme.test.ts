import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it, jest } from '@jest/globals';
import { http, HttpResponse } from 'msw';
import { spacesWithGroups } from '../examples/own-operation.js';
import { installEuInvoices } from '../examples/sdk-usage.js';
import { SchemaDriftError } from '../src/index.js';
import { DEMO } from '../src/simulator/model/seed.js';
import { createTestMock, TEST_TOKEN } from './support/spacesMock.js';
import { withMswServer } from './support/setupMsw.js';

const mock = createTestMock();
const server = withMswServer(...mock.handlers);

/** The README and the pages of docs/, by path relative to the repository. */
const pages = [
  'README.md',
  ...readdirSync(new URL('../docs/', import.meta.url))
    .filter((f) => f.endsWith('.md'))
    .map((f) => `docs/${f}`),
];
const read = (path: string) => readFileSync(new URL(`../${path}`, import.meta.url), 'utf8');

/** Every `<!-- example: file -->` marker with the fenced block under it, in every page. */
const examples = pages.flatMap((page) =>
  [...read(page).matchAll(/<!-- example: (\S+)[^>]*-->\n```\w+\n([\s\S]*?)```/g)].map((m) => ({
    page,
    file: m[1]!,
    block: m[2]!,
  })),
);

describe('README and docs/', () => {
  const readme = read('README.md');

  it.each(examples.map((e) => [e.file, e.page, e.block] as const))('show %s verbatim (in %s)', (file, _page, block) => {
    expect(block).toBe(read(file));
  });

  it('show each example the suite runs', () => {
    expect(examples.map((e) => e.file).sort()).toEqual(
      expect.arrayContaining([
        'examples/own-operation.ts',
        'examples/plan.yaml',
        'examples/react-usage.tsx',
        'examples/sdk-usage.ts',
        'examples/testing-your-code.test.ts',
      ]),
    );
  });

  it('give Node 20 codegen users the overrides this repository uses, as package.json has them', () => {
    const block = /```json\n(\{\n {2}"overrides"[\s\S]*?)```/.exec(read('docs/schema-and-contract.md'));
    const { overrides } = JSON.parse(read('package.json')) as { overrides: Record<string, string> };
    expect(JSON.parse(block![1]!)).toEqual({ overrides });
  });

  it('the README stays an entrance: at most 300 lines, with install, quick start and the docs index', () => {
    expect(readme.split('\n').length).toBeLessThanOrEqual(300);
    for (const heading of [
      '## Install',
      '## Quick start',
      '## A five-minute tour',
      '## Which endpoint',
      '## Node versions',
    ]) {
      expect(readme).toContain(`\n${heading}\n`);
    }
    expect(readme).toContain('npm i boomi-spaces');
    expect(readme).toContain('npm link');
    expect(readme).toContain('npm pack');
    expect(readme).toContain('](docs/README.md)');
  });

  it('your own operation runs through client.execute; a refusal is SCHEMA_DRIFT naming the field', async () => {
    await expect(spacesWithGroups(TEST_TOKEN)).resolves.toEqual([expect.stringMatching(/^Demo_Space \(.+\)$/)]);
    // A platform whose schema lost the field: a validation refusal, nothing executed.
    const refusal = { errors: [{ message: 'Cannot query field "accountGroup" on type "Space".' }], data: null };
    server.use(
      http.post('https://platform.boomi.com/graphql', () => HttpResponse.json(refusal, { status: 400 }), {
        once: true,
      }),
    );
    const error = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      await expect(spacesWithGroups(TEST_TOKEN)).rejects.toBeInstanceOf(SchemaDriftError);
      expect(error.mock.calls).toEqual([['Space.accountGroup', '']]);
    } finally {
      error.mockRestore();
    }
  });

  it('shows the quick start and the test command', () => {
    expect(readme).toContain('npm ci && npm start');
    expect(readme).toContain('npm test');
  });

  it('the SDK usage example runs against the mocked platform', async () => {
    const log = jest.spyOn(console, 'log').mockImplementation(() => undefined);
    try {
      const instance = await installEuInvoices(TEST_TOKEN, DEMO.spaceId);
      expect(instance).toMatchObject({
        integrationPackId: DEMO.packs.invoiceSync,
        integrationPackOverrideName: 'EU invoices',
      });
      expect(log.mock.calls.map((c) => c[0] as unknown)).toEqual([
        'Order Intake (SINGLE)',
        'Invoice Sync (MULTI)',
        'Customer Master Data (MULTI)',
        `installed ${instance.id}`,
      ]);
      expect(mock.state.instances).toHaveLength(1);
    } finally {
      log.mockRestore();
    }
  });
});
