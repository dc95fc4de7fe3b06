import { buildASTSchema, visit, type DocumentNode, type GraphQLSchema } from 'graphql';
import { SCHEMA_DOCUMENT } from '../../generated/schemaDocument.js';
import { ROOT_FIELD_NAMES, type Dialect } from '../../schema/dialects.js';

const cached = new Map<Dialect, GraphQLSchema>();

/**
 * The schema snapshot, built once per dialect: the simulator and the mocks execute against exactly
 * this. The snapshot names root fields as the help pages do; `reference` renames those the generated
 * reference names otherwise (src/schema/dialects.ts), so validation refuses the help name as such a
 * server would.
 *
 * Built from the snapshot's parse that codegen keeps (src/generated/schemaDocument.ts), with graphql's
 * SDL and schema checks skipped (`assumeValid`): jest gives every test file its own modules, and
 * parsing and checking the snapshot there made each file's first request slow.
 * test/simulator/loadSchema.test.ts runs those checks on every dialect's document instead.
 */
export function loadSchema(dialect: Dialect = 'help'): GraphQLSchema {
  let schema = cached.get(dialect);
  if (!schema) {
    schema = buildASTSchema(schemaDocument(dialect), { assumeValid: true });
    cached.set(dialect, schema);
  }
  return schema;
}

/** The snapshot's document with the root fields named as `dialect` names them. */
export function schemaDocument(dialect: Dialect): DocumentNode {
  return dialect === 'help' ? SCHEMA_DOCUMENT : toReference(SCHEMA_DOCUMENT);
}

function toReference(document: DocumentNode): DocumentNode {
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
