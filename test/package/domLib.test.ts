// The packed packages outside Node: their public types compile for a browser project (DOM lib, no
// @types/node, skipLibCheck off), and `instanceof SpacesError` holds across boomi-spaces and
// @boomi-spaces/sdk (a registered brand, not the copy of the class).
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { installPacked, repoRoot, type PackedConsumer } from '../support/packedConsumer.js';

let consumer: PackedConsumer;
let sdk: PackedConsumer;
beforeAll(() => {
  consumer = installPacked('.', 'boomi-spaces');
  sdk = installPacked('packages/sdk', '@boomi-spaces/sdk');
});
afterAll(() => {
  consumer.remove();
  sdk.remove();
});

describe('the packed packages in a browser project', () => {
  it('compile under lib ES2022 + DOM, strict, exactOptionalPropertyTypes, skipLibCheck false', () => {
    consumer.write(
      'tsconfig.json',
      JSON.stringify({
        compilerOptions: {
          target: 'ES2022',
          lib: ['ES2022', 'DOM'],
          module: 'ESNext',
          moduleResolution: 'bundler',
          strict: true,
          exactOptionalPropertyTypes: true,
          skipLibCheck: false,
          noEmit: true,
          types: [],
        },
        files: ['app.ts'],
      }),
    );
    consumer.write(
      'app.ts',
      `import { createSpacesClient, SpacesError } from 'boomi-spaces';
       import { createSpacesCore, getSpace } from 'boomi-spaces/functions';
       import { applyPlan } from 'boomi-spaces/plan';
       import { createSpacesMock } from 'boomi-spaces/testing';
       import { SpacesProvider } from 'boomi-spaces/react';
       export const all = [createSpacesClient, SpacesError, createSpacesCore, getSpace, applyPlan, createSpacesMock, SpacesProvider];
       export const space = (core = createSpacesCore({ token: 'jwt' })) => getSpace(core, 'id');`,
    );
    let output = '';
    try {
      consumer.node([join(repoRoot, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json']);
    } catch (error) {
      output = String((error as { stdout?: unknown }).stdout);
    }
    expect(output).toBe('');
  });

  it('says instanceof SpacesError for an error of either package', () => {
    const url = (dir: string) => JSON.stringify(pathToFileURL(join(dir, 'dist/index.js')).href);
    consumer.write(
      'brand.mjs',
      `const full = await import(${url(consumer.installed)});
       const small = await import(${url(sdk.installed)});
       const fromSdk = new small.SpacesInputError('bad', { field: 'x' });
       console.log(JSON.stringify([
         full.SpacesError === small.SpacesError,
         fromSdk instanceof full.SpacesError,
         new full.SpacesError('x', { code: 'TIMEOUT' }) instanceof small.SpacesError,
         new Error('x') instanceof full.SpacesError,
         fromSdk instanceof full.SpacesInputError,
         fromSdk instanceof small.SpacesInputError,
       ]));`,
    );
    expect(JSON.parse(consumer.node(['brand.mjs']))).toEqual([false, true, true, false, false, true]);
  });
});
