import { readFileSync } from 'node:fs';
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

describe('README', () => {
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

  it('shows examples/sdk-usage.ts verbatim', () => {
    const block = /<!-- example: examples\/sdk-usage\.ts[^>]*-->\n```ts\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(block).toBe(readFileSync(new URL('../examples/sdk-usage.ts', import.meta.url), 'utf8'));
  });

  it('shows examples/testing-your-code.test.ts verbatim (it runs as a test of its own)', () => {
    const block = /<!-- example: examples\/testing-your-code\.test\.ts[^>]*-->\n```ts\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(block).toBe(readFileSync(new URL('../examples/testing-your-code.test.ts', import.meta.url), 'utf8'));
  });

  it('shows examples/react-usage.tsx verbatim (examples/react-usage.test.tsx renders it)', () => {
    const block = /<!-- example: examples\/react-usage\.tsx[^>]*-->\n```tsx\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(block).toBe(readFileSync(new URL('../examples/react-usage.tsx', import.meta.url), 'utf8'));
  });

  it('shows examples/plan.yaml verbatim (the plan tests apply it)', () => {
    const block = /<!-- example: examples\/plan\.yaml[^>]*-->\n```yaml\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(block).toBe(readFileSync(new URL('../examples/plan.yaml', import.meta.url), 'utf8'));
  });

  it('shows examples/own-operation.ts verbatim', () => {
    const block = /<!-- example: examples\/own-operation\.ts[^>]*-->\n```ts\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(block).toBe(readFileSync(new URL('../examples/own-operation.ts', import.meta.url), 'utf8'));
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
