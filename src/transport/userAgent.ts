// The User-Agent every request of the SDK carries: the SDK, its version and the runtime, so the
// platform's logs tell this client (and which release of it) apart. No file is read at run time:
// the SDK runs in browsers too, and test/transport/userAgent.test.ts keeps the version in step
// with package.json.

/** This SDK's version, as package.json says. */
export const SDK_VERSION = '0.1.0';

/**
 * `boomi-spaces/<version>`, then `node/<version>` on Node. Apps add their own word after it
 * (`boomi-spaces/0.1.0 node/20.20.0 cli`) through the client's `headers`.
 *
 * @example
 * createSpacesClient({ token, headers: { 'user-agent': `${userAgent()} my-app/2.1` } });
 */
export function userAgent(): string {
  const node = (globalThis as { process?: { versions?: { node?: string } } }).process?.versions?.node;
  return node ? `boomi-spaces/${SDK_VERSION} node/${node}` : `boomi-spaces/${SDK_VERSION}`;
}
