import type { TypedDocumentNode } from '@urql/core';
import { driftedElement } from '../errors/toSpacesError.js';
import { ROOT_FIELD_ALTERNATIVES } from '../schema/dialects.js';
import type { Transport } from '../transport/createTransport.js';
import type { RequestMeta } from '../transport/requestMeta.js';
import type { Answer } from '../transport/sendAttempt.js';

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

// A field node as far as renaming needs it (the AST types of urql and graphql-js differ in detail).
interface FieldNode {
  kind: string;
  name: { kind: string; value: string };
  alias?: { kind: string; value: string };
  selectionSet?: { selections: readonly FieldNode[] };
}

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
  // Per document, its text as JSON: escaped once, not on every call (and once per set of renames).
  const plain = new WeakMap<object, string>();
  const renamed = new WeakMap<object, Map<string, string>>();
  const queryJson = (document: Document, renames: Renames): string => {
    if (renames.size === 0) {
      let query = plain.get(document);
      if (query === undefined) plain.set(document, (query = JSON.stringify(print(document))));
      return query;
    }
    const key = JSON.stringify([...renames]);
    const cache = renamed.get(document) ?? new Map<string, string>();
    renamed.set(document, cache);
    let query = cache.get(key);
    if (query === undefined) cache.set(key, (query = JSON.stringify(print(renameRootFields(document, renames)))));
    return query;
  };

  return async (document, variables, meta, headers = clientHeaders) => {
    // The text `JSON.stringify({ operationName, query, variables })` gives.
    const post = (renames: Renames) => {
      const values = JSON.stringify(variables) as string | undefined;
      const body = `{"operationName":${JSON.stringify(meta.operationName)},"query":${queryJson(document, renames)}${values === undefined ? '' : `,"variables":${values}`}}`;
      return transport.send({ url, headers, body }, meta);
    };
    const fields = rootFields(document);
    // Most endpoints answer to every name as written: no renames, nothing to build.
    const renames: Renames =
      learnt.size === 0 ? NO_RENAMES : new Map([...learnt].filter(([field]) => fields.includes(field)));
    const answer = await post(renames);
    const { data, errors } = answer.payload;
    // Only a query refused whole (errors and no data) may have been refused for a root field's name.
    if (meta.kind !== 'query' || (data !== undefined && data !== null) || !Array.isArray(errors)) return answer;
    const sent = (field: string) => renames.get(field) ?? field;
    const refused = refusedRootField(answer.payload, fields.map(sent));
    const field = fields.find((f) => sent(f) === refused);
    if (field === undefined) return answer;
    const alternatives = ROOT_FIELD_ALTERNATIVES.get(field);
    // Back to the document's own name when a remembered one is refused (the platform moved back).
    const other = alternatives && [field, ...alternatives].find((name) => name !== refused);
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

/**
 * The root fields the document's operation selects, by name (aliases aside). Those selected through a
 * named fragment are left out, so they are always sent as written (contract check's probe relies on it).
 */
function rootFields(document: Document): string[] {
  const known = fieldsOf.get(document);
  if (known) return known;
  const operation = operationOf(document);
  const names: string[] = [];
  const collect = (selections: readonly FieldNode[]) => {
    for (const selection of selections) {
      if (selection.kind === 'Field') names.push(selection.name.value);
      else if (selection.kind === 'InlineFragment' && selection.selectionSet)
        collect(selection.selectionSet.selections);
    }
  };
  if (operation) collect(operation.selectionSet.selections);
  fieldsOf.set(document, names);
  return names;
}

// A document's root fields never change: read once per document.
const fieldsOf = new WeakMap<object, string[]>();

/** A copy of the document with its root fields renamed, each keeping its response key through an alias. */
function renameRootFields(document: Document, renames: Renames): Document {
  const operation = operationOf(document)!;
  const rename = (selections: readonly FieldNode[]): FieldNode[] =>
    selections.map((selection) => {
      if (selection.kind === 'InlineFragment' && selection.selectionSet)
        return {
          ...selection,
          selectionSet: { ...selection.selectionSet, selections: rename(selection.selectionSet.selections) },
        };
      const to = selection.kind === 'Field' ? renames.get(selection.name.value) : undefined;
      if (to === undefined) return selection;
      return {
        ...selection,
        alias: selection.alias ?? { kind: 'Name', value: selection.name.value },
        name: { kind: 'Name', value: to },
      };
    });
  const definitions = document.definitions.map((definition) =>
    definition === (operation as unknown)
      ? {
          ...operation,
          selectionSet: { ...operation.selectionSet, selections: rename(operation.selectionSet.selections) },
        }
      : definition,
  );
  // A new document without `loc`, so urql prints the AST rather than reusing the original text.
  return { kind: 'Document', definitions } as unknown as Document;
}

function operationOf(document: Document): { selectionSet: { selections: readonly FieldNode[] } } | undefined {
  return document.definitions.find((d) => (d.kind as string) === 'OperationDefinition') as
    { selectionSet: { selections: readonly FieldNode[] } } | undefined;
}
