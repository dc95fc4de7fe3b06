// What a browser app pays for the packed tarball: esbuild bundles (browser, minified), gzipped.
// The figures live in BENCHMARKS.md ("Browser bundles"); these ceilings keep them from creeping up.
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { build } from 'esbuild';
import { installPacked, type PackedConsumer } from '../support/packedConsumer.js';

let consumer: PackedConsumer;
beforeAll(() => {
  consumer = installPacked('.', 'boomi-spaces');
});
afterAll(() => consumer.remove());

/** The gzipped size of an app of `source`, and the files esbuild put in it. */
async function bundle(source: string): Promise<{ gzip: number; inputs: string[] }> {
  const result = await build({
    stdin: { contents: source, resolveDir: consumer.app, loader: 'ts' },
    bundle: true,
    minify: true,
    platform: 'browser',
    format: 'esm',
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const [output] = Object.values(result.metafile.outputs);
  const inputs = Object.entries(output!.inputs).filter(([, input]) => input.bytesInOutput > 0);
  return { gzip: gzipSync(result.outputFiles[0]!.contents).length, inputs: inputs.map(([file]) => file) };
}

describe('browser bundles of the packed tarball', () => {
  it('keeps `import { SpacesError }` alone within 2 KB gzipped', async () => {
    const { gzip, inputs } = await bundle(`import { SpacesError } from 'boomi-spaces'; console.log(SpacesError);`);
    expect(gzip).toBeLessThanOrEqual(2 * 1024);
    expect(inputs.filter((i) => /node_modules\/(zod|@urql|graphql)\//.test(i))).toEqual([]);
  });

  it('bundles createSpacesCore, getSpace and installIntegrationPack far below the whole client', async () => {
    const functions = await bundle(
      `import { createSpacesCore, getSpace, installIntegrationPack } from 'boomi-spaces/functions';
       const core = createSpacesCore({ token: 'jwt' });
       console.log(await getSpace(core, 's'), await installIntegrationPack(core, { integrationPackId: 'p' }));`,
    );
    const client = await bundle(`import { createSpacesClient } from 'boomi-spaces'; console.log(createSpacesClient);`);
    // The target is 12 KB, not reached: docs/bundles.md ("Sizes") says where the rest goes.
    expect(functions.gzip).toBeLessThanOrEqual(14_080);
    expect(functions.gzip).toBeLessThan(client.gzip / 2);
    // No undici, no urql client, no lifecycle methods: only what the three functions reach.
    expect(functions.inputs.filter((i) => /undici|urql-core\.mjs|wonka|lifecycle\//.test(i))).toEqual([]);
    // A core given `token` carries no JWT provider (`jwt` comes through `jwtTokenSource`).
    expect(functions.inputs.filter((i) => /createJwtProvider|jwtEndpoint/.test(i))).toEqual([]);
    // package.json's "browser" map: the browser's sender, not the Node chooser and its undici loading.
    const senders = functions.inputs.filter((i) => /chooseSender/.test(i));
    expect(senders.map((i) => i.replace(/.*node_modules\//, ''))).toEqual([
      'boomi-spaces/dist/transport/http/chooseSender.browser.js',
    ]);
    // A core prints what it sends itself: no urql printer.
    expect(functions.inputs.filter((i) => /urql|graphql\.web/.test(i))).toEqual([]);
  });
});
