import type { OperationContext } from '@urql/core';
import {
  OperationTypeNode,
  parse,
  visit,
  type DocumentNode,
  type FieldNode,
  type OperationDefinitionNode,
} from 'graphql';
import type { SpacesClient } from '../client/createSpacesClient.js';
import { driftedElement, isSchemaRefusal } from '../errors/toSpacesError.js';
import { ROOT_FIELD_NAMES, rootFieldIn, type Dialect } from '../schema/dialects.js';
import type { AnyDocument } from './runner.js';

/** Which name of the get-one-Space query the endpoint accepts. */
export interface DialectFinding {
  /** `help` = `Space` (the help pages, our snapshot), `reference` = `space` (the generated reference), or unknown. */
  dialect: Dialect | 'unknown';
  /** For each published name: accepted, refused by validation, or not known (the probe failed). */
  names: Record<string, 'accepted' | 'refused' | 'unknown'>;
  note?: string;
}

// A GUID no Space has: the probe needs only the field to validate, not a Space to exist.
const NO_SPACE = '00000000-0000-0000-0000-000000000000';

/**
 * Asks for one Space under each published name of the query, once each. The field is selected
 * through a fragment, so the name is sent as written (nothing on the way renames it), and a name
 * counts as refused only when the server's validation says the root type has no such field.
 */
export async function probeDialect(
  client: SpacesClient,
  context: Partial<OperationContext>,
  spaceId: string | undefined,
): Promise<DialectFinding> {
  const space = ROOT_FIELD_NAMES.find((names) => names.type === 'Query' && names.help === 'Space')!;
  const names: DialectFinding['names'] = {};
  for (const dialect of ['help', 'reference'] as const) {
    const name = space[dialect];
    const document = parse(
      `query contractDialect_${dialect}($id: ID!) { ...spaceAs_${dialect} }\n` +
        `fragment spaceAs_${dialect} on Query { ${name}(id: $id) { id } }`,
    ) as unknown as AnyDocument;
    const { data, error } = await client.urql
      .query(document, { id: spaceId ?? NO_SPACE }, { ...context, requestPolicy: 'network-only' })
      .toPromise();
    const refused = error?.graphQLErrors.some(
      (e) => !e.path && isSchemaRefusal(e.message) && driftedElement(e.message).field === `Query.${name}`,
    );
    // Data, a null or an error of the execution (it has a path: SPACE_NOT_FOUND) mean the field passed validation.
    const answered = !error || data != null || error.graphQLErrors.some((e) => e.path);
    names[name] = refused ? 'refused' : answered ? 'accepted' : 'unknown';
  }
  const dialect =
    names[space.help] === 'accepted' ? 'help' : names[space.reference] === 'accepted' ? 'reference' : 'unknown';
  return {
    dialect,
    names,
    ...(dialect === 'unknown' && { note: 'neither name of the Space query was answered' }),
  };
}

/**
 * The operation as the client sends it to an endpoint of `dialect`: the query's root fields renamed
 * (each keeping its response key through an alias), as the client's dialect step does on a refusal.
 * Undefined when nothing would be renamed (a mutation, or no root field with two published names).
 */
export function inDialect(document: DocumentNode, dialect: Dialect): DocumentNode | undefined {
  let renamed = false;
  let depth = 0;
  const result = visit(document, {
    OperationDefinition: {
      enter: (node: OperationDefinitionNode) => (node.operation === OperationTypeNode.QUERY ? undefined : false),
    },
    FragmentDefinition: () => false,
    SelectionSet: { enter: () => void (depth += 1), leave: () => void (depth -= 1) },
    Field: (node: FieldNode) => {
      if (depth !== 1) return undefined;
      const to = rootFieldIn(dialect, node.name.value);
      if (to === node.name.value) return undefined;
      renamed = true;
      return {
        ...node,
        alias: node.alias ?? { kind: 'Name', value: node.name.value },
        name: { ...node.name, value: to },
      };
    },
  });
  return renamed ? result : undefined;
}
