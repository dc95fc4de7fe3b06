import type { SpacesClient } from '../client/createSpacesClient.js';
import { SpacesError } from '../errors/SpacesError.js';
import type { Change } from './changes.js';

/** What became of one change. */
export interface ChangeResult {
  change: Change;
  ok: boolean;
  /** The instance a successful install made, or the one an attach used. */
  instanceId?: string;
  error?: SpacesError;
}

export interface ApplyOptions {
  /** Installs per GraphQL request. Default 25. */
  batchSize?: number;
  /** Called as each change settles, for progress. */
  onResult?: (result: ChangeResult) => void;
  /** Stops the run between requests (and aborts the one under way). */
  signal?: AbortSignal;
}

/**
 * Carries the changes out: batched installs, then attachments (one call per instance), then
 * detaches and uninstalls. A failed item does not stop the others; applying again finishes the rest.
 */
export async function applyChanges(
  client: SpacesClient,
  changes: Change[],
  { batchSize, onResult, signal }: ApplyOptions = {},
): Promise<ChangeResult[]> {
  const results: ChangeResult[] = [];
  // An abort stops the run between requests; what was not reached is not reported (the caller skips it).
  const call = signal ? { signal } : {};
  const settle = (result: ChangeResult) => {
    results.push(result);
    onResult?.(result);
  };

  const installs = changes.filter((c): c is Extract<Change, { action: 'install' }> => c.action === 'install');
  const installed = new Map<number, string | SpacesError>();
  if (installs.length > 0) {
    // Each item is reported as its batch settles, so progress moves while the rest are sent. An
    // instance someone else installed meanwhile (a racing apply) meets the plan: it is reused.
    await client.installMany(
      installs.map(({ entry }) => ({
        integrationPackId: entry.pack.id,
        integrationPackOverrideName: entry.name ?? undefined,
      })),
      {
        ...(batchSize !== undefined && { batchSize }),
        ...call,
        reuseExisting: true,
        onResult: (outcome, i) => {
          const change = installs[i]!;
          installed.set(change.entry.index, outcome.ok ? outcome.instance.id : outcome.error);
          settle(
            outcome.ok
              ? { change, ok: true, instanceId: outcome.instance.id }
              : { change, ok: false, error: outcome.error },
          );
        },
      },
    );
  }

  // One attach call per instance, with all its missing environments.
  const attaches = changes.filter((c): c is Extract<Change, { action: 'attach' }> => c.action === 'attach');
  const byInstance = new Map<number, Array<Extract<Change, { action: 'attach' }>>>();
  for (const change of attaches)
    byInstance.set(change.entry.index, [...(byInstance.get(change.entry.index) ?? []), change]);
  for (const [index, group] of byInstance) {
    if (signal?.aborted) return results;
    const instanceId = group[0]!.instanceId ?? installed.get(index);
    if (typeof instanceId !== 'string') {
      const error = new SpacesError('skipped: the install of this instance failed', { code: 'SKIPPED' });
      for (const change of group) settle({ change, ok: false, error });
      continue;
    }
    try {
      await client.attachIntegrationPackInstance(
        {
          integrationPackInstanceId: instanceId,
          environmentIds: group.map((c) => c.environment.id),
        },
        call,
      );
      for (const change of group) settle({ change, ok: true, instanceId });
    } catch (error) {
      for (const change of group) settle({ change, ok: false, instanceId, error: asSpacesError(error) });
    }
  }

  for (const change of changes) {
    if (change.action !== 'detach' && change.action !== 'uninstall') continue;
    if (signal?.aborted) return results;
    try {
      if (change.action === 'detach') await client.detachIntegrationPackInstance(change.attachmentId, call);
      else await client.uninstallIntegrationPack(change.instance.id, call);
      settle({ change, ok: true, instanceId: change.instance.id });
    } catch (error) {
      settle({ change, ok: false, instanceId: change.instance.id, error: asSpacesError(error) });
    }
  }
  return results;
}

function asSpacesError(error: unknown): SpacesError {
  if (error instanceof SpacesError) return error;
  throw error;
}
