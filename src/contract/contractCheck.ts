import type { OperationContext } from '@urql/core';
import { buildClientSchema, getIntrospectionQuery, parse, validate, type GraphQLSchema } from 'graphql';
import type { SpacesClient } from '../client/createSpacesClient.js';
import { environmentExtensionsSchema, mapExtensionsSchema } from '../api/payloads/extensions.js';
import { parseJsonField } from '../api/payloads/jsonField.js';
import { typedNumber } from '../api/payloads/primitives.js';
import {
  GetExtensionsDocument,
  GetSpaceDocument,
  ListEnvironmentsDocument,
  ListExecutionsDocument,
  ListIntegrationPackInstancesDocument,
  ListProcessesDocument,
  ListSpaceAccountsDocument,
  ListSpacesDocument,
} from '../generated/graphql.js';
import type { Origin } from '../schema/provenance.js';
import type { OperationDocument } from '../tools/operationDocuments.js';
import { inDialect, probeDialect, type DialectFinding } from './dialect.js';
import { judgeInferred, type Exercise, type InferredCheck, type TypenamesSeen } from './inferred.js';
import { runner, urqlContext, type AnyDocument, type ContractResult, type Run } from './runner.js';
import { probeTypenames } from './typenameProbe.js';
import type { CleanupOptions, LeftBehind } from './throwaway.js';
import type { Drift } from './validateAnswer.js';
import { writeChecks } from './writeChecks.js';

export type { CleanupOptions } from './throwaway.js';

/** The whole check: exit code 1 when anything drifted or failed, or a throwaway Space is left behind. */
export interface ContractReport {
  endpoint: string;
  results: ContractResult[];
  /** Which name of the Space query the endpoint accepts (undefined when the check was stopped first). */
  dialect?: DialectFinding;
  /** Each `inferred` element of the provenance file, and whether the live answers confirmed it. */
  inferred: InferredCheck[];
  /** The throwaway Space of --allow-writes when it could not be deleted: delete it by hand. */
  leftBehind: LeftBehind[];
  exitCode: 0 | 1;
}

/** Answers for later checks: the first Space, instance, process found. */
interface Found {
  spaceId?: string;
  instanceId?: string;
  environmentIds: string[];
  processId?: string;
}

/**
 * Runs every read-only operation of the SDK against the endpoint and checks each answer against the
 * snapshot's types and, for JSON inside strings, against the SDK's zod schemas. Never a mutation.
 * Checks that need an id use the first one an earlier listing returned.
 */
export async function contractCheck(
  client: SpacesClient,
  snapshot: GraphQLSchema,
  operations: OperationDocument[],
  options: {
    spaceId?: string;
    spaceGuid?: string;
    now?: Date;
    /** With --allow-writes: a Space of this name is created, renamed and deleted. */
    writes?: { spaceName: string; accountGroupId: string };
    /** Stops the check (Ctrl+C): the request under way is aborted, nothing more sent, the throwaway Space deleted. */
    signal?: AbortSignal;
    /** How the throwaway Space is deleted after a failure or `signal`. */
    cleanup?: CleanupOptions;
    /** The snapshot's provenance (schema/provenance.yaml): its `inferred` elements are checked. */
    provenance?: ReadonlyMap<string, Origin>;
  } = {},
): Promise<ContractReport> {
  const { signal } = options;
  const results: ContractResult[] = [];
  const found: Found = { environmentIds: [], ...(options.spaceId && { spaceId: options.spaceId }) };
  const exercises: Exercise[] = [];
  const send = runner(client, snapshot, results, signal);
  // Every operation actually sent, with its result: what the inferred elements are judged by.
  const run: Run = async (name, document, variables, ...rest) => {
    const before = results.length;
    await send(name, document, variables, ...rest);
    if (variables !== undefined && results.length > before) exercises.push({ document, result: results.at(-1)! });
  };

  let live: GraphQLSchema | undefined;
  if (!signal?.aborted) {
    const checked = await introspection(client, operations, urqlContext(client, signal));
    results.push(checked.result);
    live = checked.live;
  }

  await run('listSpaces', ListSpacesDocument as AnyDocument, {}, (data) => {
    const spaces = (data.spaces as Array<{ id: string }> | null) ?? [];
    found.spaceId ??= spaces[0]?.id;
    return { empty: spaces.length === 0 };
  });
  await run('getSpace', GetSpaceDocument as AnyDocument, found.spaceId ? { id: found.spaceId } : undefined, (data) => ({
    empty: data.space === null,
  }));
  const dialect = signal?.aborted ? undefined : await probeDialect(client, urqlContext(client, signal), found.spaceId);
  const typenames: TypenamesSeen = new Map();
  if (options.spaceGuid) {
    await spaceScoped(run, found, options.now ?? new Date());
    // The introspected schema answers for every type: no probe needed then.
    if (options.provenance && !live)
      await probeTypenames(
        client,
        snapshot,
        options.provenance,
        { id: found.spaceId, integrationPackInstanceId: found.instanceId, ipackInstanceId: found.instanceId },
        signal,
        { exercises, typenames },
      );
  } else if (!signal?.aborted)
    for (const name of [
      'listIntegrationPackInstances',
      'listEnvironments',
      'listProcesses',
      'getExtensions',
      'listExecutions',
      'listSpaceAccounts',
    ])
      results.push({ operation: name, status: 'NOT_CHECKABLE', drifts: [], note: 'needs a SPACE_GUID (--space-guid)' });
  const leftBehind = options.writes
    ? await writeChecks(client, run, results, options.writes, {
        ...(signal && { signal }),
        ...(options.cleanup && { cleanup: options.cleanup }),
      })
    : [];
  const inferred = judgeInferred(options.provenance ?? new Map(), snapshot, exercises, live, typenames);
  return { ...report(client, results, leftBehind), ...(dialect && { dialect }), inferred };
}

/** The space-scoped listings, each asking for what the one before found. */
async function spaceScoped(run: Run, found: Found, now: Date): Promise<void> {
  await run('listIntegrationPackInstances', ListIntegrationPackInstancesDocument as AnyDocument, {}, (data) => {
    const instances = (data.integrationPackInstances as Array<{ id: string }> | null) ?? [];
    found.instanceId = instances[0]?.id;
    return { empty: instances.length === 0 };
  });
  await run('listEnvironments', ListEnvironmentsDocument as AnyDocument, {}, (data) => {
    const environments =
      (data.environments as Array<{
        id: string;
        integrationPackEnvironmentAttachment: Array<{ integrationPackInstanceId: string }> | null;
      }> | null) ?? [];
    found.environmentIds = environments
      .filter((e) =>
        (e.integrationPackEnvironmentAttachment ?? []).some((a) => a?.integrationPackInstanceId === found.instanceId),
      )
      .map((e) => e.id);
    return { empty: environments.length === 0 };
  });
  await run(
    'listProcesses',
    ListProcessesDocument as AnyDocument,
    found.instanceId ? { instanceId: found.instanceId } : undefined,
    (data) => {
      const processes = (data.processes as Array<{ id: string }> | null) ?? [];
      found.processId = processes[0]?.id;
      return { empty: processes.length === 0 };
    },
  );
  await run(
    'getExtensions',
    GetExtensionsDocument as AnyDocument,
    found.instanceId && found.environmentIds.length > 0
      ? { instanceId: found.instanceId, environmentIds: found.environmentIds }
      : undefined,
    (data) => ({ drifts: jsonInStrings(data), empty: ((data.attachments as unknown[] | null) ?? []).length === 0 }),
  );
  const since = new Date(now.getTime() - 7 * 86_400_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  await run(
    'listExecutions',
    ListExecutionsDocument as AnyDocument,
    found.processId ? { processId: found.processId, since } : undefined,
    (data) => {
      const drifts: Drift[] = [];
      let count = 0;
      for (const [alias, list] of Object.entries(data))
        for (const [i, execution] of ((list as Array<Record<string, unknown>> | null) ?? []).entries()) {
          count++;
          for (const field of ['executionDuration', 'inboundDocumentSize', 'outboundDocumentSize'])
            if (typedNumber(execution?.[field] as string[] | null) === undefined)
              drifts.push({
                path: `data.${alias}[${i}].${field}`,
                expected: 'a typed pair such as ["Long", "5816"]',
                seen: JSON.stringify(execution?.[field]).slice(0, 60),
              });
        }
      return { drifts, empty: count === 0 };
    },
  );
  await run('listSpaceAccounts', ListSpaceAccountsDocument as AnyDocument, {}, (data) => ({
    empty: ((data.accounts as unknown[] | null) ?? []).length === 0,
  }));
}

function report(
  client: SpacesClient,
  results: ContractResult[],
  leftBehind: LeftBehind[],
): Omit<ContractReport, 'inferred'> {
  const bad = leftBehind.length > 0 || results.some((r) => r.status === 'DRIFT' || r.status === 'FAILED');
  return { endpoint: client.endpoint, results, leftBehind, exitCode: bad ? 1 : 0 };
}

/** The JSON inside getExtensions' strings, checked with the SDK's zod schemas. */
function jsonInStrings(data: Record<string, unknown>): Drift[] {
  const drifts: Drift[] = [];
  const attachments = (data.attachments as Array<Record<string, unknown> | null> | null) ?? [];
  const parse = (schema: Parameters<typeof parseJsonField>[0], text: unknown, field: string, expected: string) => {
    try {
      parseJsonField(schema, text, { operationName: 'getExtensions', field });
    } catch (error) {
      drifts.push({
        path: `data.${field}`,
        expected,
        seen: (error as Error).message.replace(/^getExtensions: \S+ /, ''),
      });
    }
  };
  attachments.forEach((attachment, i) => {
    const extensions = attachment?.environmentExtensions;
    if (typeof extensions === 'string' && extensions.trim() !== '')
      parse(
        environmentExtensionsSchema,
        extensions,
        `attachments[${i}].environmentExtensions`,
        'EnvironmentExtensions JSON',
      );
    ((attachment?.environmentMapExtension as unknown[] | null) ?? []).forEach((entry, j) => {
      if (typeof entry === 'string' && entry.trim() !== '')
        parse(mapExtensionsSchema, entry, `attachments[${i}].environmentMapExtension[${j}]`, 'a BulkResult JSON');
    });
  });
  return drifts;
}

/** Introspection when the server allows it: does every operation of the SDK validate against the live schema? */
async function introspection(
  client: SpacesClient,
  operations: OperationDocument[],
  context: Partial<OperationContext>,
): Promise<{ result: ContractResult; live?: GraphQLSchema }> {
  const query = parse(getIntrospectionQuery()) as unknown as AnyDocument;
  const { data, error } = await client.urql.query(query, {}, { ...context, requestPolicy: 'network-only' }).toPromise();
  if (!data?.__schema) {
    return {
      result: {
        operation: 'introspection',
        status: 'NOT_CHECKABLE',
        drifts: [],
        note: `not allowed or not answered${error ? ` (${error.message})` : ''}`,
      },
    };
  }
  let live: GraphQLSchema;
  try {
    live = buildClientSchema(data as never);
  } catch (cause) {
    return {
      result: {
        operation: 'introspection',
        status: 'DRIFT',
        drifts: [{ path: 'data.__schema', expected: 'a schema', seen: (cause as Error).message }],
      },
    };
  }
  // An operation refused as written but valid under the other published name of its root field is
  // no drift: the client's dialect step sends it that way (one extra round trip per endpoint).
  const renamedOk: string[] = [];
  const drifts = operations.flatMap(({ file, document }) => {
    const errors = validate(live, document);
    const other = errors.length > 0 ? inDialect(document, 'reference') : undefined;
    if (other && validate(live, other).length === 0) {
      renamedOk.push(file.replace(/^.*operations\//, 'operations/'));
      return [];
    }
    return errors.map((e) => ({
      path: file.replace(/^.*operations\//, 'operations/'),
      expected: 'valid against the live schema',
      seen: e.message,
    }));
  });
  const note =
    renamedOk.length > 0 ? `valid with the reference names of their root fields: ${renamedOk.join(', ')}` : undefined;
  return {
    result: {
      operation: 'introspection',
      status: drifts.length > 0 ? 'DRIFT' : 'OK',
      drifts,
      ...(note !== undefined && { note }),
    },
    live,
  };
}
