import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from '@jest/globals';
import type { RunningConsole } from '../../src/console/server.js';

/** The built app (npm test builds before jest). */
export const assetsDir = join(fileURLToPath(new URL('../../', import.meta.url)), 'dist/console/assets');

export interface Reply {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/** A raw HTTP request (fetch cannot set Host), to the console at `base`. */
export function send(
  base: string,
  {
    method = 'GET',
    path = '/',
    headers = {},
    body,
  }: { method?: string; path?: string; headers?: Record<string, string>; body?: string },
): Promise<Reply> {
  const target = new URL(path, base);
  return new Promise((resolve, reject) => {
    const req = httpRequest(target, { method, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** Opens the console's token URL as a browser would; the cookie it sets, as a `cookie` header value. */
export async function signIn(running: RunningConsole): Promise<string> {
  const reply = await send(running.url, { path: running.url });
  expect(reply.status).toBe(303);
  const [cookie] = reply.headers['set-cookie'] ?? [];
  return cookie!.split(';')[0]!;
}

const QUERY = JSON.stringify({ query: 'query listSpaces { spaces { id name } }', operationName: 'listSpaces' });

/** POST /graphql with the console's cookie (when given). */
export const postGraphQL = (
  running: RunningConsole,
  cookie: string | undefined,
  headers: Record<string, string> = {},
  body = QUERY,
) =>
  send(running.origin, {
    method: 'POST',
    path: '/graphql',
    headers: { 'content-type': 'application/json', ...(cookie !== undefined && { cookie }), ...headers },
    body,
  });
