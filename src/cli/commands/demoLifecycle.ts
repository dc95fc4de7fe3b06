import type { SpacesClient } from '../../client/createSpacesClient.js';
import { scheduleToCron } from '../../api/payloads/schedules.js';
import { RUN_PHASES_MS } from '../../simulator/model/processes.js';
import type { Output } from '../output.js';

/** How the demo reports: a numbered step, and its result for --json. */
export interface DemoSteps {
  step: (title: string) => void;
  record: (title: string, result: unknown) => void;
}

/**
 * After the install, as `npm start` shows it: a run that fails because a connection is not
 * configured, `configure` (a partial update, the password as a secret), a schedule, a run that
 * completes, and the executions.
 */
export async function lifecycleDemo(
  client: SpacesClient,
  out: Output,
  { step, record }: DemoSteps,
  instanceId: string,
  environment: { id: string; name: string },
): Promise<void> {
  step('List the processes the instance brought, with their schedules');
  const processes = await client.listProcesses(instanceId);
  record('listProcesses', processes);
  await out.table(
    ['PROCESS ID', 'NAME', 'SCHEDULES'],
    processes.map((p) => [p.id, p.name, p.processSchedules?.schedule.map(scheduleToCron).join('; ') || 'none']),
  );
  const process = processes[0]!;
  const atomId = process.processSchedules!.atomId;
  const runOnce = async (title: string) => {
    step(title);
    // The demo's simulator ends a run after fixed phases (RUN_PHASES_MS): the first look comes as they
    // end, where a backoff from a shorter pause would look three times and overshoot the end.
    const { execution } = await client.runProcess(
      { processId: process.id, atomId },
      { wait: true, pollIntervalMs: RUN_PHASES_MS.started + RUN_PHASES_MS.inProcess },
    );
    record(title, execution);
    out.note(`   ${execution?.status}: ${execution?.message}`);
  };

  await runOnce(`Run "${process.name}" before configuring it`);

  step(`Configure the SFTP connection in "${environment.name}" (a partial update; the password is a secret)`);
  const { changes } = await client.updateExtensions({
    instanceId,
    environmentId: environment.id,
    connections: { SFTP: { host: 'sftp.acme.example', user: 'invoices', password: 'demo-sftp-password' } },
    processProperties: { 'Invoice settings': { 'Batch size': '50' } },
  });
  record('updateExtensions', changes);
  await out.table(
    ['SETTING', 'FROM', 'TO'],
    changes.map((c) => [`${c.component}.${c.setting}`, c.from, c.to]),
  );

  step(`Schedule "${process.name}" every 15 minutes, 8:00-18:59, Monday to Friday`);
  const schedules = await client.updateSchedules({
    instanceId,
    processId: process.id,
    schedules: ['*/15 8-18 * * 1-5'],
  });
  record('updateSchedules', schedules);
  out.note(`   cron "*/15 8-18 * * 1-5" is stored as ${JSON.stringify(schedules.schedule[0])} (Boomi: 1 = Sunday)`);

  await runOnce(`Run "${process.name}" again`);

  step('List its executions');
  const executions = await client.listExecutions({ processId: process.id, since: new Date(Date.now() - 3_600_000) });
  record('listExecutions', executions);
  await out.table(
    ['TIME', 'STATUS', 'MESSAGE'],
    executions.map((e) => [e.executionTime, e.status, e.message]),
  );
}
