import { useEffect, useState } from 'react';

/** The console's pages, from the URL's hash (so the server serves one page). */
export type Route =
  | { page: 'spaces' }
  | { page: 'space'; spaceId: string }
  | { page: 'instance'; spaceId: string; instanceId: string }
  | { page: 'unknown' };

/** A part of the hash decoded, or undefined when it is not valid percent-encoding (`%E0%A4%A`). */
function decodePart(part: string): string | undefined {
  try {
    return decodeURIComponent(part);
  } catch {
    return undefined;
  }
}

/** The route a hash names; any hash, well-formed or not, gives one (a bad one: `unknown`). */
export function parseRoute(hash: string): Route {
  const decoded = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodePart);
  if (decoded.includes(undefined)) return { page: 'unknown' };
  const parts = decoded as string[];
  if (parts.length === 0) return { page: 'spaces' };
  if (parts[0] === 'spaces' && parts.length === 2) return { page: 'space', spaceId: parts[1]! };
  if (parts[0] === 'spaces' && parts[2] === 'instances' && parts.length === 4)
    return { page: 'instance', spaceId: parts[1]!, instanceId: parts[3]! };
  return { page: 'unknown' };
}

export const spaceHref = (spaceId: string) => `#/spaces/${encodeURIComponent(spaceId)}`;
export const instanceHref = (spaceId: string, instanceId: string) =>
  `${spaceHref(spaceId)}/instances/${encodeURIComponent(instanceId)}`;

/** The current route; follows the hash. */
export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const follow = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  }, []);
  return route;
}
