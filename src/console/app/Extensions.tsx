import type { FormEvent } from 'react';
import type { Environment } from '../../api/types.js';
import type { EnvironmentExtensions, ExtensionChanges } from '../../api/payloads/extensions.js';
import { useGetExtensions, useUpdateExtensions } from '../../react/index.js';
import { Busy, ErrorNote } from './ui.js';

/**
 * An instance's connections and process properties in one environment. Saving sends a partial
 * update of the values changed here (the SDK's rule): every other setting stays as it is. Encrypted
 * fields are never shown; typing one sets it, leaving it empty keeps it.
 */
export function Extensions({ instanceId, environment }: { instanceId: string; environment: Environment }) {
  const { data, error, fetching } = useGetExtensions({ instanceId, environmentIds: [environment.id] });
  const [update, updating] = useUpdateExtensions();
  const extensions = data?.attachments[0]?.extensions ?? null;
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!extensions) return;
    const changes = changesFrom(new FormData(event.currentTarget), extensions);
    void update({ instanceId, environmentId: environment.id, ...changes });
  };
  return (
    <form onSubmit={onSubmit} aria-label={`Settings in ${environment.name}`}>
      <fieldset>
        <legend>{environment.name}</legend>
        <Busy on={fetching} />
        <ErrorNote error={error} />
        {data && !extensions && <p>Nothing to configure here.</p>}
        {extensions?.connections.map((connection) =>
          connection.field.map((field) => (
            <p key={`${connection.id}/${field.id}`}>
              <label>
                {`${connection.name} · ${field.id} `}
                {field.usesEncryption ? (
                  <input
                    type="password"
                    name={`c\u0000${connection.id}\u0000${field.id}`}
                    autoComplete="new-password"
                    placeholder={field.encryptedValueSet ? '(set: type to replace)' : '(not set)'}
                  />
                ) : (
                  <input name={`c\u0000${connection.id}\u0000${field.id}`} defaultValue={field.value ?? ''} />
                )}
              </label>
            </p>
          )),
        )}
        {extensions?.processProperties.map((component) =>
          component.ProcessPropertyValue.map((property) => (
            <p key={`${component.id}/${property.key}`}>
              <label>
                {`${component.name} · ${property.label ?? property.key} `}
                <input name={`p\u0000${component.id}\u0000${property.key}`} defaultValue={property.value ?? ''} />
              </label>
            </p>
          )),
        )}
        {extensions && (
          <button type="submit" disabled={updating.fetching}>
            {`Save settings in ${environment.name}`}
          </button>
        )}
        <ErrorNote error={updating.error} />
        {updating.data && !updating.error && (
          <span role="status">
            {updating.data.changes.length === 0
              ? 'Nothing to change'
              : `${updating.data.changes.length} settings saved`}
          </span>
        )}
      </fieldset>
    </form>
  );
}

/** The values the form changes: typed secrets, and fields or properties whose text differs. */
function changesFrom(form: FormData, extensions: EnvironmentExtensions): ExtensionChanges {
  const connections: Record<string, Record<string, string>> = {};
  const processProperties: Record<string, Record<string, string>> = {};
  for (const connection of extensions.connections) {
    for (const field of connection.field) {
      const value = form.get(`c\u0000${connection.id}\u0000${field.id}`);
      if (typeof value !== 'string') continue;
      const changed = field.usesEncryption ? value !== '' : value !== (field.value ?? '');
      if (changed) (connections[connection.id] ??= {})[field.id] = value;
    }
  }
  for (const component of extensions.processProperties) {
    for (const property of component.ProcessPropertyValue) {
      const value = form.get(`p\u0000${component.id}\u0000${property.key}`);
      if (typeof value === 'string' && value !== (property.value ?? ''))
        (processProperties[component.id] ??= {})[property.key] = value;
    }
  }
  return { connections, processProperties };
}
