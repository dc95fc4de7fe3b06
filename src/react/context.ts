import { createContext, createElement, useContext, useMemo, type ReactNode } from 'react';
import type { SpacesClient } from '../client/createSpacesClient.js';
import { SpacesInputError } from '../errors/SpacesError.js';
import { RefreshRegistry } from './refresh.js';

interface SpacesContextValue {
  client: SpacesClient;
  registry: RefreshRegistry;
}

const SpacesContext = createContext<SpacesContextValue | null>(null);

/** Props of {@link SpacesProvider}. */
export interface SpacesProviderProps {
  /** The client every hook below runs through (`createSpacesClient`, or `createTestClient` in tests). */
  client: SpacesClient;
  children?: ReactNode;
}

/**
 * Makes a SpacesClient available to the hooks of `boomi-spaces/react` below it.
 *
 * @example
 * ```tsx
 * const client = createSpacesClient({ getToken, spaceGuid });
 * root.render(<SpacesProvider client={client}><App /></SpacesProvider>);
 * ```
 */
export function SpacesProvider({ client, children }: SpacesProviderProps): ReactNode {
  // One registry per client: a new client starts with no mounted queries of the old one.
  const value = useMemo(() => ({ client, registry: new RefreshRegistry() }), [client]);
  return createElement(SpacesContext.Provider, { value }, children);
}

/** The client and refresh registry of the nearest SpacesProvider. */
export function useSpacesContext(): SpacesContextValue {
  const value = useContext(SpacesContext);
  if (!value) throw new SpacesInputError('boomi-spaces/react: a hook is used outside <SpacesProvider client={…}>', {});
  return value;
}

/**
 * The SpacesClient of the nearest SpacesProvider, for calls no hook covers.
 *
 * @example
 * ```tsx
 * function InstallButton({ packId }: { packId: string }) {
 *   const client = useSpacesClient();
 *   return <button onClick={() => void client.installIntegrationPack({ integrationPackId: packId })}>Install</button>;
 * }
 * ```
 */
export function useSpacesClient(): SpacesClient {
  return useSpacesContext().client;
}
