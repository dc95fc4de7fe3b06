// The console's single-page app: the hooks of boomi-spaces/react over a client whose endpoint is the
// console's own /graphql. The console's server attaches the JWT there; this code never holds one.
import { StrictMode, useMemo, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { createSpacesClient, type SpacesClient } from '../../client/createSpacesClient.js';
import { SpacesProvider } from '../../react/index.js';
import { InstancePage } from './InstancePage.js';
import { useRoute } from './route.js';
import { SpacePage } from './SpacePage.js';
import { SpacesPage } from './SpacesPage.js';

function consoleClient(spaceGuid?: string): SpacesClient {
  return createSpacesClient({
    endpoint: new URL('/graphql', window.location.href).href,
    // A placeholder: the console's server replaces it with the JWT.
    getToken: () => 'attached-by-the-console-server',
    ...(spaceGuid !== undefined && { spaceGuid }),
  });
}

/** Space-scoped operations need SPACE_GUID: one client per Space opened. */
function SpaceScope({ spaceId, children }: { spaceId: string; children: ReactNode }) {
  const client = useMemo(() => consoleClient(spaceId), [spaceId]);
  return <SpacesProvider client={client}>{children}</SpacesProvider>;
}

function App() {
  const route = useRoute();
  const client = useMemo(() => consoleClient(), []);
  let page: ReactNode;
  if (route.page === 'spaces') page = <SpacesPage />;
  else if (route.page === 'space')
    page = (
      <SpaceScope spaceId={route.spaceId}>
        <SpacePage spaceId={route.spaceId} />
      </SpaceScope>
    );
  else if (route.page === 'instance')
    page = (
      <SpaceScope spaceId={route.spaceId}>
        <InstancePage spaceId={route.spaceId} instanceId={route.instanceId} />
      </SpaceScope>
    );
  else page = <p role="alert">No such page.</p>;
  return (
    <SpacesProvider client={client}>
      <header>
        <strong>Boomi Spaces console</strong>
        <nav aria-label="Main">
          <a href="#/">Spaces</a>
        </nav>
      </header>
      <main>{page}</main>
    </SpacesProvider>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
