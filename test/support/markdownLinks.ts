// The relative links of Markdown pages and the anchors they may name, by GitHub's rules: one reading
// for the repository's docs (test/docs/links.test.ts) and for the packed packages' (packedConsumer.ts).
import { dirname, join, normalize } from 'node:path';

/** Markdown without its fenced blocks and HTML comments: links there are not links. */
const prose = (markdown: string) => markdown.replace(/^```[\s\S]*?^```/gm, '').replace(/<!--[\s\S]*?-->/g, '');

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces as hyphens. */
const slug = (heading: string) =>
  heading
    .toLowerCase()
    .replace(/[^\p{L}\p{N} _-]/gu, '')
    .replace(/ /g, '-');

/** The anchors of a page's headings; a repeated heading's anchor gets `-1`, `-2`, … as on GitHub. */
export function headingAnchors(markdown: string): Set<string> {
  const anchors = new Set<string>();
  for (const [, heading] of prose(markdown).matchAll(/^#{1,6} (.+)$/gm)) {
    const base = slug(heading!.trim());
    let anchor = base;
    for (let n = 1; anchors.has(anchor); n++) anchor = `${base}-${n}`;
    anchors.add(anchor);
  }
  return anchors;
}

/** The relative links of a page (not `https:`, `mailto:`, …), as written, `#anchor` included. */
export const relativeLinks = (markdown: string): string[] =>
  [...prose(markdown).matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]!).filter((target) => !/^[a-z]+:/.test(target));

/** The file a link of `page` leads to (both relative to one folder), and its anchor (the page itself for `#x`). */
export function linkTarget(page: string, target: string): { file: string; anchor: string | undefined } {
  const [path, anchor] = target.split('#') as [string, string | undefined];
  return { file: path === '' ? page : normalize(join(dirname(page), path)), anchor: anchor || undefined };
}
