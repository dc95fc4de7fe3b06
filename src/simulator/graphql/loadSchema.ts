import { readFileSync } from 'node:fs';
import { buildASTSchema, parse, visit, type GraphQLSchema } from 'graphql';
import { ROOT_FIELD_NAMES, type Dialect } from '../../schema/dialects.js';

/** The snapshot file; the same path from src/simulator/graphql and dist/simulator/graphql. */
const SCHEMA_FILE = new URL('../../../schema/boomi-spaces.graphql', import.meta.url);

const cached = new Map<Dialect, GraphQLSchema>();

/**
 * The schema snapshot, built once per dialect: the simulator and the mocks execute against exactly
 * this. The snapshot names root fields as the help pages do; `reference` renames those the generated
 * reference names otherwise (src/schema/dialects.ts), so validation refuses the help name as such a
 * server would.
 */
export function loadSchema(dialect: Dialect = 'help'): GraphQLSchema {
  let schema = cached.get(dialect);
  if (!schema) {
    const document = parse(readFileSync(SCHEMA_FILE, 'utf8'));
    schema = buildASTSchema(dialect === 'help' ? document : toReference(document));
    cached.set(dialect, schema);
  }
  return schema;
}

function toReference(document: ReturnType<typeof parse>): ReturnType<typeof parse> {
  return visit(document, {
    ObjectTypeDefinition(type) {
      const renames = ROOT_FIELD_NAMES.filter((names) => names.type === type.name.value);
      if (renames.length === 0) return undefined;
      return {
        ...type,
        fields: type.fields?.map((field) => {
          const to = renames.find((names) => names.help === field.name.value)?.reference;
          return to === undefined ? field : { ...field, name: { ...field.name, value: to } };
        }),
      };
    },
  });
}
