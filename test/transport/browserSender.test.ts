import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { chooseSender } from '../../src/transport/http/chooseSender.browser.js';

// Browser bundles get chooseSender.browser.ts in place of chooseSender.ts (package.json "browser").
describe("the browser's sender", () => {
  it('is swapped in for the Node chooser by package.json, for the ESM and CommonJS builds', () => {
    const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as { browser: Record<string, string> };
    expect(manifest.browser).toEqual({
      './dist/transport/http/chooseSender.js': './dist/transport/http/chooseSender.browser.js',
      './dist-cjs/transport/http/chooseSender.js': './dist-cjs/transport/http/chooseSender.browser.js',
    });
    const sdk = JSON.parse(readFileSync('packages/sdk/package.json', 'utf8')) as { browser: unknown };
    expect(sdk.browser).toEqual(manifest.browser);
  });

  it('sends through the `fetch` option, or the global fetch as it is at the time of the request', async () => {
    const seen: string[] = [];
    const answer = (who: string) => (url: string) => {
      seen.push(`${who} ${url}`);
      return Promise.resolve(new Response('{"data":{}}', { status: 200 }));
    };
    const request = { url: 'https://api.example/graphql', method: 'POST', headers: {}, body: '{}' };
    const given = chooseSender({ fetch: answer('option') as unknown as typeof fetch });
    expect((await given.send(request).reply).status).toBe(200);
    const original = globalThis.fetch;
    const viaGlobal = chooseSender({});
    globalThis.fetch = answer('global') as unknown as typeof fetch;
    try {
      expect((await viaGlobal.send(request).reply).status).toBe(200);
    } finally {
      globalThis.fetch = original;
    }
    expect(seen).toEqual(['option https://api.example/graphql', 'global https://api.example/graphql']);
  });
});
