/** Reading bodies within bounds: a hostile or broken peer cannot make the SDK hold more. */

/** Thrown when a body is longer than allowed; reading stopped at the limit. */
export class BodyTooLargeError extends Error {
  override name = 'BodyTooLargeError';
  constructor(readonly limit: number) {
    super(`the body is longer than ${limit} bytes`);
  }
}

/**
 * The SDK's one capped reader (answers of both senders, the JWT endpoint's, the console's requests
 * and relayed answers): the chunks as UTF-8 text, cut off as soon as they pass `maxBytes` (the
 * source's iterator is returned, which cancels a web stream and destroys a Node stream), so an
 * endless body costs `maxBytes`, not the machine's memory. A declared length over the limit is
 * refused before reading.
 *
 * @example
 * ```ts
 * const text = await readCapped(request, 1024 * 1024, Number(request.headers['content-length']));
 * ```
 */
export async function readCapped(
  source: AsyncIterable<Uint8Array>,
  maxBytes: number,
  declaredLength?: number,
): Promise<string> {
  const iterator: AsyncIterator<Uint8Array> = source[Symbol.asyncIterator]();
  // Its own decoder: a character split between two chunks is decoded once both have come.
  const decoder = new TextDecoder();
  let text = '';
  let received = 0;
  try {
    if (declaredLength !== undefined && declaredLength > maxBytes) throw new BodyTooLargeError(maxBytes);
    for (;;) {
      const next: IteratorResult<Uint8Array> = await iterator.next();
      if (next.done) return text + decoder.decode();
      received += next.value.byteLength;
      if (received > maxBytes) throw new BodyTooLargeError(maxBytes);
      text += decoder.decode(next.value, { stream: true });
    }
  } catch (error) {
    await Promise.resolve(iterator.return?.()).catch(() => undefined);
    throw error;
  }
}

/** A web stream as chunks, in any runtime (not every browser iterates ReadableStreams). */
export async function* chunksOf(stream: ReadableStream<Uint8Array> | null): AsyncGenerator<Uint8Array> {
  if (!stream) return;
  const reader = stream.getReader();
  let done = false;
  try {
    for (;;) {
      const next = await reader.read();
      if (next.done) return void (done = true);
      yield next.value;
    }
  } finally {
    if (!done) await reader.cancel().catch(() => undefined);
  }
}

/**
 * Whether a parsed JSON value nests deeper than `maxDepth` objects and arrays. The walk goes no
 * deeper than `maxDepth` + 1 frames, so a hostile answer nested 100 000 deep cannot overflow the
 * stack here (or later, when it is shown); it allocates nothing, as it runs on every answer.
 */
export function nestsDeeperThan(value: unknown, maxDepth: number): boolean {
  if (typeof value !== 'object' || value === null) return false;
  if (maxDepth <= 0) return true;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) if (nestsDeeperThan(value[i], maxDepth - 1)) return true;
    return false;
  }
  const record = value as Record<string, unknown>;
  for (const key in record) if (nestsDeeperThan(record[key], maxDepth - 1)) return true;
  return false;
}
