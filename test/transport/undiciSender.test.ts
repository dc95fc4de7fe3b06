import { describe, expect, it } from '@jest/globals';
import type { Dispatcher } from 'undici';
import { undiciSender } from '../../src/transport/http/undiciSender.js';
import type { HttpReply } from '../../src/transport/http/types.js';
import { createSpacesClient } from '../../src/index.js';
import { fakeJwt } from '../support/jwt.js';
import { useHostileServer } from '../support/hostileServer.js';

/** undici's handler API, as the sender's handler offers it to any Dispatcher. */
interface Handler {
  onConnect(abort: (reason?: Error) => void): void;
  onHeaders(status: number, rawHeaders: Buffer[], resume: () => void, statusText: string): boolean;
  onData(chunk: Buffer): boolean;
  onComplete(trailers: Buffer[]): void;
  onError(error: Error): void;
}

/** A Dispatcher the test drives by hand: what was dispatched, its handler, aborts and resumes. */
function scriptedDispatcher() {
  const seen = {
    options: undefined as Dispatcher.DispatchOptions | undefined,
    handler: undefined as unknown as Handler,
    aborts: [] as string[],
    resumes: 0,
  };
  const dispatcher = {
    dispatch(options: Dispatcher.DispatchOptions, handler: Handler) {
      seen.options = options;
      seen.handler = handler;
      return true;
    },
    close: () => Promise.resolve(),
  } as unknown as Dispatcher;
  const connect = () => seen.handler.onConnect((reason) => void seen.aborts.push(reason?.message ?? 'aborted'));
  const headers = (status: number, pairs: Record<string, string> = {}) =>
    seen.handler.onHeaders(
      status,
      Object.entries(pairs).flatMap(([name, value]) => [Buffer.from(name), Buffer.from(value)]),
      () => void seen.resumes++,
      'ignored',
    );
  return { dispatcher, seen, connect, headers };
}

const request = { url: 'http://127.0.0.1:9/graphql?x=1', method: 'POST', headers: { a: 'b' }, body: '{}' };

/** The undici sender's answer, which is its own body's chunks and reads a declared length at once. */
type UndiciReply = HttpReply & AsyncIterable<Uint8Array> & { whole(): Promise<string> };

async function drain(reply: HttpReply): Promise<string> {
  const parts: Buffer[] = [];
  for await (const chunk of reply as UndiciReply) parts.push(Buffer.from(chunk));
  return Buffer.concat(parts).toString('utf8');
}

describe('the undici sender: one handler per request through dispatch()', () => {
  it('dispatches to the URL’s origin and path with the method, headers and body', () => {
    const { dispatcher, seen } = scriptedDispatcher();
    undiciSender(dispatcher, false).send(request);
    expect(seen.options).toMatchObject({
      origin: 'http://127.0.0.1:9',
      path: '/graphql?x=1',
      method: 'POST',
      headers: { a: 'b' },
      body: '{}',
    });
  });

  it('skips informational answers, reads status, headers (in any case) and the length', async () => {
    const { dispatcher, connect, headers, seen } = scriptedDispatcher();
    const inFlight = undiciSender(dispatcher, false).send(request);
    connect();
    headers(103, { link: '</a>' });
    headers(429, { 'Retry-After': '7', 'content-length': '2' });
    seen.handler.onData(Buffer.from('{}'));
    seen.handler.onComplete([]);
    const reply = await inFlight.reply;
    expect(reply).toMatchObject({ status: 429, statusText: 'Too Many Requests', declaredLength: 2 });
    expect(reply.headers.get('retry-after')).toBe('7');
    expect(reply.headers.get('x-none')).toBeNull();
    await expect((reply as UndiciReply).whole()).resolves.toBe('{}');
  });

  it('reads a body in parts as one text, a character split between chunks included', async () => {
    const { dispatcher, connect, headers, seen } = scriptedDispatcher();
    const inFlight = undiciSender(dispatcher, false).send(request);
    connect();
    headers(200, { 'content-length': '6' });
    const reply = await inFlight.reply;
    const text = (reply as UndiciReply).whole();
    const bytes = Buffer.from('{"é"}');
    seen.handler.onData(bytes.subarray(0, 3));
    seen.handler.onData(bytes.subarray(3));
    seen.handler.onComplete([]);
    await expect(text).resolves.toBe('{"é"}');
  });

  it('pauses the connection while 64 KiB wait unread and resumes as the reader takes them', async () => {
    const { dispatcher, connect, headers, seen } = scriptedDispatcher();
    const inFlight = undiciSender(dispatcher, false).send(request);
    connect();
    headers(200);
    const chunk = Buffer.alloc(16 * 1024, 97);
    const accepted = Array.from({ length: 4 }, () => seen.handler.onData(chunk));
    expect(accepted).toEqual([true, true, true, false]);
    const reply = await inFlight.reply;
    const reading = drain(reply);
    await new Promise((resolve) => setImmediate(resolve));
    expect(seen.resumes).toBe(1);
    expect(seen.handler.onData(chunk)).toBe(true);
    seen.handler.onComplete([]);
    expect((await reading).length).toBe(5 * 16 * 1024);
  });

  it('cancels through undici’s abort, also when cancelled before the connection opened', () => {
    const { dispatcher, connect, seen } = scriptedDispatcher();
    const sender = undiciSender(dispatcher, false);
    const early = sender.send(request);
    early.reply.catch(() => undefined);
    early.cancel();
    expect(seen.aborts).toEqual([]);
    connect();
    expect(seen.aborts).toEqual(['the request was cancelled']);
    const late = sender.send(request);
    late.reply.catch(() => undefined);
    connect();
    late.cancel();
    late.cancel();
    expect(seen.aborts).toHaveLength(2);
  });

  it('fails the answer on an error before the headers, the body on one after them', async () => {
    const { dispatcher, connect, headers, seen } = scriptedDispatcher();
    const sender = undiciSender(dispatcher, false);
    const before = sender.send(request);
    connect();
    seen.handler.onError(new Error('socket hang up'));
    await expect(before.reply).rejects.toThrow('socket hang up');
    const after = sender.send(request);
    connect();
    headers(200);
    const reply = await after.reply;
    const reading = drain(reply);
    seen.handler.onError(new Error('other side closed'));
    await expect(reading).rejects.toThrow('other side closed');
    await expect((reply as UndiciReply).whole()).rejects.toThrow('other side closed');
  });

  it('aborts a body longer than its Content-Length, whatever the dispatcher', async () => {
    const { dispatcher, connect, headers, seen } = scriptedDispatcher();
    const inFlight = undiciSender(dispatcher, false).send(request);
    connect();
    headers(200, { 'content-length': '2' });
    expect(seen.handler.onData(Buffer.from('{}{}'))).toBe(false);
    expect(seen.aborts).toEqual(['the body is longer than its Content-Length']);
    await inFlight.reply;
  });

  it('a reader that stops early or a dropped body ends the request; a finished one is left alone', async () => {
    const { dispatcher, connect, headers, seen } = scriptedDispatcher();
    const sender = undiciSender(dispatcher, false);
    const stopped = sender.send(request);
    connect();
    headers(200);
    seen.handler.onData(Buffer.from('{'));
    const iterator = ((await stopped.reply) as UndiciReply)[Symbol.asyncIterator]();
    await iterator.next();
    await iterator.return!();
    expect(seen.aborts).toEqual(['the body was not wanted']);
    const finished = sender.send(request);
    connect();
    headers(302);
    seen.handler.onComplete([]);
    (await finished.reply).discard();
    expect(seen.aborts).toHaveLength(1);
  });

  it('a dispatcher that throws at once fails the answer, not the caller', async () => {
    const dispatcher = {
      dispatch() {
        throw new Error('invalid header');
      },
    } as unknown as Dispatcher;
    await expect(undiciSender(dispatcher, false).send(request).reply).rejects.toThrow('invalid header');
    await expect(undiciSender(dispatcher, false).send({ ...request, url: 'not a url' }).reply).rejects.toThrow();
  });
});

describe('the undici sender against a real server', () => {
  const server = useHostileServer();
  const client = () =>
    createSpacesClient({ endpoint: server.url, token: fakeJwt(4_000_000_000, 'u'), rateLimit: false });
  const spaces = Array.from({ length: 20_000 }, (_, i) => ({
    id: `id-${i}`,
    name: `Space ${i}`,
    description: null,
    createdDate: null,
    modifiedDate: null,
    url: null,
    accountGroup: null,
  }));

  it('reads a 1 MB answer sent in small chunks without a length (paused and resumed on the way)', async () => {
    server.answer = (_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      const text = JSON.stringify({ data: { spaces } });
      for (let at = 0; at < text.length; at += 4096) response.write(text.slice(at, at + 4096));
      response.end();
    };
    const sending = client();
    const listed = await sending.listSpaces();
    expect(listed).toHaveLength(spaces.length);
    expect(listed.at(-1)).toMatchObject({ id: 'id-19999', name: 'Space 19999' });
    await sending.close();
  });

  it('reads a 1 MB answer of declared length at once', async () => {
    server.answer = (_request, response) => {
      const text = JSON.stringify({ data: { spaces } });
      response.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
      response.end(text);
    };
    const sending = client();
    expect(await sending.listSpaces()).toHaveLength(spaces.length);
    await sending.close();
  });
});
