/** Every relative link of the README and of docs/ leads to a file, and its #anchor to a heading there. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from '@jest/globals';

const root = fileURLToPath(new URL('../../', import.meta.url));
const pages = [
  'README.md',
  ...readdirSync(join(root, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => `docs/${f}`),
];

/** Markdown without its fenced blocks and HTML comments: links there are not links. */
const prose = (page: string) =>
  readFileSync(join(root, page), 'utf8')
    .replace(/^```[\s\S]*?^```/gm, '')
    .replace(/<!--[\s\S]*?-->/g, '');

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces as hyphens. */
const slug = (heading: string) =>
  heading
    .toLowerCase()
    .replace(/[^\p{L}\p{N} _-]/gu, '')
    .replace(/ /g, '-');

const anchorsOf = (page: string) =>
  new Set([...prose(page).matchAll(/^#{1,6} (.+)$/gm)].map((m) => slug(m[1]!.trim())));

const links = pages.flatMap((page) =>
  [...prose(page).matchAll(/\]\(([^)\s]+)\)/g)]
    .map((m) => m[1]!)
    .filter((target) => !/^[a-z]+:/.test(target))
    .map((target) => [page, target] as const),
);

describe('links of the README and docs/', () => {
  it('are there to check', () => expect(links.length).toBeGreaterThan(20));

  it.each(links)('%s → %s', (page, target) => {
    const [path, anchor] = target.split('#') as [string, string | undefined];
    const file = path === '' ? page : normalize(join(dirname(page), path));
    expect(existsSync(join(root, file))).toBe(true);
    if (anchor) expect([...anchorsOf(file)]).toContain(anchor);
  });
});
