import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll } from '@jest/globals';

/** What the hostile server does with one GraphQL request (its parsed body). */
type HostileAnswer = (
  request: { operationName: string; body: Record<string, unknown>; headers: IncomingMessage['headers'] },
  response: ServerResponse,
) => void;

export interface HostileServer {
  url: string;
  /** GraphQL requests received. */
  requests: number;
  /** Body bytes written to all answers. */
  bytesWritten: number;
  answer: HostileAnswer;
}

/**
 * A real HTTP server on 127.0.0.1 that answers whatever a test tells it to: endless bodies, deep
 * JSON, escape sequences, echoed credentials. Real sockets, so the CLI in another process and the
 * SDK's stream reading meet it as they would meet a broken or malicious platform.
 */
export function useHostileServer(): HostileServer {
  const state: HostileServer = {
    url: '',
    requests: 0,
    bytesWritten: 0,
    answer: (_request, response) => response.end(),
  };
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      state.requests += 1;
      let body: Record<string, unknown> = {};
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
      } catch {
        // not JSON: the answer function sees an empty body
      }
      const write = response.write.bind(response);
      response.write = ((chunk: string | Buffer, ...rest: unknown[]) => {
        state.bytesWritten += Buffer.byteLength(chunk);
        return (write as (...args: unknown[]) => boolean)(chunk, ...rest);
      }) as typeof response.write;
      state.answer(
        {
          operationName: typeof body.operationName === 'string' ? body.operationName : '',
          body,
          headers: request.headers,
        },
        response,
      );
    });
  });
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  });
  afterEach(() => {
    state.requests = 0;
    state.bytesWritten = 0;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });
  return state;
}

/** Sends a JSON answer. */
export function json(response: ServerResponse, status: number, document: unknown): void {
  const text = typeof document === 'string' ? document : JSON.stringify(document);
  response.writeHead(status, { 'content-type': 'application/json' });
  response.write(text);
  response.end();
}

/** A JSON text of arrays nested `depth` deep around `inner`. */
export const deeplyNested = (depth: number, inner = '1') => `${'['.repeat(depth)}${inner}${']'.repeat(depth)}`;
