// Who may use the console: whoever holds the token it printed at start. A GET of a page with
// `?token=` trades it for an HttpOnly, SameSite=Strict cookie and a redirect to the same page without
// the token in its address (as Jupyter does); every other request needs that cookie.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

const TOKEN = /^[A-Za-z0-9_-]{43}$/;

/** A fresh console token: 32 random bytes, base64url. */
export const newConsoleToken = () => randomBytes(32).toString('base64url');

/** True when the two are the same token; the time taken does not depend on where they differ. */
function sameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.byteLength === b.byteLength && timingSafeEqual(a, b);
}

/** How one console checks access; the cookie's name carries the port (cookies ignore ports). */
export class ConsoleAccess {
  readonly #token: string;
  #cookieName = 'boomi_console';

  constructor(token: string) {
    if (!TOKEN.test(token)) throw new TypeError('a console token is 32 random bytes in base64url');
    this.#token = token;
  }

  /** The port is known once the server listens. */
  listening(port: number): void {
    this.#cookieName = `boomi_console_${port}`;
  }

  /** True when the request carries this console's cookie. */
  admits(request: IncomingMessage): boolean {
    const header = request.headers.cookie ?? '';
    for (const pair of header.split(';')) {
      const at = pair.indexOf('=');
      if (at > 0 && pair.slice(0, at).trim() === this.#cookieName && sameToken(pair.slice(at + 1).trim(), this.#token))
        return true;
    }
    return false;
  }

  /**
   * A GET or HEAD of `path` with `?token=`: sets the cookie and redirects (303) to `path` without
   * the token when it is right; answers false when it is wrong. Undefined: the URL has no token.
   */
  exchange(
    request: IncomingMessage,
    response: ServerResponse,
    path: string,
    query: URLSearchParams,
  ): boolean | undefined {
    const given = query.get('token');
    if (given === null || (request.method !== 'GET' && request.method !== 'HEAD')) return undefined;
    if (!sameToken(given, this.#token)) return false;
    query.delete('token');
    const rest = query.toString();
    response.writeHead(303, {
      location: rest ? `${path}?${rest}` : path,
      'set-cookie': `${this.#cookieName}=${this.#token}; HttpOnly; SameSite=Strict; Path=/`,
    });
    response.end();
    return true;
  }
}
