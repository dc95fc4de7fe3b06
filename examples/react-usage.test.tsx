/** @jest-environment ./test/support/domEnvironment.cjs */
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, expect, it } from '@jest/globals';
import { setupServer } from 'msw/node';
import { createSpacesMock, DEMO } from 'boomi-spaces/testing';
import { App } from './react-usage.js';

// The README's React example, run against the fake platform (on React 19, and on 18 in the react18 project).
const mock = createSpacesMock();
const server = setupServer(...mock.handlers);
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  cleanup();
  mock.reset();
});
afterAll(() => server.close());

it('lists the packs, refuses a MULTI install without a name, installs it under a name', async () => {
  render(<App getToken={() => Promise.resolve('test-token')} spaceId={DEMO.spaceId} />);
  const packs = await screen.findByRole('list', { name: 'packs' });
  expect(
    within(packs)
      .getAllByRole('listitem')
      .map((li) => li.textContent),
  ).toEqual([
    'Order Intake (SINGLE) Install Order Intake',
    'Invoice Sync (MULTI) Install Invoice Sync',
    'Customer Master Data (MULTI) Install Customer Master Data',
  ]);

  fireEvent.click(screen.getByRole('button', { name: 'Install Invoice Sync' }));
  expect((await screen.findByRole('alert')).textContent).toMatch(/^INVALID_INPUT: .*MULTI/);
  expect(mock.requests).not.toContain('installIpack');

  fireEvent.change(screen.getByLabelText('Instance name (MULTI packs)'), { target: { value: 'EU invoices' } });
  fireEvent.click(screen.getByRole('button', { name: 'Install Invoice Sync' }));
  const installed = screen.getByRole('list', { name: 'installed' });
  expect((await within(installed).findByText('EU invoices')).tagName).toBe('LI');
  expect(mock.state.instances.map((i) => i.integrationPackOverrideName)).toEqual(['EU invoices']);
});
