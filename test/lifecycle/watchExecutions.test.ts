// watchExecutions and watchFleet against a scripted client: no network, no timers (the waits are counted).
import { describe, expect, it } from '@jest/globals';
import {
  SpacesError,
  SpacesInputError,
  watchExecutions,
  watchFleet,
  type Execution,
  type WatchClient,
} from '../../src/index.js';

const execution = (id: string, status: Execution['status'], time = '2026-12-01T10:00:00Z'): Execution => ({
  executionId: id,
  originalExecutionId: id,
  account: 'acct',
  executionTime: time,
  status,
  executionType: 'exec_manual',
  processName: 'Invoice export',
  atomName: 'atom',
  atomId: 'atom-1',
  message: status === 'ERROR' ? 'host is not set' : '',
  inboundDocumentCount: 0,
  inboundErrorDocumentCount: 0,
  outboundDocumentCount: 0,
  executionDuration: null,
  inboundDocumentSize: null,
  outboundDocumentSize: null,
});

/** A client whose history is the next scripted list at each poll; the last one repeats. */
function scripted(polls: Execution[][]) {
  let poll = 0;
  const client: WatchClient & { polls: () => number } = {
    listIntegrationPackInstances: () => Promise.resolve([{ id: 'inst-1' }]),
    listProcesses: () => Promise.resolve([{ id: 'proc-1' } as never]),
    listExecutions: () => Promise.resolve(polls[Math.min(poll++, polls.length - 1)]!),
    polls: () => poll,
  };
  return client;
}

/** Runs a watch until `polls` waits happened; returns what it reported and the waits it asked for. */
async function watch(client: WatchClient, polls: number, extra: Partial<Parameters<typeof watchExecutions>[1]> = {}) {
  const stop = new AbortController();
  const reported: string[] = [];
  const waits: number[] = [];
  await watchExecutions(client, {
    signal: stop.signal,
    pollMs: 1000,
    maxPollMs: 8000,
    now: () => Date.parse('2026-12-01T10:05:00Z'),
    onExecution: (e) => void reported.push(`${e.executionId} ${e.status}`),
    wait: (ms) => {
      waits.push(ms);
      if (waits.length >= polls) stop.abort();
      return Promise.resolve();
    },
    ...extra,
  });
  return { reported, waits };
}

describe('watchExecutions', () => {
  it('reports each execution once, when it ends, never what had ended before the first poll', async () => {
    const old = execution('old', 'COMPLETE');
    const client = scripted([
      [old, execution('a', 'STARTED')],
      [old, execution('a', 'INPROCESS')],
      [old, execution('a', 'ERROR'), execution('b', 'INPROCESS', '2026-12-01T10:01:00Z')],
      [old, execution('a', 'ERROR'), execution('b', 'COMPLETE', '2026-12-01T10:01:00Z')],
      [old, execution('a', 'ERROR'), execution('b', 'COMPLETE', '2026-12-01T10:01:00Z')],
    ]);
    const { reported } = await watch(client, 6);
    expect(reported).toEqual(['a ERROR', 'b COMPLETE']);
  });

  it('doubles the pause while nothing changes, up to maxPollMs, and polls quickly again after a change', async () => {
    const quiet = [execution('old', 'COMPLETE')];
    const changed = [...quiet, execution('new', 'ERROR')];
    const client = scripted([quiet, quiet, quiet, quiet, quiet, quiet, changed, changed]);
    const { waits, reported } = await watch(client, 8);
    // The first poll sees `old` (news), then five quiet polls, then `new`, then quiet again.
    expect(waits).toEqual([1000, 2000, 4000, 8000, 8000, 8000, 1000, 2000]);
    expect(reported).toEqual(['new ERROR']);
    expect(client.polls()).toBe(8);
  });

  it('stops at once when the signal is already aborted, and refuses a status that is not final', async () => {
    const client = scripted([[execution('a', 'ERROR')]]);
    const stop = new AbortController();
    stop.abort();
    await watchExecutions(client, { signal: stop.signal, onExecution: () => undefined });
    expect(client.polls()).toBe(0);
    await expect(
      watchExecutions(client, { signal: stop.signal, status: 'STARTED', onExecution: () => undefined }),
    ).rejects.toThrow(/final status/);
  });

  it('reports a failed poll to onError and goes on', async () => {
    let calls = 0;
    const client: WatchClient = {
      ...scripted([]),
      listExecutions: () =>
        ++calls === 2
          ? Promise.reject(new Error('503 storm'))
          : Promise.resolve(calls < 2 ? [] : [execution('x', 'ERROR')]),
    };
    const errors: string[] = [];
    const { reported } = await watch(client, 4, { onError: (e) => void errors.push((e as Error).message) });
    expect(errors).toEqual(['503 storm']);
    expect(reported).toEqual(['x ERROR']);
  });
});

describe('a first poll that fails', () => {
  const failingFirst = (error: SpacesError): WatchClient => {
    let calls = 0;
    return { ...scripted([]), listExecutions: () => (++calls === 1 ? Promise.reject(error) : Promise.resolve([])) };
  };

  it.each([
    ['UNAUTHORIZED', new SpacesError('refused', { code: 'UNAUTHORIZED', status: 401 })],
    ['AUTH_ERROR, credentials refused', new SpacesError('JWT endpoint: refused', { code: 'AUTH_ERROR', status: 401 })],
    ['MISSING_SPACE_ID', new SpacesError('no SPACE_GUID', { code: 'MISSING_SPACE_ID', status: 200 })],
    ['INVALID_INPUT', new SpacesInputError('bad id', { field: 'processId' })],
  ])('for good (%s) stops the watch, onError or not', async (_code, error) => {
    const errors: unknown[] = [];
    await expect(watch(failingFirst(error), 3, { onError: (e) => void errors.push(e) })).rejects.toBe(error);
    expect(errors).toEqual([]);
  });

  it.each([
    ['NETWORK_ERROR', new SpacesError('no answer', { code: 'NETWORK_ERROR' })],
    // The JWT endpoint did not answer (ECONNREFUSED): no status, nothing refused the credentials.
    ['AUTH_ERROR, no answer', new SpacesError('JWT endpoint: cannot reach', { code: 'AUTH_ERROR' })],
    ['HTTP 503', new SpacesError('busy', { code: 'HTTP_ERROR', status: 503 })],
    ['RATE_LIMITED', new SpacesError('slow down', { code: 'RATE_LIMITED', status: 429 })],
  ])('transiently (%s) goes to onError, and the watch goes on', async (_code, error) => {
    const errors: unknown[] = [];
    const { waits } = await watch(failingFirst(error), 3, { onError: (e) => void errors.push(e) });
    expect(errors).toEqual([error]);
    expect(waits).toHaveLength(3);
  });
});

describe('watchFleet', () => {
  it('tags each execution with its account; one account failing leaves the others watching', async () => {
    const stop = new AbortController();
    const seen: string[] = [];
    const good = scripted([[], [execution('g', 'ERROR')]]);
    const bad: WatchClient = { ...scripted([]), listExecutions: () => Promise.reject(new Error('bad token')) };
    let waits = 0;
    const result = await watchFleet(
      [
        { id: 'fleet-001', name: 'ACME', client: good },
        { id: 'fleet-002', client: bad },
      ],
      {
        signal: stop.signal,
        // The scripted history ignores `since`: with the real clock, 'g' falls out of the look-back
        // once its time is far enough in the past, and the watch takes it for new.
        now: () => Date.parse('2026-12-01T10:05:00Z'),
        onExecution: (e) => void seen.push(`${e.accountId} ${e.accountName} ${e.executionId}`),
        wait: () => {
          if (++waits >= 3) stop.abort();
          return Promise.resolve();
        },
      },
    );
    expect(seen).toEqual(['fleet-001 ACME g']);
    expect(result.failed.map((f) => [f.accountId, (f.error as Error).message])).toEqual([['fleet-002', 'bad token']]);
  });
});
