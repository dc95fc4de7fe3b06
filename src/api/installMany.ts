import { codeOfGraphQLError } from '../errors/codes.js';
import { SpacesError, SpacesInputError, type OutcomeKey } from '../errors/SpacesError.js';
import type { CallOptions } from '../client/callOptions.js';
import type { Execute } from '../executor/createExecutor.js';
import { quote } from '../text/printable.js';
import type { InstallIpackMutation } from '../generated/graphql.js';
import { aliasOf, batchInstallDocument } from './batchDocument.js';
import { installedOf } from './results.js';
import { fixDeadline } from './callDeadline.js';
import { findInstalled, INSTALL_CONFLICTS, naturalKeyOf } from './naturalKey.js';
import { isAmbiguous, mutateExactlyOnce, outcomeUnknown } from './reconcile.js';
import type { InstallRequest, InstallResult, IntegrationPackInstance, Space } from './types.js';
import { checkInstallAgainstSpace, normaliseInstallRequest } from './validate.js';

/** Options of `installMany`. */
export interface InstallManyOptions extends CallOptions {
  /** Installs per GraphQL request. Default 25. */
  batchSize?: number | undefined;
  /**
   * An item refused because its instance exists already (`IPACK_ALREADY_INSTALLED`,
   * `IPACK_OVERRIDE_NAME_IN_USE`: someone installed it meanwhile) succeeds with that instance
   * (`reconciled: true`) instead of failing. What `apply` uses, so racing applies both succeed.
   * Default false.
   */
  reuseExisting?: boolean | undefined;
  /** Called with each item's result as soon as its batch settles (items of one batch in order). */
  onResult?: ((result: InstallManyResult, index: number) => void) | undefined;
}

/** The outcome of one item of `installMany`, in the order of the items. */
export type InstallManyResult =
  | { request: InstallRequest; ok: true; instance: InstallResult }
  | { request: InstallRequest; ok: false; error: SpacesError };

interface Dependencies {
  execute: Execute;
  getSpace: (id: string, options?: CallOptions) => Promise<Space>;
  /** The reconciliation listing (retried patiently). */
  listInstances: (options?: CallOptions) => Promise<IntegrationPackInstance[]>;
  maxSends: number;
}

type Outcome = { instance: InstallResult } | { error: SpacesError };

interface Pending {
  request: InstallRequest;
  /** The indexes of the items with this natural key. */
  indexes: number[];
  outcome?: Outcome;
}

const asResult = (found: IntegrationPackInstance): InstallResult => ({
  id: found.id,
  integrationPackId: found.integrationPackId,
  integrationPackOverrideName: found.integrationPackOverrideName,
  reconciled: true,
});

/**
 * Installs many packs, `batchSize` per GraphQL request (aliased fields). Each item gets its instance
 * or the error of its own alias. A batch that fails ambiguously is reconciled item by item against
 * the instance listing, as a single install is: found → reconciled; certainly absent → sent again
 * (in a batch of those still absent); listing unreadable → OutcomeUnknownError for each open item.
 */
export function createInstallMany({ execute, getSpace, listInstances, maxSends }: Dependencies) {
  return async function installMany(
    items: readonly InstallRequest[],
    options: InstallManyOptions = {},
  ): Promise<InstallManyResult[]> {
    const { batchSize = 25, reuseExisting = false, onResult, ...given } = options;
    const call = fixDeadline(given) ?? {};
    if (!Number.isInteger(batchSize) || batchSize < 1)
      throw new SpacesInputError('`batchSize` must be a whole number ≥ 1', { field: 'batchSize' });
    const results: Array<InstallManyResult | undefined> = [];
    const report = (index: number, result: InstallManyResult) => {
      results[index] = result;
      onResult?.(result, index);
    };

    // Check everything first; one natural key is installed once however often it is listed.
    const byKey = new Map<string, Pending>();
    const spaces = new Map<string, Promise<Space>>();
    for (const [index, item] of items.entries()) {
      try {
        const request = normaliseInstallRequest(item);
        if (request.spaceId !== undefined) {
          if (!spaces.has(request.spaceId)) spaces.set(request.spaceId, getSpace(request.spaceId, call));
          checkInstallAgainstSpace(await spaces.get(request.spaceId)!, request);
        }
        const key = naturalKeyOf(request);
        const pending = byKey.get(key) ?? { request, indexes: [] };
        pending.indexes.push(index);
        byKey.set(key, pending);
      } catch (error) {
        if (!(error instanceof SpacesError)) throw error;
        report(index, { request: item, ok: false, error });
      }
    }

    const unique = [...byKey.values()];
    for (let start = 0; start < unique.length; start += batchSize) {
      const batch = unique.slice(start, start + batchSize);
      await installBatch(batch, call, reuseExisting);
      for (const pending of batch) {
        const outcome = pending.outcome!;
        for (const index of pending.indexes) {
          const request = items[index]!;
          report(
            index,
            'instance' in outcome
              ? { request, ok: true, instance: outcome.instance }
              : { request, ok: false, error: outcome.error },
          );
        }
      }
    }
    return results as InstallManyResult[];
  };

  async function installBatch(batch: Pending[], call: CallOptions, reuseExisting: boolean): Promise<void> {
    // The batch is one mutation to the shared exactly-once loop: sent; after an ambiguous failure the
    // listing settles the items it shows; those it proves absent are sent again, up to maxSends.
    let open = batch;
    let reconciling = false;
    let failure: SpacesError | undefined;
    const sendOpen = async (resend: boolean) => {
      reconciling ||= resend;
      failure = await send(open, call, resend);
      if (failure) throw failure;
    };
    try {
      await mutateExactlyOnce<void>({
        maxSends,
        key: keyOf(batch[0]!.request),
        operationName: 'installIpackBatch',
        send: () => sendOpen(false),
        resend: () => sendOpen(true),
        observe: async () => {
          let instances: IntegrationPackInstance[];
          try {
            instances = await listInstances(call);
          } catch (listingFailure) {
            // Each open item's outcome is unknown, with its own key; nothing more to decide.
            for (const item of open) {
              const error = outcomeUnknown({
                operationName: 'installIpackBatch',
                key: keyOf(item.request),
                failure,
                listingFailure,
                subject: describe(item.request),
              });
              item.outcome = { error };
            }
            open = [];
            return { done: true, value: undefined };
          }
          for (const item of open) {
            const found = findInstalled(instances, item.request);
            if (found) item.outcome = { instance: asResult(found) };
          }
          open = open.filter((item) => !item.outcome);
          return open.length === 0 ? { done: true, value: undefined } : { done: false };
        },
      });
    } catch (error) {
      // Sends used up: the items still proved absent keep the last failure (nothing of them ran).
      if (!(error instanceof SpacesError)) throw error;
      for (const item of open) item.outcome = { error };
    }
    // Installs refused because the instance exists already: once after a re-send (our own first
    // send landed), or always when asked (another writer installed it).
    const conflicted = batch.filter(
      (item) => item.outcome && 'error' in item.outcome && INSTALL_CONFLICTS.includes(String(item.outcome.error.code)),
    );
    if (conflicted.length > 0 && (reuseExisting || reconciling)) await adoptExisting(conflicted, call);
  }

  /** Items refused as duplicates take the instance the listing shows; if it cannot be read, they keep their refusal. */
  async function adoptExisting(items: Pending[], call: CallOptions): Promise<void> {
    let instances: IntegrationPackInstance[];
    try {
      instances = await listInstances(call);
    } catch {
      return;
    }
    for (const item of items) {
      const found = findInstalled(instances, item.request);
      if (found) item.outcome = { instance: asResult(found) };
    }
  }

  /** Sends one batch; returns the whole-batch ambiguous failure, or settles every item. */
  async function send(batch: Pending[], call: CallOptions, reconciled: boolean): Promise<SpacesError | undefined> {
    const variables = Object.fromEntries(
      batch.map((item, i) => [
        `input${i}`,
        {
          integrationPackId: item.request.integrationPackId,
          ...(item.request.integrationPackOverrideName !== undefined && {
            integrationPackOverrideName: item.request.integrationPackOverrideName,
          }),
        },
      ]),
    );
    let data: Record<string, unknown> | undefined;
    let error: SpacesError | undefined;
    try {
      data = await execute(batchInstallDocument(batch.length), variables, call);
    } catch (caught) {
      if (!(caught instanceof SpacesError)) throw caught;
      error = caught;
      data = (caught.data ?? undefined) as Record<string, unknown> | undefined;
      if (!data && isAmbiguous(caught)) return caught;
    }
    for (const [i, item] of batch.entries()) {
      const alias = aliasOf(i);
      const instance = data?.[alias] as InstallIpackMutation['integrationPackInstanceInstall'] | undefined;
      if (instance) {
        item.outcome = { instance: { ...installedOf(instance, 'installIpackBatch', alias), reconciled } };
        continue;
      }
      const own = error?.graphQLErrors.find((e) => e.path?.[0] === alias);
      item.outcome = {
        error: own
          ? new SpacesError(`installIpack failed for ${describe(item.request)}: ${own.message}`, {
              code: codeOfGraphQLError(own) ?? error?.code ?? 'GRAPHQL_ERROR',
              status: error?.status,
              graphQLErrors: [own],
              operationName: 'installIpackBatch',
            })
          : (error ??
            new SpacesError(`installIpack: no instance for ${describe(item.request)}`, {
              code: 'INVALID_RESPONSE',
              operationName: 'installIpackBatch',
            })),
      };
    }
    return undefined;
  }
}

function keyOf(request: InstallRequest): OutcomeKey {
  const { integrationPackId, integrationPackOverrideName } = request;
  return { operation: 'install', integrationPackId, integrationPackOverrideName: integrationPackOverrideName ?? null };
}

function describe(request: InstallRequest): string {
  return request.integrationPackOverrideName
    ? `${quote(request.integrationPackId)} ${quote(request.integrationPackOverrideName)}`
    : quote(request.integrationPackId);
}
