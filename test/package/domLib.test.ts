// The packed packages outside Node: their public types compile for a browser project (DOM lib, no
// @types/node, skipLibCheck off), `instanceof SpacesError` holds across boomi-spaces and
// @boomi-spaces/sdk (a registered brand, not the copy of the class), and a core of one copy takes
// the JWT source another made.
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

/** The opening of a module that loads `entry` (under dist/) from three copies: both packages, the SDK in CommonJS. */
function copiesOf(entry: string): string {
  const url = (dir: string) => JSON.stringify(pathToFileURL(join(dir, 'dist', entry)).href);
  return `import { createRequire } from 'node:module';
       const copies = {
         full: await import(${url(consumer.installed)}),
         sdk: await import(${url(sdk.installed)}),
         sdkCjs: createRequire(${JSON.stringify(join(sdk.installed, 'package.json'))})(${JSON.stringify(`./dist-cjs/${entry}`)}),
       };`;
}

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
          // TypeScript's own lib files are checked against, not checked themselves (see packedConsumer.ts).
          skipDefaultLibCheck: true,
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
       export const space = (core = createSpacesCore({ token: 'jwt' })) => getSpace(core, 'id');
       // Optional options given as undefined, as values read from the environment may be.
       declare const env: Record<string, string | undefined>;
       export const mock = createSpacesMock({
         endpoint: env.ENDPOINT, region: undefined, strictAuth: undefined, rateLimit: undefined,
         fixtures: { packs: undefined, accountId: env.ACCOUNT },
         faults: { unavailableRate: undefined, seed: undefined },
       });
       mock.failNext('listSpaces', { status: undefined, code: env.CODE, retryAfterSeconds: undefined });
       export const apply = (plan: Parameters<typeof applyPlan>[1]) =>
         applyPlan(createSpacesClient({ token: env.JWT, spaceGuid: env.SPACE_GUID }), plan, {
           prune: undefined, batchSize: undefined, signal: undefined, onProgress: undefined, variables: undefined,
         });`,
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
    expect(JSON.parse(consumer.node(['brand.mjs']))).toEqual([false, true, true, false, true, true]);
  });

  it('says instanceof for every exported SpacesError subclass across both packages and both formats', () => {
    consumer.write(
      'subclasses.mjs',
      `${copiesOf('index.js')}
       const subclassesOf = (entry) => Object.keys(entry)
         .filter((name) => typeof entry[name] === 'function' && entry[name].prototype instanceof entry.SpacesError)
         .sort();
       const names = subclassesOf(copies.full);
       const wrong = [];
       for (const [from, a] of Object.entries(copies))
         for (const [to, b] of Object.entries(copies))
           for (const made of names) {
             const error = Object.create(a[made].prototype);
             if (!(error instanceof b.SpacesError)) wrong.push(from + '.' + made + ' !instanceof ' + to + '.SpacesError');
             for (const asked of names)
               if ((error instanceof b[asked]) !== (made === asked)) wrong.push(from + '.' + made + ' vs ' + to + '.' + asked);
             if (error instanceof Map) wrong.push(from + '.' + made + ' instanceof Map');
           }
       console.log(JSON.stringify({ names, sdk: subclassesOf(copies.sdk), cjs: subclassesOf(copies.sdkCjs), wrong }));`,
    );
    const names = ['OutcomeUnknownError', 'SchemaDriftError', 'SpacesInputError'];
    expect(JSON.parse(consumer.node(['subclasses.mjs']))).toEqual({ names, sdk: names, cjs: names, wrong: [] });
  });

  it('gives a core of either package and format the JWT source another copy made', () => {
    consumer.write(
      'tokenSources.mjs',
      `${copiesOf('functions/index.js')}
       const credentials = { accountId: 'acme-ABC123', username: 'me@acme.com', apiToken: 'an-api-token' };
       const refused = [];
       for (const [from, a] of Object.entries(copies))
         for (const [to, b] of Object.entries(copies)) {
           try {
             b.createSpacesCore({ jwt: a.jwtTokenSource(credentials) });
           } catch (error) {
             refused.push(from + ' -> ' + to + ': ' + error.message);
           }
         }
       // Plain credentials and look-alikes are still refused, naming jwtTokenSource.
       const lookAlikes = [credentials, { [Symbol.for('boomi-spaces.jwtTokenSource.binder.v1')]: 'not a function' }];
       const named = lookAlikes.map((jwt) => {
         try {
           copies.full.createSpacesCore({ jwt });
           return 'taken';
         } catch (error) {
           return /jwtTokenSource/.test(error.message);
         }
       });
       const source = copies.sdk.jwtTokenSource(credentials);
       // And it works: one copy's provider fetches JWTs with what another copy's core lends it.
       const { startSimulator } = await import(${JSON.stringify(pathToFileURL(join(consumer.installed, 'dist/simulator/index.js')).href)});
       const simulator = await startSimulator();
       const core = copies.sdkCjs.createSpacesCore({
         endpoint: simulator.url,
         jwt: copies.full.jwtTokenSource({ ...simulator.credentials, authUrl: simulator.authUrl }),
       });
       const spaces = await copies.sdkCjs.listSpaces(core);
       await core.close();
       await simulator.close();
       console.log(JSON.stringify({ refused, named, json: JSON.stringify(source), keys: Object.keys(source), listed: spaces.length > 0 }));`,
    );
    expect(JSON.parse(consumer.node(['tokenSources.mjs']))).toEqual({
      refused: [],
      named: [true, true],
      json: '{"jwt":"[redacted]"}',
      keys: [],
      listed: true,
    });
  });
});
