import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  danglingDocLinks,
  installPacked,
  repoRoot as root,
  simulatorCall,
  type PackedConsumer,
} from '../support/packedConsumer.js';

// The packed tarball of boomi-spaces in a consumer's project (see installPacked).
let consumer: PackedConsumer;
let app: string;
const node = (args: string[]) => consumer.node(args);
const write = (file: string, text: string) => consumer.write(file, text);

beforeAll(() => {
  consumer = installPacked('.', 'boomi-spaces');
  app = consumer.app;
});

// The codegen test's files and the React test's, type-checked in one program (--skipLibCheck:
// these two judge the consumer's code, not the libraries' declarations); each test judges its own.
const checked: Record<string, string> = {
  'use.ts': `import { createSpacesClient } from 'boomi-spaces';
     import { MySpacesDocument } from './gen/graphql';
     const client = createSpacesClient({ token: 't' });
     export async function names(): Promise<string[]> {
       const { spaces } = await client.execute(MySpacesDocument);
       return (spaces ?? []).map((space) => space?.name ?? '');
     }`,
  'Packs.tsx': `import { SpacesProvider, useGetSpace, useInstallIpack } from 'boomi-spaces/react';
     import { createSpacesClient } from 'boomi-spaces';
     function Packs({ id }: { id: string }) {
       const { data, error } = useGetSpace({ id });
       const [install, { fetching }] = useInstallIpack();
       if (error) return <p>{error.code}</p>;
       return (
         <ul>
           {data?.space.sharedIpacks.map((pack) => (
             <li key={pack.id}>
               {pack.name} {pack.installationType}
               <button disabled={fetching} onClick={() => void install({ integrationPackId: pack.id, spaceId: id })}>Install</button>
             </li>
           ))}
         </ul>
       );
     }
     export const app = <SpacesProvider client={createSpacesClient({ token: 't' })}><Packs id="s" /></SpacesProvider>;`,
};
let errors: string[] | undefined;
/** The errors of the one check (run by whichever test asks first) in `file`, or in what it generated. */
function errorsOf(file: string): string[] {
  if (!errors) {
    write(
      'codegen.ts',
      `import { createRequire } from 'node:module';
       import type { CodegenConfig } from '@graphql-codegen/cli';
       const require = createRequire(import.meta.url);
       const config: CodegenConfig = {
         schema: require.resolve('boomi-spaces/schema.graphql'),
         documents: 'ops/*.graphql',
         generates: {
           'gen/graphql.ts': {
             plugins: ['typescript', 'typescript-operations', 'typed-document-node'],
             config: { documentNodeImport: '@urql/core#TypedDocumentNode', useTypeImports: true },
           },
         },
       };
       export default config;`,
    );
    write('ops/mySpaces.graphql', 'query mySpaces { spaces { id name } }\n');
    node([join(root, 'node_modules/@graphql-codegen/cli/cjs/bin.js'), '--config', 'codegen.ts']);
    for (const [name, text] of Object.entries(checked)) write(name, text);
    errors = consumer.tscErrors(Object.keys(checked), ['--jsx', 'react-jsx', '--skipLibCheck']);
  }
  const others = Object.keys(checked).filter((name) => name !== file);
  return errors.filter((text) => !others.some((other) => text.startsWith(other)));
}
afterAll(() => consumer.remove());

const call = simulatorCall('typeof createSpacesMock');

describe('the packed tarball in a consumer’s project', () => {
  it('holds every page its README and docs link to and its messages name', () => {
    const { installed } = consumer;
    expect(existsSync(join(installed, 'docs/schema-and-contract.md'))).toBe(true);
    expect(danglingDocLinks(installed)).toEqual([]);
  });

  it('works from an ES module', () => {
    write(
      'esm.mjs',
      `import { createSpacesClient, createJwtProvider } from 'boomi-spaces';
       import { createSpacesMock } from 'boomi-spaces/testing';
       import { startSimulator, DEMO } from 'boomi-spaces/simulator';
       import { applyPlan, parsePlan } from 'boomi-spaces/plan';
       if (typeof applyPlan !== 'function' || parsePlan('space: s\\ninstances: []', 'p').plan.space !== 's') throw new Error('plan');
       ${call}`,
    );
    expect(node(['esm.mjs']).trim()).toBe('Demo_Space function');
  });

  it('works from CommonJS', () => {
    write(
      'cjs.cjs',
      `const { createSpacesClient, createJwtProvider } = require('boomi-spaces');
       const { createSpacesMock } = require('boomi-spaces/testing');
       const { startSimulator, DEMO } = require('boomi-spaces/simulator');
       const { applyPlan, parsePlan } = require('boomi-spaces/plan');
       if (typeof applyPlan !== 'function' || parsePlan('space: s\\ninstances: []', 'p').plan.space !== 's') throw new Error('plan');
       (async () => { ${call} })();`,
    );
    expect(node(['cjs.cjs']).trim()).toBe('Demo_Space function');
  });

  it('generates typed documents with the consumer’s own codegen from the exported snapshot', () => {
    // Type-checked as a CommonJS project (module nodenext without "type": the require conditions).
    expect(errorsOf('use.ts')).toEqual([]);
    expect(existsSync(join(app, 'gen/graphql.ts'))).toBe(true);
  });

  it('type-checks a React component on boomi-spaces/react (typed data, no casts)', () => {
    expect(errorsOf('Packs.tsx')).toEqual([]);
  });
});
