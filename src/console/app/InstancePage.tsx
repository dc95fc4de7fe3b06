import { useState, type FormEvent } from 'react';
import type { Process } from '../../api/lifecycle/types.js';
import { scheduleToCron } from '../../api/payloads/schedules.js';
import {
  useExecuteProcess,
  useListEnvironments,
  useListIntegrationPackInstances,
  useListProcesses,
  useUpdateProcessSchedules,
} from '../../react/index.js';
import { Executions } from './Executions.js';
import { Extensions } from './Extensions.js';
import { instanceLabel } from './InstancesTable.js';
import { spaceHref } from './route.js';
import { Busy, ErrorNote, Section } from './ui.js';

/** One instance: its processes (schedule, run, executions) and its settings per environment. */
export function InstancePage({ spaceId, instanceId }: { spaceId: string; instanceId: string }) {
  const instances = useListIntegrationPackInstances();
  const processes = useListProcesses({ instanceId });
  const environments = useListEnvironments();
  const instance = instances.data?.integrationPackInstances.find((i) => i.id === instanceId);
  const attachedTo = (environments.data?.environments ?? []).filter((e) =>
    e.integrationPackEnvironmentAttachment.some((a) => a.integrationPackInstanceId === instanceId),
  );
  return (
    <>
      <p>
        <a href={spaceHref(spaceId)}>Back to the Space</a>
      </p>
      <h1>{instance ? instanceLabel(instance) : 'Instance'}</h1>
      <Busy on={processes.fetching || instances.fetching} />
      <ErrorNote error={processes.error ?? instances.error ?? environments.error} />
      <Section id="processes-title" title="Processes">
        {processes.data?.processes.length === 0 && <p>This instance brought no process.</p>}
        {processes.data?.processes.map((process) => (
          <ProcessPanel key={process.id} process={process} instanceId={instanceId} />
        ))}
      </Section>
      <Section id="settings-title" title="Settings">
        {attachedTo.length === 0 && <p>Attach the instance to an environment to configure it.</p>}
        {attachedTo.map((environment) => (
          <Extensions key={environment.id} instanceId={instanceId} environment={environment} />
        ))}
      </Section>
    </>
  );
}

function ProcessPanel({ process, instanceId }: { process: Process; instanceId: string }) {
  const [run, running] = useExecuteProcess();
  const [schedule, scheduling] = useUpdateProcessSchedules();
  const current = process.processSchedules?.schedule.map(scheduleToCron) ?? [];
  const [cron, setCron] = useState(current.join('; '));
  const atomId = process.processSchedules?.atomId;
  const onSchedule = (event: FormEvent) => {
    event.preventDefault();
    const schedules = cron
      .split(';')
      .map((line) => line.trim())
      .filter(Boolean);
    void schedule({ instanceId, processId: process.id, schedules });
  };
  return (
    <section aria-label={process.name}>
      <h3>{process.name}</h3>
      <p>{current.length > 0 ? `Scheduled: ${current.join('; ')}` : 'Not scheduled.'}</p>
      <form onSubmit={onSchedule} aria-label={`Schedule ${process.name}`}>
        <label>
          {'Cron lines (; between them, empty for none) '}
          <input value={cron} onChange={(event) => setCron(event.target.value)} size={36} maxLength={1000} />
        </label>
        <button type="submit" disabled={!atomId || scheduling.fetching}>
          Save schedule
        </button>
        <ErrorNote error={scheduling.error} />
        {scheduling.data && !scheduling.error && <span role="status">Schedule saved</span>}
      </form>
      <p>
        <button
          type="button"
          disabled={!atomId || running.fetching}
          onClick={() => atomId && void run({ processId: process.id, atomId })}
        >
          {running.fetching ? 'Starting…' : `Run ${process.name}`}
        </button>
        {!atomId && ' (attach the instance to an environment to run it)'}
      </p>
      <ErrorNote error={running.error} />
      {running.data && !running.error && <p role="status">Run started</p>}
      <Executions processId={process.id} />
    </section>
  );
}
