import { buildClientSchema, getIntrospectionQuery, parse, validate, type GraphQLSchema } from 'graphql';
import type { TypedDocumentNode } from '@urql/core';
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
import type { OperationDocument } from '../tools/operationDocuments.js';
import { validateAnswer, type Drift } from './validateAnswer.js';

/** How one operation fared. */
export interface ContractResult {
  operation: string;
  status: 'OK' | 'DRIFT' | 'NOT_CHECKABLE' | 'FAILED';
  drifts: Drift[];
  note?: string;
}

/** The whole check: exit code 1 when anything drifted or failed. */
export interface ContractReport {
  endpoint: string;
  results: ContractResult[];
  exitCode: 0 | 1;
}

type AnyDocument = TypedDocumentNode<Record<string, unknown>, Record<string, unknown>>;

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
  options: { spaceId?: string; spaceGuid?: string; now?: Date } = {},
): Promise<ContractReport> {
  const results: ContractResult[] = [];
  const found: Found = { environmentIds: [], ...(options.spaceId && { spaceId: options.spaceId }) };
  const run = async (
    name: string,
    document: AnyDocument,
    variables: Record<string, unknown> | undefined,
    inspect?: (data: Record<string, unknown>) => { drifts?: Drift[]; empty?: boolean },
  ) => {
    if (variables === undefined) {
      results.push({ operation: name, status: 'NOT_CHECKABLE', drifts: [], note: 'no id to ask for (no data)' });
      return;
    }
    const { data, error } = await client.urql.query(document, variables, { requestPolicy: 'network-only' }).toPromise();
    if (error && !data) {
      const graphQLErrors = error.graphQLErrors.map((e) => e.message).join('; ');
      const invalid = /Cannot query field|Unknown (argument|type)|Field ".*" argument/.test(graphQLErrors);
      results.push({
        operation: name,
        status: invalid ? 'DRIFT' : 'FAILED',
        drifts: invalid ? [{ path: 'operation', expected: 'accepted by the server', seen: graphQLErrors }] : [],
        note: invalid ? 'the server refused the operation as invalid for its schema' : error.message,
      });
      return;
    }
    const drifts = validateAnswer(snapshot, document, data);
    let extra: ReturnType<NonNullable<typeof inspect>> | undefined;
    try {
      extra = data ? inspect?.(data) : undefined;
    } catch {
      // A drifted answer the follow-up cannot read: its drifts are reported already.
    }
    drifts.push(...(extra?.drifts ?? []));
    const status = drifts.length > 0 ? 'DRIFT' : extra?.empty ? 'NOT_CHECKABLE' : 'OK';
    results.push({
      operation: name,
      status,
      drifts,
      ...(status === 'NOT_CHECKABLE' && { note: 'no items to check (no data)' }),
    });
  };

  results.push(await introspection(client, operations));

  await run('listSpaces', ListSpacesDocument as AnyDocument, {}, (data) => {
    const spaces = (data.spaces as Array<{ id: string }> | null) ?? [];
    found.spaceId ??= spaces[0]?.id;
    return { empty: spaces.length === 0 };
  });
  await run('getSpace', GetSpaceDocument as AnyDocument, found.spaceId ? { id: found.spaceId } : undefined, (data) => ({
    empty: data.space === null,
  }));
  if (!options.spaceGuid) {
    for (const name of [
      'listIntegrationPackInstances',
      'listEnvironments',
      'listProcesses',
      'getExtensions',
      'listExecutions',
      'listSpaceAccounts',
    ])
      results.push({ operation: name, status: 'NOT_CHECKABLE', drifts: [], note: 'needs a SPACE_GUID (--space-guid)' });
    return report(client, results);
  }
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
  const since = new Date((options.now ?? new Date()).getTime() - 7 * 86_400_000)
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z');
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
  await run('listSpaceAccounts', ListSpaceAccountsDocument, { criteria: null }, (data) => ({
    empty: ((data.accounts as unknown[] | null) ?? []).length === 0,
  }));
  return report(client, results);
}

function report(client: SpacesClient, results: ContractResult[]): ContractReport {
  const bad = results.some((r) => r.status === 'DRIFT' || r.status === 'FAILED');
  return { endpoint: client.endpoint, results, exitCode: bad ? 1 : 0 };
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
async function introspection(client: SpacesClient, operations: OperationDocument[]): Promise<ContractResult> {
  const query = parse(getIntrospectionQuery()) as unknown as AnyDocument;
  const { data, error } = await client.urql.query(query, {}, { requestPolicy: 'network-only' }).toPromise();
  if (!data?.__schema) {
    return {
      operation: 'introspection',
      status: 'NOT_CHECKABLE',
      drifts: [],
      note: `not allowed or not answered${error ? ` (${error.message})` : ''}`,
    };
  }
  let live: GraphQLSchema;
  try {
    live = buildClientSchema(data as never);
  } catch (cause) {
    return {
      operation: 'introspection',
      status: 'DRIFT',
      drifts: [{ path: 'data.__schema', expected: 'a schema', seen: (cause as Error).message }],
    };
  }
  const drifts = operations.flatMap(({ file, document }) =>
    validate(live, document).map((e) => ({
      path: file.replace(/^.*operations\//, 'operations/'),
      expected: 'valid against the live schema',
      seen: e.message,
    })),
  );
  return { operation: 'introspection', status: drifts.length > 0 ? 'DRIFT' : 'OK', drifts };
}
