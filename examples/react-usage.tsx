import { useState } from 'react';
import { createSpacesClient, type SpacesClientOptions } from 'boomi-spaces';
import { SpacesProvider, useGetSpace, useInstallIpack, useListIntegrationPackInstances } from 'boomi-spaces/react';

/** The packs a Space shares, each with an Install button (MULTI packs take the name typed), and the instances. */
export function SpacePacks({ spaceId }: { spaceId: string }) {
  const { data, error, fetching } = useGetSpace({ id: spaceId });
  const instances = useListIntegrationPackInstances();
  const [install, installing] = useInstallIpack();
  const [name, setName] = useState('');

  if (error) return <p role="alert">{`${error.code}: ${error.message}`}</p>;
  if (!data) return <p aria-busy={fetching}>Loading…</p>;
  return (
    <section>
      <h2>{data.space.name}</h2>
      <label>
        Instance name (MULTI packs) <input value={name} onChange={(event) => setName(event.target.value)} />
      </label>
      <ul aria-label="packs">
        {data.space.sharedIpacks.map((pack) => (
          <li key={pack.id}>
            {`${pack.name} (${pack.installationType}) `}
            <button
              disabled={installing.fetching}
              onClick={() =>
                // The SDK's install rules hold: a MULTI pack without a name is refused before sending.
                void install({
                  integrationPackId: pack.id,
                  spaceId,
                  integrationPackOverrideName: pack.installationType === 'MULTI' ? name : undefined,
                })
              }
            >
              {`Install ${pack.name}`}
            </button>
          </li>
        ))}
      </ul>
      {installing.error && <p role="alert">{`${installing.error.code}: ${installing.error.message}`}</p>}
      <h3>Installed</h3>
      {/* Refreshed by the install itself: no refetch needed. */}
      <ul aria-label="installed">
        {instances.data?.integrationPackInstances.map((instance) => (
          <li key={instance.id}>{instance.integrationPackOverrideName ?? instance.integrationPackId}</li>
        ))}
      </ul>
    </section>
  );
}

/** One client for the whole tree; the JWT comes from your backend (`getToken`), never from the bundle. */
export function App({ getToken, spaceId }: { getToken: SpacesClientOptions['getToken']; spaceId: string }) {
  const [client] = useState(() => createSpacesClient({ getToken, spaceGuid: spaceId }));
  return (
    <SpacesProvider client={client}>
      <SpacePacks spaceId={spaceId} />
    </SpacesProvider>
  );
}
