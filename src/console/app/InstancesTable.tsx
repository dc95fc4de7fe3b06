import { useState } from 'react';
import type { Environment, IntegrationPackInstance } from '../../api/types.js';
import {
  useAttachIpackInstance,
  useDetachIpackInstance,
  useListEnvironments,
  useListIntegrationPackInstances,
  useUninstallIpack,
} from '../../react/index.js';
import { instanceHref } from './route.js';
import { Busy, ColumnHeads, ConfirmButton, ErrorNote, Section } from './ui.js';

/** What the row of an instance shows it as. */
export const instanceLabel = (instance: IntegrationPackInstance) =>
  instance.integrationPackOverrideName ?? instance.integrationPack?.name ?? instance.id;

/** The account's installed instances: uninstall, attach to and detach from environments. */
export function InstancesTable({ spaceId }: { spaceId: string }) {
  const instances = useListIntegrationPackInstances();
  const environments = useListEnvironments();
  return (
    <Section id="instances-title" title="Installed instances">
      <Busy on={instances.fetching || environments.fetching} />
      <ErrorNote error={instances.error ?? environments.error} />
      {instances.data && instances.data.integrationPackInstances.length === 0 && <p>No instance is installed.</p>}
      {instances.data && instances.data.integrationPackInstances.length > 0 && (
        <table aria-label="Installed instances">
          <ColumnHeads names={['Instance', 'Pack', 'Environments', 'Actions']} />
          <tbody>
            {instances.data.integrationPackInstances.map((instance) => (
              <InstanceRow
                key={instance.id}
                instance={instance}
                spaceId={spaceId}
                environments={environments.data?.environments ?? []}
              />
            ))}
          </tbody>
        </table>
      )}
    </Section>
  );
}

function InstanceRow(props: { instance: IntegrationPackInstance; spaceId: string; environments: Environment[] }) {
  const { instance, spaceId, environments } = props;
  const [uninstall, uninstalling] = useUninstallIpack();
  const label = instanceLabel(instance);
  return (
    <tr>
      <th scope="row">
        <a href={instanceHref(spaceId, instance.id)}>{label}</a>
      </th>
      <td>{`${instance.integrationPack?.name ?? instance.integrationPackId} (${instance.integrationPack?.installationType ?? '?'})`}</td>
      <td>
        <Attachments instance={instance} label={label} environments={environments} />
      </td>
      <td>
        <ConfirmButton
          label="Uninstall"
          question={`Uninstall ${label}?`}
          disabled={uninstalling.fetching}
          onConfirm={() => void uninstall(instance.id)}
        />
        <Busy on={uninstalling.fetching} label="Uninstalling…" />
        <ErrorNote error={uninstalling.error} />
      </td>
    </tr>
  );
}

/** The environments an instance is attached to (each with Detach), and Attach to another. */
function Attachments(props: { instance: IntegrationPackInstance; label: string; environments: Environment[] }) {
  const { instance, label, environments } = props;
  const [attach, attaching] = useAttachIpackInstance();
  const [detach, detaching] = useDetachIpackInstance();
  const [chosen, setChosen] = useState('');
  const attachments = environments.flatMap((environment) =>
    environment.integrationPackEnvironmentAttachment
      .filter((a) => a.integrationPackInstanceId === instance.id)
      .map((attachment) => ({ attachment, environment })),
  );
  const free = environments.filter((e) => !attachments.some(({ environment }) => environment.id === e.id));
  return (
    <>
      <ul>
        {attachments.map(({ attachment, environment }) => (
          <li key={attachment.id}>
            {`${environment.name} `}
            <button
              type="button"
              disabled={detaching.fetching}
              aria-label={`Detach ${label} from ${environment.name}`}
              onClick={() => void detach(attachment.id)}
            >
              Detach
            </button>
          </li>
        ))}
      </ul>
      {free.length > 0 && (
        <form
          aria-label={`Attach ${label}`}
          onSubmit={(event) => {
            event.preventDefault();
            if (chosen) void attach({ integrationPackInstanceId: instance.id, environmentIds: [chosen] });
          }}
        >
          <label>
            {'Environment '}
            <select value={chosen} onChange={(event) => setChosen(event.target.value)}>
              <option value="">choose…</option>
              {free.map((environment) => (
                <option key={environment.id} value={environment.id}>
                  {environment.name}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" disabled={!chosen || attaching.fetching}>
            Attach
          </button>
        </form>
      )}
      <ErrorNote error={attaching.error ?? detaching.error} />
    </>
  );
}
