import { SpacesError } from '../errors/SpacesError.js';
import { TransportError } from '../errors/TransportError.js';
import type { SecretRedactor } from '../security/SecretRedactor.js';
import type { Outcome } from '../transport/classify.js';
import { snippetOf } from '../transport/diagnostics.js';
import type { TransportLogger } from '../transport/events.js';
import { exchange } from '../transport/exchange.js';
import type { HeaderReader, HttpSender } from '../transport/http/types.js';
import { userAgent } from '../transport/userAgent.js';

/** A JWT is a few hundred bytes; an answer longer than this is not one. */
const MAX_JWT_ANSWER_BYTES = 64 * 1024;
const JWT_SHAPE = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;

/** Where and how to ask for a JWT. */
export interface JwtEndpoint {
  url: string;
  basic: string;
  otp: string | undefined;
  /** The pipeline's sender: the client's (its dispatcher or fetch), or the provider's own. */
  sender: HttpSender;
  timeoutMs: number;
  redactor: SecretRedactor;
  logger: TransportLogger | undefined;
}

/** One answer of the JWT endpoint, read: the token when it is one. */
export interface JwtAnswer {
  status: number;
  headers: HeaderReader;
  token?: string;
  snippet: string;
}

/** GETs a JWT once through the pipeline, within the endpoint's timeout and `stop`; never throws. */
export async function requestJwt(
  endpoint: JwtEndpoint,
  attempt: number,
  stop: AbortSignal,
): Promise<Outcome<JwtAnswer>> {
  const { url, redactor, logger } = endpoint;
  const headers: Record<string, string> = {
    authorization: `Basic ${endpoint.basic}`,
    accept: 'text/plain, application/json',
    'user-agent': userAgent(),
  };
  if (endpoint.otp) headers['x-boomi-otp'] = endpoint.otp;
  try {
    const reply = await exchange(
      endpoint.sender,
      { url, method: 'GET', headers },
      { deadline: Date.now() + endpoint.timeoutMs, signal: stop },
      {
        maxBytes: MAX_JWT_ANSWER_BYTES,
        tooLargeMessage: `the answer is longer than ${MAX_JWT_ANSWER_BYTES} bytes, so not a JWT`,
        redact: (text) => redactor.redact(text),
        ...(logger && { log: (event) => logger({ ...event, operationName: 'jwt', attempt }) }),
      },
    );
    const snippet = redactor.redact(snippetOf(reply.text));
    const answer: JwtAnswer = { status: reply.status, headers: reply.headers, snippet };
    if (reply.status < 200 || reply.status >= 300) return { answer };
    const token = unquote(reply.text.trim());
    if (!JWT_SHAPE.test(token)) {
      const what = snippet ? `starts with "${snippet.slice(0, 40)}"` : 'empty body';
      const error = new TransportError({ kind: 'invalid-answer', final: true }, `the answer is not a JWT (${what})`, {
        status: reply.status,
        bodySnippet: snippet,
      });
      return { error };
    }
    return { answer: { ...answer, token } };
  } catch (error) {
    return { error };
  }
}

/** The token of the last attempt, or its failure as the provider's typed SpacesError. */
export function settleJwt(outcome: Outcome<JwtAnswer>): string {
  if ('answer' in outcome) {
    const { status, token, snippet } = outcome.answer;
    if (token !== undefined) return token;
    const message =
      status === 401 || status === 403
        ? `the credentials were refused (HTTP ${status})`
        : status === 429
          ? 'rate limited (HTTP 429)'
          : `HTTP ${status}`;
    throw fail(message, 'AUTH_ERROR', status, snippet);
  }
  const { error } = outcome;
  if (!(error instanceof TransportError)) throw error;
  const { kind } = error.failure;
  const code = kind === 'timeout' || kind === 'aborted' ? error.code : 'AUTH_ERROR';
  const message = kind === 'aborted' ? 'nobody waits for the token any more' : error.message;
  const redirect = kind === 'redirect' ? `${message}; credentials never follow one` : message;
  throw fail(redirect, code, error.details.status, error.details.bodySnippet);
}

function fail(message: string, code: string, status?: number, bodySnippet?: string): SpacesError {
  return new SpacesError(`JWT endpoint: ${message}`, { code, status, bodySnippet, operationName: 'jwt' });
}

function unquote(text: string): string {
  if (!text.startsWith('"')) return text;
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'string' ? value : text;
  } catch {
    return text;
  }
}
