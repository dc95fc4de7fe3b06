// A fleet account's client with every mutation journaled: its intent before it is sent, its outcome
// after (the operation name, the ids it acts on, `ok` or the error's code; never a value or secret).
import type { SpacesClient } from '../client/createSpacesClient.js';

/** Records an intent; the function it returns records the outcome. */
export type RecordMutation = (op: string, ids: string[]) => (outcome: string) => void;

type Ids = (...args: never[]) => string[];

const field = (name: string) => (request: Record<string, unknown>) =>
  typeof request[name] === 'string' ? [request[name]] : [];

/** The mutations a plan's apply sends, and the ids each acts on. */
const MUTATIONS: Record<string, Ids> = {
  installIntegrationPack: (request: { integrationPackId: string; integrationPackOverrideName?: string }) => [
    packOf(request),
  ],
  installMany: (items: Array<{ integrationPackId: string; integrationPackOverrideName?: string }>) => items.map(packOf),
  uninstallIntegrationPack: (instanceId: string) => [instanceId],
  attachIntegrationPackInstance: (request: { integrationPackInstanceId: string; environmentIds: string[] }) => [
    request.integrationPackInstanceId,
    ...request.environmentIds,
  ],
  detachIntegrationPackInstance: (attachmentId: string) => [attachmentId],
  updateExtensions: (request: Record<string, unknown>) => [
    ...field('instanceId')(request),
    ...field('environmentId')(request),
  ],
  updateSchedules: (request: Record<string, unknown>) => [
    ...field('instanceId')(request),
    ...field('processId')(request),
  ],
};

function packOf({
  integrationPackId,
  integrationPackOverrideName,
}: {
  integrationPackId: string;
  integrationPackOverrideName?: string;
}) {
  return integrationPackOverrideName ? `${integrationPackId}:${integrationPackOverrideName}` : integrationPackId;
}

/** `ok`, or the first failed item's code (`installMany` answers per item). */
function outcomeOf(value: unknown): string {
  if (!Array.isArray(value)) return 'ok';
  const failed = (value as Array<{ ok?: boolean; error?: { code?: unknown } }>).find((r) => r.ok === false);
  return failed ? codeOf(failed.error) : 'ok';
}

/** An error's code, never its message (which may quote a value). */
export function codeOf(error: unknown): string {
  const code = (error as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' && /^[A-Z0-9_]{1,64}$/.test(code) ? code : 'UNEXPECTED';
}

/** `client` with its mutations recorded; everything else is the client's own. */
export function journaledClient(client: SpacesClient, record: RecordMutation): SpacesClient {
  return new Proxy(client, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      const ids = typeof property === 'string' ? MUTATIONS[property] : undefined;
      if (!ids || typeof value !== 'function') return value;
      return async (...args: unknown[]) => {
        const done = record(property as string, (ids as (...a: unknown[]) => string[])(...args));
        try {
          const result: unknown = await (value as (...a: unknown[]) => Promise<unknown>).apply(target, args);
          done(outcomeOf(result));
          return result;
        } catch (error) {
          done(codeOf(error));
          throw error;
        }
      };
    },
  });
}
