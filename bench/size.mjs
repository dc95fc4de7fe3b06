// 5. Size: the SDK entry bundled with esbuild (minified, platform node, dependencies included), gzipped.
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));

/** The SDK entry bundled for a platform, minified, dependencies included. */
const bundle = (platform) =>
  build({
    entryPoints: [fileURLToPath(new URL('../dist/index.js', import.meta.url))],
    bundle: true,
    minify: true,
    platform,
    format: 'esm',
    write: false,
    metafile: true,
    logLevel: 'silent',
  });

/** An app of `contents` importing from dist/ (the root's sideEffects apply), for browsers, gzipped bytes. */
async function appGzipBytes(contents) {
  const result = await build({
    stdin: { contents, resolveDir: root, loader: 'js' },
    bundle: true,
    minify: true,
    platform: 'browser',
    format: 'esm',
    write: false,
    logLevel: 'silent',
  });
  return gzipSync(result.outputFiles[0].contents).length;
}

export async function size() {
  const result = await bundle('node');
  const bytes = result.outputFiles[0].contents;
  const inputs = Object.keys(result.metafile.inputs);
  const packages = [
    ...new Set(
      inputs
        .filter((i) => i.includes('node_modules/'))
        .map((i) =>
          i
            .split('node_modules/')
            .at(-1)
            .split('/')
            .slice(0, i.split('node_modules/').at(-1).startsWith('@') ? 2 : 1)
            .join('/'),
        ),
    ),
  ];
  // The same entry for browsers: the undici path is loaded by a computed import in Node only, so no
  // bundler follows it there.
  const browser = await bundle('browser');
  const browserInputs = Object.keys(browser.metafile.inputs);
  const spacesErrorOnlyGzipBytes = await appGzipBytes(
    "import { SpacesError } from './dist/index.js'; console.log(SpacesError);",
  );
  const functionsAppGzipBytes = await appGzipBytes(
    "import { createSpacesCore, getSpace, installIntegrationPack } from './dist/functions/index.js';" +
      'console.log(createSpacesCore, getSpace, installIntegrationPack);',
  );
  return {
    spacesErrorOnlyGzipBytes,
    functionsAppGzipBytes,
    browserBundleGzipBytes: gzipSync(browser.outputFiles[0].contents).length,
    bundleHasUndici: [...inputs, ...browserInputs].some((i) => /node_modules\/undici\//.test(i)),
    bundleBytes: bytes.length,
    bundleGzipBytes: gzipSync(bytes).length,
    bundleHasGraphql: inputs.some((i) => /node_modules\/graphql\//.test(i)),
    packages,
    target: {
      spacesErrorOnlyGzipBytes: 2 * 1024,
      functionsAppGzipBytes: 12 * 1024,
      bundleGzipBytes: 40 * 1024,
      bundleHasGraphql: false,
      bundleHasUndici: false,
    },
  };
}
