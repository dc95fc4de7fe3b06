import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

const base64url = (data: string | Buffer) => Buffer.from(data).toString('base64url');
const HEADER = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));

/**
 * Issues and checks the simulator's JWTs: HS256 with a secret made per simulator. Written on
 * node:crypto rather than jose, because jose is ES-module-only and the simulator must load under
 * CommonJS (a CommonJS jest setup with ts-jest cannot load ES-only packages); the tests check our
 * tokens with jose.
 */
export class SimulatorJwt {
  readonly #secret = randomBytes(32);

  constructor(
    private readonly ttlSeconds: number,
    private readonly now: () => number,
  ) {}

  #sign(input: string): Buffer {
    return createHmac('sha256', this.#secret).update(input).digest();
  }

  /** A JWT for the user, expiring `ttlSeconds` from now. */
  issue(accountId: string, username: string): Promise<string> {
    const iat = Math.floor(this.now() / 1000);
    const payload = base64url(JSON.stringify({ accountId, sub: username, iat, exp: iat + this.ttlSeconds }));
    const input = `${HEADER}.${payload}`;
    return Promise.resolve(`${input}.${base64url(this.#sign(input))}`);
  }

  /** The account and user of a token that is ours, intact and not expired at the simulator's clock. */
  verify(token: string): Promise<JwtClaims | undefined> {
    const parts = token.split('.');
    if (parts.length !== 3 || parts[0] !== HEADER) return Promise.resolve(undefined);
    const expected = this.#sign(`${parts[0]}.${parts[1]}`);
    const given = Buffer.from(parts[2]!, 'base64url');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return Promise.resolve(undefined);
    try {
      const { accountId, sub, exp } = JSON.parse(Buffer.from(parts[1]!, 'base64url').toString('utf8')) as {
        accountId?: unknown;
        sub?: unknown;
        exp?: unknown;
      };
      const fresh = typeof exp === 'number' && this.now() / 1000 < exp;
      const claims =
        typeof accountId === 'string' && typeof sub === 'string' ? { accountId, username: sub } : undefined;
      return Promise.resolve(fresh ? claims : undefined);
    } catch {
      return Promise.resolve(undefined);
    }
  }
}

/** What a valid simulator JWT says. */
export interface JwtClaims {
  accountId: string;
  username: string;
}
