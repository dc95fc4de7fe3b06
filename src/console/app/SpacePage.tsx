import { useState, type FormEvent } from 'react';
import type { SharedIntegrationPack } from '../../api/types.js';
import { useGetSpace, useInstallIpack } from '../../react/index.js';
import { InstancesTable } from './InstancesTable.js';
import { Busy, ColumnHeads, ErrorNote, Section } from './ui.js';

/** A Space: the packs it shares (with Install) and the instances installed in the account. */
export function SpacePage({ spaceId }: { spaceId: string }) {
  const { data, error, fetching } = useGetSpace({ id: spaceId });
  return (
    <>
      <h1>{data ? data.space.name : 'Space'}</h1>
      <Busy on={fetching} />
      <ErrorNote error={error} />
      {data?.space.description && <p>{data.space.description}</p>}
      {data && (
        <Section id="packs-title" title="Packs this Space shares">
          <table>
            <ColumnHeads names={['Pack', 'Install type', 'Install']} />
            <tbody>
              {data.space.sharedIpacks.map((pack) => (
                <tr key={pack.id}>
                  <td>
                    {pack.name}
                    {pack.description && <div className="busy">{pack.description}</div>}
                  </td>
                  <td>{pack.installationType}</td>
                  <td>
                    <InstallForm pack={pack} spaceId={spaceId} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </Section>
      )}
      <InstancesTable spaceId={spaceId} />
    </>
  );
}

/**
 * Installs a pack. A MULTI pack asks for the instance's name; a SINGLE pack has no name field. The
 * SDK's rules decide (with `spaceId` it checks the Space first), so a MULTI install without a name
 * is refused before anything is sent, and the refusal is shown as the SDK gives it.
 */
function InstallForm({ pack, spaceId }: { pack: SharedIntegrationPack; spaceId: string }) {
  const [install, { fetching, error, data }] = useInstallIpack();
  const [name, setName] = useState('');
  const multi = pack.installationType === 'MULTI';
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void install({ integrationPackId: pack.id, spaceId, ...(multi && { integrationPackOverrideName: name }) }).then(
      (result) => {
        if (!result.error) setName('');
      },
    );
  };
  return (
    <form onSubmit={onSubmit} aria-label={`Install ${pack.name}`}>
      {multi && (
        <label>
          {'Instance name '}
          <input
            value={name}
            onChange={(event) => setName(event.target.value)}
            maxLength={255}
            aria-label={`Instance name for ${pack.name}`}
          />
        </label>
      )}
      <button type="submit" disabled={fetching}>
        {fetching ? 'Installing…' : `Install ${pack.name}`}
      </button>
      <ErrorNote error={error} />
      {data && !error && (
        <span role="status">{`Installed ${data.integrationPackOverrideName ?? pack.name}${data.reconciled ? ' (found after a lost answer)' : ''}`}</span>
      )}
    </form>
  );
}
