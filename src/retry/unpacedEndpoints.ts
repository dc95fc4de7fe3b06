/**
 * Endpoints answered in-process by a fake platform (the testing kit's `createSpacesMock`): a client
 * sending to one of them is not paced unless its `rateLimit` option asks for it, since the server's
 * limiter that pacing protects is not there and pacing only slows the tests down. The registry lives
 * on a registered symbol so that the SDK entry and the testing entry, bundled apart, share it; it
 * holds a count per endpoint so that one of two mocks on the same endpoint going away keeps it.
 */
const KEY = Symbol.for('boomi-spaces.unpacedEndpoints');

type Registry = Map<string, number>;

function registry(): Registry {
  const holder = globalThis as { [KEY]?: Registry };
  return (holder[KEY] ??= new Map<string, number>());
}

/** The registry's key for an endpoint: its normalized URL (trailing slashes and case of the host aside). */
function keyOf(endpoint: string): string {
  try {
    return new URL(endpoint).href.replace(/\/+$/, '');
  } catch {
    return endpoint;
  }
}

/** Marks `endpoint` as answered in-process; the returned function takes the mark back (once). */
export function registerUnpacedEndpoint(endpoint: string): () => void {
  const key = keyOf(endpoint);
  const endpoints = registry();
  endpoints.set(key, (endpoints.get(key) ?? 0) + 1);
  let done = false;
  return () => {
    if (done) return;
    done = true;
    const left = (endpoints.get(key) ?? 1) - 1;
    if (left > 0) endpoints.set(key, left);
    else endpoints.delete(key);
  };
}

/** Whether a fake platform in this process answers `endpoint`. */
export function isUnpacedEndpoint(endpoint: string): boolean {
  return registry().has(keyOf(endpoint));
}
