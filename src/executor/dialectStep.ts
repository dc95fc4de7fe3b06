import type { TypedDocumentNode } from '../client/callOptions.js';
import { driftedElement } from '../errors/toSpacesError.js';
import { alternativeFor } from '../schema/dialects.js';
import type { Transport } from '../transport/createTransport.js';
import type { RequestMeta } from '../transport/requestMeta.js';
import type { Answer } from '../transport/sendAttempt.js';
import { describeOperation, type Selection, type SelectionSet } from './describeOperation.js';

type Document = TypedDocumentNode<unknown, never>;

/** How a sender turns a document into GraphQL text: a client's, urql's print; a core's, `printDocument`. */
export type PrintDocument = (document: Document) => string;

/**
 * Sends one GraphQL operation and resolves with the transport's final answer. The per-call data
 * (`meta`: kind, name, signal, absolute deadline, attempts) is its own parameter; `headers` replace
 * the client's (urql's context may carry its own).
 */
export type OperationSender = (
  document: Document,
  variables: unknown,
  meta: RequestMeta,
  headers?: Record<string, string>,
) => Promise<Answer>;

/** Root field as the document names it -> the published name to send instead. */
type Renames = ReadonlyMap<string, string>;
const NO_RENAMES: Renames = new Map();

/**
 * The one way every query and mutation of a client reaches the transport (`execute` and the urql
 * exchange alike), with the dialect step: Boomi publishes some root fields under two names
 * (src/schema/dialects.ts). A query the server refused by validation on such a root field (so
 * nothing ran) is sent once more with the other name, aliased to the response key the document had,
 * and the name that worked is remembered for that endpoint: one extra round trip per endpoint and
 * field, not per call. Mutations are never re-sent this way; their SCHEMA_DRIFT names the alternative.
 */
export function createOperationSender(
  transport: Transport,
  url: string,
  clientHeaders: Record<string, string>,
  print: PrintDocument,
): OperationSender {
  // Root field as our documents name it -> the name this endpoint answered to.
  const learnt = new Map<string, string>();
  // Per document and set of renames, its text as JSON: escaped once, not on every call.
  const texts = new WeakMap<object, Map<string, string>>();
  const queryJson = (document: Document, renames: Renames): string => {
    const key = renames.size === 0 ? '' : JSON.stringify([...renames]);
    let cache = texts.get(document);
    if (cache === undefined) texts.set(document, (cache = new Map<string, string>()));
    let query = cache.get(key);
    if (query === undefined)
      cache.set(key, (query = JSON.stringify(print(key ? renameRootFields(document, renames) : document))));
    return query;
  };

  return async (document, variables, meta, headers = clientHeaders) => {
    // The text `JSON.stringify({ operationName, query, variables })` gives.
    const post = (renames: Renames) => {
      const values = JSON.stringify(variables) as string | undefined;
      const body = `{"operationName":${JSON.stringify(meta.operationName)},"query":${queryJson(document, renames)}${values === undefined ? '' : `,"variables":${values}`}}`;
      return transport.send({ url, headers, body }, meta);
    };
    const fields = describeOperation(document).rootFields;
    // Most endpoints answer to every name as written: no renames, nothing to build.
    const renames: Renames =
      learnt.size === 0 ? NO_RENAMES : new Map([...learnt].filter(([field]) => fields.includes(field)));
    const answer = await post(renames);
    // Only a query refused whole by validation (errors, no data) may have been refused for a root
    // field's name: an answer without errors goes back as it is.
    if (meta.kind !== 'query' || !Array.isArray(answer.payload.errors)) return answer;
    const sent = (field: string) => renames.get(field) ?? field;
    const refused = refusedRootField(answer.payload, fields.map(sent));
    const field = fields.find((f) => sent(f) === refused);
    if (field === undefined) return answer;
    // The other published name; the document's own when a remembered one is refused (the platform moved back).
    const other = refused === field ? alternativeFor(field) : field;
    if (other === undefined) return answer;
    const second = await post(new Map(renames).set(field, other));
    if (refusedRootField(second.payload, [other]) === undefined) {
      if (other === field) learnt.delete(field);
      else learnt.set(field, other);
    }
    return second;
  };
}

/**
 * The root field, among those `sent`, on which the server refused the whole request by validation
 * (errors without a path and no data: nothing ran), or undefined when it did not.
 */
export function refusedRootField(
  payload: { data?: unknown; errors?: readonly unknown[] },
  sent: readonly string[],
): string | undefined {
  if ((payload.data !== undefined && payload.data !== null) || !Array.isArray(payload.errors)) return undefined;
  for (const error of payload.errors) {
    if (typeof error !== 'object' || error === null) continue;
    const { message, path } = error as { message?: unknown; path?: unknown };
    if ((path !== undefined && path !== null) || typeof message !== 'string') continue;
    const field = /^(?:Query|Mutation)\.(.+)$/.exec(driftedElement(message).field ?? '')?.[1];
    if (field !== undefined && sent.includes(field)) return field;
  }
  return undefined;
}

/** A copy of the document with its root fields renamed, each keeping its response key through an alias. */
function renameRootFields(document: Document, renames: Renames): Document {
  const operation = describeOperation(document).definition;
  const renamed = (set: SelectionSet): SelectionSet => ({ ...set, selections: set.selections.map(rename) });
  const rename = (selection: Selection): Selection => {
    if (selection.kind === 'InlineFragment') return { ...selection, selectionSet: renamed(selection.selectionSet!) };
    const to = selection.kind === 'Field' ? renames.get(selection.name.value) : undefined;
    if (to === undefined) return selection;
    return { ...selection, alias: selection.alias ?? selection.name, name: { kind: 'Name', value: to } };
  };
  const definitions = document.definitions.map((definition) =>
    definition === (operation as unknown)
      ? { ...operation, selectionSet: renamed(operation.selectionSet) }
      : definition,
  );
  // A new document without `loc`, so urql prints the AST rather than reusing the original text.
  return { kind: 'Document', definitions } as unknown as Document;
}
