import { readFileSync } from 'node:fs';
import { buildSchema, type GraphQLSchema } from 'graphql';

/** The snapshot file; the same path from src/simulator/graphql and dist/simulator/graphql. */
const SCHEMA_FILE = new URL('../../../schema/boomi-spaces.graphql', import.meta.url);

let cached: GraphQLSchema | undefined;

/** The schema snapshot, built once: the simulator and the mocks execute against exactly this. */
export function loadSchema(): GraphQLSchema {
  cached ??= buildSchema(readFileSync(SCHEMA_FILE, 'utf8'));
  return cached;
}
