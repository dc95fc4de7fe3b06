import { writeFileSync } from 'node:fs';
import type { TypedDocumentNode } from '../client/callOptions.js';
import {
  buildClientSchema,
  getIntrospectionQuery,
  lexicographicSortSchema,
  parse,
  printSchema,
  type IntrospectionQuery,
} from 'graphql';
import type { SpacesClient } from '../client/createSpacesClient.js';
import { SpacesError } from '../errors/SpacesError.js';
import { writeSnapshot, sha256 } from '../schema/snapshotHeader.js';

const INTROSPECTION = parse(
  getIntrospectionQuery({ descriptions: true, schemaDescription: true }),
) as unknown as TypedDocumentNode<IntrospectionQuery, Record<string, never>>;
const BUILT_IN = /^(__|String$|Int$|Float$|Boolean$|ID$)/;

/**
 * Introspects the endpoint and writes the snapshot: lexicographically sorted SDL, so diffs are
 * stable, under a header with the source, the date and a sha256. Writes nothing on any failure.
 */
export async function pullSchema(
  client: SpacesClient,
  out: string,
  now = new Date(),
): Promise<{ file: string; types: number; sha256: string }> {
  const data = await client.execute(INTROSPECTION);
  if (!data?.__schema)
    throw new SpacesError('the introspection answer holds no __schema', { code: 'INVALID_RESPONSE' });
  let built;
  try {
    built = buildClientSchema(data);
  } catch (cause) {
    throw new SpacesError(
      `the introspection answer is not a usable schema (${(cause as Error).message}); nothing was written`,
      {
        code: 'INVALID_RESPONSE',
      },
    );
  }
  const schema = lexicographicSortSchema(built);
  const types = Object.keys(schema.getTypeMap()).filter((name) => !BUILT_IN.test(name));
  const rootFields = Object.keys(schema.getQueryType()?.getFields() ?? {});
  if (types.length === 0 || rootFields.length === 0) {
    throw new SpacesError('the endpoint introspected to an empty schema; nothing was written', {
      code: 'INVALID_RESPONSE',
    });
  }
  const sdl = `${printSchema(schema)}\n`;
  writeFileSync(out, writeSnapshot(sdl, client.endpoint, now.toISOString()));
  return { file: out, types: types.length, sha256: sha256(sdl) };
}
