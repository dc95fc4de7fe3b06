import { randomBytes } from 'node:crypto';
import { jwtVerify, SignJWT } from 'jose';

/** Issues and checks the simulator's JWTs (HS256, a secret made per simulator). */
export class SimulatorJwt {
  readonly #secret = new Uint8Array(randomBytes(32));

  constructor(
    private readonly ttlSeconds: number,
    private readonly now: () => number,
  ) {}

  /** A JWT for the user, expiring `ttlSeconds` from now. */
  async issue(accountId: string, username: string): Promise<string> {
    const issuedAt = Math.floor(this.now() / 1000);
    return new SignJWT({ accountId })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(username)
      .setIssuedAt(issuedAt)
      .setExpirationTime(issuedAt + this.ttlSeconds)
      .sign(this.#secret);
  }

  /** True when the token is ours, intact and not expired at the simulator's clock. */
  async isValid(token: string): Promise<boolean> {
    try {
      await jwtVerify(token, this.#secret, {
        algorithms: ['HS256'],
        currentDate: new Date(this.now()),
        clockTolerance: 0,
      });
      return true;
    } catch {
      return false;
    }
  }
}
