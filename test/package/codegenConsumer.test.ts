// A consumer's own graphql-codegen with the standard trio (typescript, typescript-operations,
// typed-document-node) on the packed tarball: operations selecting an enum and taking an input
// compile under `tsc --strict`. Without boomi-spaces/codegen's options, typescript-operations 6
// declares `InstallationType` a second time next to the typescript plugin's (TS2567).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { installPacked, repoRoot as root, type PackedConsumer } from '../support/packedConsumer.js';

let consumer: PackedConsumer;
const codegen = () =>
  consumer.node([join(root, 'node_modules/@graphql-codegen/cli/cjs/bin.js'), '--config', 'codegen.ts']);

beforeAll(() => {
  consumer = installPacked('.', 'boomi-spaces');
  consumer.write(
    'ops/packs.graphql',
    'query packs($id: ID!) { Space(id: $id) { sharedIpacks { id name installationType } } }\n',
  );
  consumer.write(
    'ops/install.graphql',
    'mutation install($input: IntegrationPackInstanceInput!) { integrationPackInstanceInstall(input: $input) { id } }\n',
  );
  consumer.write(
    'use.ts',
    `import { createSpacesClient } from 'boomi-spaces';
     import { PacksDocument, InstallDocument, type InstallationType } from './gen/graphql.js';
     const client = createSpacesClient({ token: 't' });
     export async function kinds(id: string): Promise<Array<InstallationType | null>> {
       const { Space } = await client.execute(PacksDocument, { id });
       return (Space?.sharedIpacks ?? []).map((pack) => pack?.installationType ?? null);
     }
     export async function install(integrationPackId: string): Promise<string | null> {
       const { integrationPackInstanceInstall } = await client.execute(InstallDocument, { input: { integrationPackId } });
       return integrationPackInstanceInstall?.id ?? null;
     }`,
  );
});
afterAll(() => consumer.remove());

const generateWith = (config: string) => {
  consumer.write('codegen.ts', config);
  codegen();
  return readFileSync(join(consumer.app, 'gen/graphql.ts'), 'utf8');
};
const HELPER = `import { codegenConfig } from 'boomi-spaces/codegen';
export default codegenConfig({ documents: 'ops/*.graphql', output: 'gen/graphql.ts' });`;

describe('the consumer’s own codegen with the standard trio', () => {
  it('declares an enum twice with the trio alone (the failure the helper avoids)', () => {
    generateWith(`import { schema } from 'boomi-spaces/codegen';
      export default {
        schema,
        documents: 'ops/*.graphql',
        emitLegacyCommonJSImports: false,
        generates: {
          'gen/graphql.ts': {
            plugins: ['typescript', 'typescript-operations', 'typed-document-node'],
            config: { documentNodeImport: '@urql/core#TypedDocumentNode', useTypeImports: true },
          },
        },
      };`);
    const failure = (() => {
      try {
        // The error sought is in the generated file (a .ts): the libraries' declarations need no check here.
        consumer.tsc(['use.ts'], ['--skipLibCheck']);
        return '';
      } catch (error) {
        return String((error as { stdout?: unknown }).stdout);
      }
    })();
    expect(failure).toMatch(/error TS2567: Enum declarations can only merge/);
  });

  it('compiles under tsc --strict with codegenConfig, as CommonJS', () => {
    const generated = generateWith(HELPER);
    expect(generated.match(/export (enum|type) InstallationType\b/g)).toHaveLength(1);
    expect(consumer.tsc(['use.ts'])).toBe('');
  });

  it('compiles under tsc --strict with codegenConfig, as an ES module project', () => {
    consumer.write('package.json', JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
    generateWith(HELPER);
    expect(consumer.tsc(['use.ts'])).toBe('');
  });
});
