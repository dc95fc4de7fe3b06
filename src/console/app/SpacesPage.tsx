import { useListSpaces } from '../../react/index.js';
import { spaceHref } from './route.js';
import { Busy, ColumnHeads, ErrorNote } from './ui.js';

/** Every Space the account can see. */
export function SpacesPage() {
  const { data, error, fetching } = useListSpaces();
  return (
    <section aria-labelledby="spaces-title">
      <h1 id="spaces-title">Spaces</h1>
      <Busy on={fetching} />
      <ErrorNote error={error} />
      {data && (
        <table>
          <caption>{`${data.spaces.length} Spaces`}</caption>
          <ColumnHeads names={['Name', 'Id']} />
          <tbody>
            {data.spaces.map((space) => (
              <tr key={space.id}>
                <td>
                  <a href={spaceHref(space.id)}>{space.name ?? space.id}</a>
                </td>
                <td>
                  <code>{space.id}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
