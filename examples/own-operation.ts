import { gql } from '@urql/core';
import { createSpacesClient, SchemaDriftError } from 'boomi-spaces';

// Your own operation, written against the schema `boomi-spaces schema pull` fetched: it runs with the
// client's auth, timeouts, retries and errors, whatever the SDK's own operations select.
const SpacesWithGroups = gql<
  { spaces: Array<{ id: string; name: string; accountGroup: { name: string | null } | null } | null> | null },
  Record<string, never>
>`
  query spacesWithGroups {
    spaces {
      id
      name
      accountGroup {
        name
      }
    }
  }
`;

/** Each Space's name with its account group's, through `client.execute`. */
export async function spacesWithGroups(jwt: string): Promise<string[]> {
  const client = createSpacesClient({ token: jwt });
  try {
    const { spaces } = await client.execute(SpacesWithGroups);
    return (spaces ?? []).map((space) => `${space?.name} (${space?.accountGroup?.name ?? 'no group'})`);
  } catch (error) {
    // The platform refused the document: the error names the field and, when Boomi publishes one, the other name.
    if (error instanceof SchemaDriftError) console.error(error.field, error.alternative ?? '');
    throw error;
  }
}
