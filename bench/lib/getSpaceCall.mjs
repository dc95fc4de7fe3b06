// What the getSpace benchmarks share: the bench's token and query, the loopback server in its own
// process, ids that never repeat (so no client can merge concurrent identical queries) and the raw
// undici.request call the SDK is compared with.
import { fork } from 'node:child_process';
import { once } from 'node:events';
import { print } from 'graphql';
import { request } from 'undici';
import { GetSpaceDocument } from '../../dist/index.js';

export const TOKEN = 'bench-jwt.eyJzdWIiOiJiZW5jaCJ9.c2ln';
export const QUERY = print(GetSpaceDocument);
export const headers = {
  authorization: `Bearer ${TOKEN}`,
  accept: 'application/json',
  'content-type': 'application/json',
};

/** Starts bench/fixtures/getSpaceServer.mjs in another process; its URL and the process to kill. */
export async function startGetSpaceServer() {
  const server = fork(new URL('../fixtures/getSpaceServer.mjs', import.meta.url), {
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
  });
  const [line] = await once(server.stdout, 'data');
  return { url: String(line).trim(), server };
}

/** A new Space id on every call. */
export function idSequence() {
  let n = 0;
  return () => `2da77d1f-bbd4-4066-9d0e-${String(++n).padStart(12, '0')}`;
}

/**
 * What a hand-written caller writes: one getSpace by undici's request() on `dispatcher`, read by
 * body.json(). The SDK sends through undici's lower-level dispatch().
 */
export function rawUndiciGetSpace(url, dispatcher, nextId) {
  return async () => {
    const { body } = await request(url, {
      method: 'POST',
      headers,
      dispatcher,
      body: JSON.stringify({ query: QUERY, variables: { id: nextId() }, operationName: 'getSpace' }),
    });
    const data = await body.json();
    if (!data.data?.space) throw new Error('no space');
  };
}
