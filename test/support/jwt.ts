/** An unsigned JWT-shaped token with the given expiry (epoch seconds), for mocks of the JWT endpoint. */
export function fakeJwt(expSeconds: number | undefined, subject = 'user'): string {
  const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const claims = expSeconds === undefined ? { sub: subject } : { sub: subject, exp: expSeconds };
  return `${encode({ alg: 'HS256', typ: 'JWT' })}.${encode(claims)}.c2lnbmF0dXJl`;
}
