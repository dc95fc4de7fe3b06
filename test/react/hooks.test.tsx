/** @jest-environment ./test/support/domEnvironment.cjs */
import { StrictMode, useEffect, version, type ReactNode } from 'react';
import { renderToString } from 'react-dom/server';
import { act, cleanup, render, renderHook, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { createSpacesClient, SpacesError } from 'boomi-spaces';
import {
  SpacesProvider,
  useGetSpace,
  useInstallIpack,
  useListIntegrationPackInstances,
  useListSpaces,
  useSearchCatalog,
  useUninstallIpack,
} from 'boomi-spaces/react';
import { createSpacesMock, DEMO } from 'boomi-spaces/testing';
import { withMswServer } from '../support/setupMsw.js';

// Runs twice: on React 19 (the "node" project) and on React 18 (the "react18" project maps react there).
const mock = createSpacesMock();
withMswServer(...mock.handlers);
beforeEach(() => mock.reset());
afterEach(cleanup);

const client = createSpacesClient({ token: 'test-token', spaceGuid: DEMO.spaceId });
const wrapper = ({ children }: { children: ReactNode }) => <SpacesProvider client={client}>{children}</SpacesProvider>;
const withProvider = (ui: ReactNode) => wrapper({ children: ui });

function SpacePacks() {
  const { data, error, fetching } = useGetSpace({ id: DEMO.spaceId });
  if (error) return <p role="alert">{`${error.code}: ${error.message}`}</p>;
  if (!data) return <p>{fetching ? 'Loading…' : 'Nothing'}</p>;
  // Null-free: the SDK's Space, under the operation's root field.
  return (
    <ul aria-label="packs">
      {data.space.sharedIpacks.map((pack) => (
        <li key={pack.id}>{`${pack.name} (${pack.installationType})`}</li>
      ))}
    </ul>
  );
}

describe(`boomi-spaces/react on React ${version}`, () => {
  it('a query hook shows loading, then typed data', async () => {
    render(withProvider(<SpacePacks />));
    expect(screen.getByText('Loading…')).toBeTruthy();
    const items = await screen.findAllByRole('listitem');
    expect(items.map((li) => li.textContent)).toEqual([
      'Order Intake (SINGLE)',
      'Invoice Sync (MULTI)',
      'Customer Master Data (MULTI)',
    ]);
  });

  it('the catalog hook works under a client without credentials, through the SDK’s public path', async () => {
    const anonymous = createSpacesClient();
    const { result } = renderHook(() => useSearchCatalog({ searchTerm: 'Invoice', offset: 0, limit: 5 }), {
      wrapper: ({ children }: { children: ReactNode }) => (
        <SpacesProvider client={anonymous}>{children}</SpacesProvider>
      ),
    });
    await waitFor(() =>
      expect(result.current.data?.catalogListings.listings.map((l) => l.name)).toEqual(['Invoice Sync']),
    );
    expect(result.current.error).toBeUndefined();
    expect(mock.requests).toEqual(['searchCatalog']);
  });

  it('a platform error arrives as a SpacesError with the platform’s code', async () => {
    mock.failNext('getSpace', { code: 'SPACE_NOT_FOUND', message: 'no such space' });
    render(withProvider(<SpacePacks />));
    expect((await screen.findByRole('alert')).textContent).toMatch(/^SPACE_NOT_FOUND: /);
  });

  it('an install shows up in the mounted instance listing without a manual refetch', async () => {
    const { result } = renderHook(() => ({ list: useListIntegrationPackInstances(), install: useInstallIpack() }), {
      wrapper,
    });
    await waitFor(() => expect(result.current.list.data?.integrationPackInstances).toEqual([]));
    const [install] = result.current.install;
    const outcome = await act(() =>
      install({ integrationPackId: DEMO.packs.invoiceSync, integrationPackOverrideName: 'EU' }),
    );
    expect(outcome.error).toBeUndefined();
    expect(outcome.data?.integrationPackOverrideName).toBe('EU');
    await waitFor(() =>
      expect(result.current.list.data?.integrationPackInstances.map((i) => i.integrationPackOverrideName)).toEqual([
        'EU',
      ]),
    );
    expect(mock.requests.filter((r) => r === 'listIntegrationPackInstances')).toHaveLength(2);
  });

  it('a MULTI install without a name is refused by the SDK’s rule, before anything is sent', async () => {
    const { result } = renderHook(() => useInstallIpack(), { wrapper });
    const outcome = await act(() =>
      result.current[0]({ integrationPackId: DEMO.packs.invoiceSync, spaceId: DEMO.spaceId }),
    );
    expect(outcome.error).toBeInstanceOf(SpacesError);
    expect(outcome.error?.code).toBe('INVALID_INPUT');
    expect(outcome.error?.message).toMatch(/MULTI/);
    expect(result.current[1].error?.code).toBe('INVALID_INPUT');
    expect(result.current[1].fetching).toBe(false);
    expect(mock.requests).not.toContain('installIpack');
  });

  it('a lost install answer is reconciled: the instance, once', async () => {
    const { result } = renderHook(() => useInstallIpack(), { wrapper });
    mock.dropNext('installIpack');
    const outcome = await act(() =>
      result.current[0]({ integrationPackId: DEMO.packs.invoiceSync, integrationPackOverrideName: 'Lost' }),
    );
    expect(outcome.data).toMatchObject({ integrationPackOverrideName: 'Lost', reconciled: true });
    expect(mock.state.instances.map((i) => i.integrationPackOverrideName)).toEqual(['Lost']);
  });

  it('StrictMode’s double effects install once', async () => {
    function InstallOnMount() {
      const [install, { data }] = useInstallIpack();
      useEffect(() => {
        void install({ integrationPackId: DEMO.packs.invoiceSync, integrationPackOverrideName: 'Strict' });
      }, [install]);
      return <p>{data ? `installed ${data.integrationPackOverrideName}` : 'installing'}</p>;
    }
    render(<StrictMode>{withProvider(<InstallOnMount />)}</StrictMode>);
    await screen.findByText('installed Strict');
    expect(mock.requests.filter((r) => r === 'installIpack')).toHaveLength(1);
    expect(mock.state.instances).toHaveLength(1);
  });

  it('StrictMode’s double effects send a mutation the SDK does not share once (the hook joins the run)', async () => {
    const { id } = await client.installIntegrationPack({
      integrationPackId: DEMO.packs.invoiceSync,
      integrationPackOverrideName: 'Once',
    });
    function UninstallOnMount() {
      const [uninstall, { data, error }] = useUninstallIpack();
      useEffect(() => {
        void uninstall(id);
      }, [uninstall]);
      return <p>{data ? `uninstalled ${data}` : (error?.code ?? 'uninstalling')}</p>;
    }
    render(<StrictMode>{withProvider(<UninstallOnMount />)}</StrictMode>);
    await screen.findByText(`uninstalled ${id}`);
    expect(mock.requests.filter((r) => r === 'uninstallIpack')).toHaveLength(1);
  });

  it('an uninstall refreshes the listing too', async () => {
    const instance = await client.installIntegrationPack({
      integrationPackId: DEMO.packs.invoiceSync,
      integrationPackOverrideName: 'Gone',
    });
    const { result } = renderHook(() => ({ list: useListIntegrationPackInstances(), uninstall: useUninstallIpack() }), {
      wrapper,
    });
    await waitFor(() => expect(result.current.list.data?.integrationPackInstances).toHaveLength(1));
    const outcome = await act(() => result.current.uninstall[0](instance.id));
    expect(outcome.data).toBe(instance.id);
    await waitFor(() => expect(result.current.list.data?.integrationPackInstances).toEqual([]));
  });

  it('a query for other variables starts empty: another Space’s answer is never shown as this one’s', async () => {
    const { result, rerender } = renderHook<ReturnType<typeof useGetSpace>, { id: string }>(
      ({ id }) => useGetSpace({ id }),
      { wrapper, initialProps: { id: DEMO.spaceId } },
    );
    await waitFor(() => expect(result.current.data?.space.name).toBe('Demo_Space'));
    mock.failNext('getSpace', { code: 'SPACE_NOT_FOUND', message: 'gone' });
    rerender({ id: 'another-space' });
    expect(result.current.data).toBeUndefined();
    expect(result.current.fetching).toBe(true);
    await waitFor(() => expect(result.current.error?.code).toBe('SPACE_NOT_FOUND'));
    expect(result.current.data).toBeUndefined();
  });

  it('a paused query sends nothing until refetched', async () => {
    const { result } = renderHook(() => useListSpaces({ pause: true }), { wrapper });
    expect(result.current.fetching).toBe(false);
    expect(mock.requests).toEqual([]);
    await act(() => result.current.refetch());
    expect(result.current.data?.spaces.map((space) => space.name)).toEqual(['Demo_Space']);
  });

  it('server rendering calls nothing and renders the loading state; the browser then fetches', async () => {
    // Records every method the hooks touch on the client, synchronously: a call during render shows.
    const touched: string[] = [];
    const watched = new Proxy(client, {
      get: (target, property, receiver) => {
        if (typeof property === 'string') touched.push(property);
        return Reflect.get(target, property, receiver) as unknown;
      },
    });
    const app = (
      <SpacesProvider client={watched}>
        <SpacePacks />
      </SpacesProvider>
    );
    const html = renderToString(app);
    expect(html).toContain('Loading…');
    expect(touched).toEqual([]);
    render(app);
    await screen.findAllByRole('listitem');
    expect(touched).toContain('getSpace');
  });

  it('a hook outside a SpacesProvider says what is missing', () => {
    const quiet = console.error;
    console.error = () => undefined;
    try {
      expect(() => render(<SpacePacks />)).toThrow(/outside <SpacesProvider/);
    } finally {
      console.error = quiet;
    }
  });
});
