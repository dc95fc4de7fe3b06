// Node only: loaded on the client's first request in Node (see chooseSender.ts), never by a bundler
// following imports, so browser bundles stay free of undici.
import { STATUS_CODES } from 'node:http';
import { Agent, request, type Dispatcher } from 'undici';
import { BodyTooLargeError } from '../readBody.js';
import type { HttpReply, HttpSender } from './types.js';

/** Options of the client's own Agent. */
export interface AgentOptions {
  /** Connections per origin at most. */
  connections: number;
}

/** A keep-alive Agent for one client: connections are reused across its calls until `close()`. */
export function createAgent({ connections }: AgentOptions): Dispatcher {
  return new Agent({ connections, keepAliveTimeout: 10_000, keepAliveMaxTimeout: 60_000 });
}

/**
 * Sends with undici's `request()`, several times faster than `fetch` in Node (no WHATWG streams, no
 * Response object). Redirects are not followed (undici's request does not), bodies are read within
 * their bound, and the attempt's signal aborts the request and its body. undici's idle timeouts
 * stay at their defaults: the transport's own per-attempt deadline is what ends an attempt.
 */
export function undiciSender(dispatcher: Dispatcher, owned: boolean): HttpSender {
  return {
    async send(url, { method, headers, body, signal }) {
      const response = await request(url, {
        method: method,
        headers,
        body: body ?? null,
        signal,
        dispatcher,
      });
      return replyOf(response);
    },
    close: () => (owned ? dispatcher.close() : Promise.resolve()),
  };
}

function replyOf(response: Dispatcher.ResponseData): HttpReply {
  const { statusCode, headers, body } = response;
  return {
    status: statusCode,
    statusText: (response as { statusText?: string }).statusText ?? STATUS_CODES[statusCode] ?? '',
    headers: {
      get(name) {
        const value = headers[name.toLowerCase()];
        return value === undefined ? null : Array.isArray(value) ? value.join(', ') : value;
      },
    },
    redirected: false,
    readText: (maxBytes) => readBoundedStream(body, headers['content-length'], maxBytes),
  };
}

/** The body within `maxBytes`; the stream is destroyed (the connection freed) when it passes them. */
async function readBoundedStream(
  body: Dispatcher.ResponseData['body'],
  contentLength: string | string[] | undefined,
  maxBytes: number,
): Promise<string> {
  const declared = Number(contentLength);
  if (Number.isFinite(declared) && declared > maxBytes) {
    body.destroy();
    throw new BodyTooLargeError(maxBytes);
  }
  const chunks: Buffer[] = [];
  let received = 0;
  for await (const chunk of body as AsyncIterable<Buffer>) {
    received += chunk.length;
    if (received > maxBytes) {
      body.destroy();
      throw new BodyTooLargeError(maxBytes);
    }
    chunks.push(chunk);
  }
  return chunks.length === 1 ? chunks[0]!.toString('utf8') : Buffer.concat(chunks).toString('utf8');
}
