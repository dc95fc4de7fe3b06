/** Every relative link of the README and of docs/ leads to a file, and its #anchor to a heading there. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from '@jest/globals';
import { headingAnchors, linkTarget, relativeLinks } from '../support/markdownLinks.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const pages = [
  'README.md',
  ...readdirSync(join(root, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => `docs/${f}`),
];

const read = (page: string) => readFileSync(join(root, page), 'utf8');
const links = pages.flatMap((page) => relativeLinks(read(page)).map((target) => [page, target] as const));

describe('links of the README and docs/', () => {
  it('are there to check', () => expect(links.length).toBeGreaterThan(20));

  it.each(links)('%s → %s', (page, target) => {
    const { file, anchor } = linkTarget(page, target);
    expect(existsSync(join(root, file))).toBe(true);
    if (anchor) expect([...headingAnchors(read(file))]).toContain(anchor);
  });
});
