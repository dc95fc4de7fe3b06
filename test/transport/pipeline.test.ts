import { describe, expect, it } from '@jest/globals';
import { TransportError } from '../../src/errors/TransportError.js';
import { exchange } from '../../src/transport/exchange.js';
import { mayNestDeeperThan } from '../../src/transport/sendAttempt.js';
import type { HttpReply, HttpSender } from '../../src/transport/http/types.js';
import { BodyTooLargeError, readCapped } from '../../src/bounded/readBody.js';

/** Chunks of `size` bytes, `count` of them, telling whether the reader gave up early. */
function chunks(count: number, size: number) {
  const seen = { read: 0, returned: false };
  const source: AsyncIterable<Uint8Array> = {
    [Symbol.asyncIterator]: () => ({
      next: () =>
        Promise.resolve(
          seen.read < count
            ? { done: false, value: new Uint8Array(size).fill(97 + seen.read++) }
            : { done: true, value: undefined },
        ),
      return: () => ((seen.returned = true), Promise.resolve({ done: true, value: undefined })),
    }),
  };
  return { source, seen };
}

/** A sender whose every request gets `reply` (or never an answer), counting sends and cancels. */
function fakeSender(reply?: Partial<HttpReply>) {
  const counts = { sent: 0, cancelled: 0 };
  const sender: HttpSender = {
    send() {
      counts.sent += 1;
      const answer: HttpReply = {
        status: 200,
        statusText: 'OK',
        headers: new Headers(),
        redirected: false,
        read: (maxBytes) => readCapped(chunks(1, 2).source, maxBytes),
        discard: () => undefined,
        ...reply,
      };
      return {
        reply: reply ? Promise.resolve(answer) : new Promise<HttpReply>(() => undefined),
        cancel: () => void counts.cancelled++,
      };
    },
    close: () => Promise.resolve(),
  };
  return { sender, counts };
}

const request = { url: 'https://platform.example.test/graphql', method: 'POST', headers: {} };
const options = { maxBytes: 100, tooLargeMessage: 'over 100 bytes', redact: (text: string) => text };
const failureOf = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (error: unknown) =>
      error instanceof TransportError ? { ...error.failure, code: error.code, ...error.details } : error,
  );

describe('the one capped reader', () => {
  it('reads every chunk within the limit as text', async () => {
    await expect(readCapped(chunks(3, 2).source, 6)).resolves.toBe('aabbcc');
  });

  it('decodes a character split between two chunks once, and an empty body as empty text', async () => {
    const bytes = new TextEncoder().encode('{"é€"}');
    async function* inParts(...parts: Uint8Array[]): AsyncGenerator<Uint8Array> {
      for (const part of parts) yield await Promise.resolve(part);
    }
    const split = inParts(bytes.subarray(0, 3), bytes.subarray(3, 6), bytes.subarray(6));
    await expect(readCapped(split, 100)).resolves.toBe('{"é€"}');
    await expect(readCapped(chunks(0, 1).source, 100)).resolves.toBe('');
  });

  it('stops at the first chunk past the limit and lets the source go', async () => {
    const { source, seen } = chunks(10, 4);
    await expect(readCapped(source, 10)).rejects.toBeInstanceOf(BodyTooLargeError);
    expect(seen).toEqual({ read: 3, returned: true });
  });

  it('refuses a declared length over the limit without reading', async () => {
    const { source, seen } = chunks(1, 1);
    await expect(readCapped(source, 10, 11)).rejects.toMatchObject({ limit: 10 });
    expect(seen).toEqual({ read: 0, returned: true });
  });
});

describe('the one exchange: typed failures', () => {
  it('refuses a redirect, with its status, and drops its body', async () => {
    let discarded = false;
    const { sender } = fakeSender({ status: 302, discard: () => void (discarded = true) });
    const failure = await failureOf(exchange(sender, request, { deadline: Date.now() + 60_000 }, options));
    expect(failure).toMatchObject({ kind: 'redirect', code: 'REDIRECT_REFUSED', status: 302, execution: 'no' });
    expect(discarded).toBe(true);
  });

  it('cancels the request at the deadline: TIMEOUT, which may have run', async () => {
    const { sender, counts } = fakeSender();
    const failure = await failureOf(exchange(sender, request, { deadline: Date.now() }, options));
    expect(failure).toMatchObject({ kind: 'timeout', sent: true, execution: 'maybe' });
    expect(counts).toEqual({ sent: 1, cancelled: 1 });
  });

  it('cancels the request when the caller aborts', async () => {
    const { sender, counts } = fakeSender();
    const controller = new AbortController();
    const pending = failureOf(
      exchange(sender, request, { deadline: Date.now() + 60_000, signal: controller.signal }, options),
    );
    controller.abort();
    expect(await pending).toMatchObject({ kind: 'aborted', code: 'ABORTED', execution: 'maybe' });
    expect(counts.cancelled).toBe(1);
  });

  it('sends nothing for a call aborted before it', async () => {
    const { sender, counts } = fakeSender();
    const failure = await failureOf(
      exchange(sender, request, { deadline: Date.now() + 60_000, signal: AbortSignal.abort() }, options),
    );
    expect(failure).toMatchObject({ kind: 'aborted', sent: false, execution: 'no' });
    expect(counts.sent).toBe(0);
  });

  it('an answer over the cap is RESPONSE_TOO_LARGE', async () => {
    const { sender } = fakeSender({ read: (maxBytes) => readCapped(chunks(5, 40).source, maxBytes) });
    const failure = await failureOf(exchange(sender, request, { deadline: Date.now() + 60_000 }, options));
    expect(failure).toMatchObject({ kind: 'too-large', code: 'RESPONSE_TOO_LARGE' });
  });
});

describe('the depth check’s first look at the text', () => {
  it('clears a text with no more brackets than the depth allows, and only such a text', () => {
    expect(mayNestDeeperThan('{"data":{"a":[1,{"b":2}]}}', 4)).toBe(false);
    expect(mayNestDeeperThan('{"data":{"a":[1,{"b":2}]}}', 3)).toBe(true);
    // Brackets inside strings count too: the walk of the parsed value then decides.
    expect(mayNestDeeperThan('{"a":"[[[[{{{{"}', 4)).toBe(true);
    expect(mayNestDeeperThan('', 0)).toBe(false);
  });
});
