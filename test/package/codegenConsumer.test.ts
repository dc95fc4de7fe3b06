// A consumer's own graphql-codegen with the standard trio (typescript, typescript-operations,
// typed-document-node) on the packed tarball: operations selecting an enum and taking an input
// compile under `tsc --strict`. Without boomi-spaces/codegen's options, typescript-operations 6
// declares `InstallationType` a second time next to the typescript plugin's (TS2567), and enums are
// TypeScript enums, which refuse the SDK's string-union values and string literals as variables.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { installPacked, repoRoot as root, type PackedConsumer } from '../support/packedConsumer.js';

// Three projects side by side in one consumer, each with its own codegen.ts, run where it lies:
// the trio alone and codegenConfig in CommonJS folders, codegenConfig again in an ES module folder
// (its own package.json says "type": "module"). One tsc program then checks all three, strict and
// without skipLibCheck; each test judges the errors of its own folder (and that none lie elsewhere).
const TRIO = `import { schema } from 'boomi-spaces/codegen';
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
  };`;
const HELPER = `import { codegenConfig } from 'boomi-spaces/codegen';
export default codegenConfig({ documents: 'ops/*.graphql', output: 'gen/graphql.ts' });`;
const projects = { 'trio/': TRIO, 'cjs/': HELPER, 'esm/': HELPER };

let consumer: PackedConsumer;
let errors: string[];
/** The errors a project's check would show: its own and any in the libraries, none of another project's. */
const errorsOf = (project: string) =>
  errors.filter((text) => text.startsWith(project) || !Object.keys(projects).some((other) => text.startsWith(other)));
const generated = (project: string) => readFileSync(join(consumer.app, project, 'gen/graphql.ts'), 'utf8');

beforeAll(() => {
  consumer = installPacked('.', 'boomi-spaces');
  consumer.write('esm/package.json', JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  for (const [project, config] of Object.entries(projects)) {
    consumer.write(
      `${project}ops/packs.graphql`,
      'query packs($id: ID!) { Space(id: $id) { sharedIpacks { id name installationType } } }\n',
    );
    consumer.write(
      `${project}ops/install.graphql`,
      'mutation install($input: IntegrationPackInstanceInput!) { integrationPackInstanceInstall(input: $input) { id } }\n',
    );
    consumer.write(
      `${project}ops/history.graphql`,
      'query history($input: ExecutionHistoryInput!) { executionHistory(input: $input) { status } }\n',
    );
    consumer.write(
      `${project}use.ts`,
      `import { createSpacesClient, type ExecutionHistoryStatus as SdkStatus } from 'boomi-spaces';
       import { PacksDocument, InstallDocument, HistoryDocument, type InstallationType } from './gen/graphql.js';
       const client = createSpacesClient({ token: 't' });
       export async function kinds(id: string): Promise<Array<InstallationType | null>> {
         const { Space } = await client.execute(PacksDocument, { id });
         return (Space?.sharedIpacks ?? []).map((pack) => pack?.installationType ?? null);
       }
       export async function install(integrationPackId: string): Promise<string | null> {
         const { integrationPackInstanceInstall } = await client.execute(InstallDocument, { input: { integrationPackId } });
         return integrationPackInstanceInstall?.id ?? null;
       }
       // A status the SDK returned (listExecutions, say), and a literal, as the operation's variables.
       export async function history(processId: string, status: SdkStatus) {
         const executionTime = '2026-01-01T00:00:00Z';
         await client.execute(HistoryDocument, { input: { processId, executionTime, status: 'COMPLETE' } });
         const { executionHistory } = await client.execute(HistoryDocument, { input: { processId, executionTime, status } });
         const seen: Array<SdkStatus | null> = (executionHistory ?? []).map((run) => run?.status ?? null);
         return seen;
       }`,
    );
    consumer.write(`${project}codegen.ts`, config);
    consumer.node([join(root, 'node_modules/@graphql-codegen/cli/cjs/bin.js'), '--config', 'codegen.ts'], project);
  }
  // erasableSyntaxOnly (TypeScript's type stripping) refuses a generated `enum` (TS1294).
  errors = consumer.tscErrors(
    Object.keys(projects).map((project) => `${project}use.ts`),
    ['--erasableSyntaxOnly'],
  );
});
afterAll(() => consumer.remove());

describe('the consumer’s own codegen with the standard trio', () => {
  it('declares an enum twice with the trio alone (the failure the helper avoids)', () => {
    expect(errorsOf('trio/').filter((text) => text.startsWith('trio/gen/graphql.ts'))).toContainEqual(
      expect.stringMatching(/error TS2567: Enum declarations can only merge/),
    );
  });

  it('compiles under tsc --strict with codegenConfig, as CommonJS', () => {
    expect(generated('cjs/').match(/export type InstallationType\b/g)).toHaveLength(1);
    expect(errorsOf('cjs/')).toEqual([]);
  });

  it('compiles under tsc --strict with codegenConfig, as an ES module project', () => {
    expect(generated('esm/').match(/export type InstallationType\b/g)).toHaveLength(1);
    expect(errorsOf('esm/')).toEqual([]);
  });
});
