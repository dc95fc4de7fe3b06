import { useState } from 'react';
import { useListExecutions } from '../../react/index.js';
import { Busy, ColumnHeads, ErrorNote } from './ui.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/** A process's executions of the last day, newest first, with a refresh button. */
export function Executions({ processId }: { processId: string }) {
  // Fixed at mount, so the query's variables (and its refetches) stay the same.
  const [since] = useState(() => new Date(Date.now() - DAY_MS).toISOString());
  const { data, error, fetching, refetch } = useListExecutions({ processId, since });
  const executions = [...(data?.executions ?? [])].reverse();
  return (
    <div>
      <button type="button" onClick={() => void refetch()} disabled={fetching}>
        Refresh executions
      </button>
      <Busy on={fetching} />
      <ErrorNote error={error} />
      {data && executions.length === 0 && <p>No execution in the last day.</p>}
      {executions.length > 0 && (
        <table aria-label="Executions">
          <ColumnHeads names={['Started', 'Status', 'Atom', 'Documents in / out', 'Message']} />
          <tbody>
            {executions.map((execution) => (
              <tr key={execution.executionId}>
                <td>{execution.executionTime}</td>
                <td>{execution.status}</td>
                <td>{execution.atomName ?? execution.atomId ?? ''}</td>
                <td>{`${execution.inboundDocumentCount ?? 0} / ${execution.outboundDocumentCount ?? 0}`}</td>
                <td>{execution.message ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
