import { describe, expect, it } from '@jest/globals';
import { createSpacesClient, GetSpaceDocument, ListSpacesDocument, operations } from '../../src/index.js';
import { DEMO } from '../../src/simulator/model/seed.js';
import { createTestMock, TEST_TOKEN } from '../support/spacesMock.js';
import { withMswServer } from '../support/setupMsw.js';

const mock = createTestMock();
withMswServer(...mock.handlers);
const client = createSpacesClient({ token: TEST_TOKEN });

describe('typed documents for users who want them', () => {
  it('client.execute takes variables only when the operation has some', async () => {
    const { space } = await client.execute(GetSpaceDocument, { id: DEMO.spaceId });
    const name: string | undefined = space?.name;
    expect(name).toBe('Demo_Space');
    const { spaces } = await client.execute(ListSpacesDocument);
    expect(spaces).toHaveLength(1);

    // Type-level checks (npm run typecheck fails if these stop being errors); the calls are never made.
    const neverCalled = () => {
      // @ts-expect-error getSpace needs its variables
      void client.execute(GetSpaceDocument);
      // @ts-expect-error listSpaces takes none
      void client.execute(ListSpacesDocument, { id: 'x' });
      // @ts-expect-error the id is a string
      void client.execute(GetSpaceDocument, { id: 42 });
    };
    expect(typeof neverCalled).toBe('function');
  });

  it('the generated per-operation functions run through client.execute', async () => {
    const { space } = await operations.getSpace(client.execute, { id: DEMO.spaceId });
    expect(space?.sharedIpacks).toHaveLength(3);
    const { spaces } = await operations.listSpaces(client.execute);
    expect(spaces?.[0]?.id).toBe(DEMO.spaceId);
    expect(Object.keys(operations.documents)).toContain('installIpack');
  });

  it('the urql client is reachable, typed, and carries the same auth', async () => {
    const result = await client.urql.query(GetSpaceDocument, { id: DEMO.spaceId }).toPromise();
    expect(result.error).toBeUndefined();
    expect(result.data?.space?.id).toBe(DEMO.spaceId);
  });
});
