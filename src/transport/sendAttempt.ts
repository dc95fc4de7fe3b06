import { TransportError } from '../errors/TransportError.js';
import type { SecretRedactor } from '../security/SecretRedactor.js';
import { snippetOf } from './diagnostics.js';
import type { TransportLogger } from './events.js';
import { exchange, type ExchangeOptions } from './exchange.js';
import type { HeaderReader, HttpSender } from './http/types.js';
import { nestsDeeperThan } from '../bounded/readBody.js';
import type { RequestMeta } from './requestMeta.js';

/** One HTTP answer that holds a GraphQL response (whatever its status). */
export interface Answer {
  status: number;
  statusText: string;
  headers: HeaderReader;
  text: string;
  payload: { data?: unknown; errors?: Array<{ message?: unknown; extensions?: unknown }> };
}

/** One GraphQL POST as sent: the URL, the JSON body and every header (the credential included). */
export interface GraphQLRequest {
  url: string;
  body: string;
  headers: Record<string, string>;
}

interface ReadingLimits {
  redactor: SecretRedactor;
  /** Longest answer body read, in bytes. */
  maxResponseBytes: number;
}

export interface AttemptContext extends ReadingLimits {
  /** fetch or undici, chosen once by the client (`http/chooseSender.ts`). */
  sender: HttpSender;
  /** Bounds one attempt (the client's `attemptTimeoutMs`). */
  attemptTimeoutMs: number;
  /** Deepest nesting of objects and arrays accepted in an answer. */
  maxResponseDepth: number;
  logger?: TransportLogger;
  /** {@link answerReading} of the same limits. */
  reading: ExchangeOptions;
}

/**
 * One GraphQL attempt through the pipeline (`exchange`), within the attempt's timeout and the call's
 * deadline; `headers` (the request's, with this attempt's credential) replace the request's.
 * Everything that is not a GraphQL response becomes a typed TransportError.
 */
export async function sendAttempt(
  request: GraphQLRequest,
  meta: RequestMeta,
  attempt: number,
  context: AttemptContext,
  headers: Record<string, string>,
): Promise<Answer> {
  const { maxResponseDepth, logger, reading } = context;
  const reply = await exchange(
    context.sender,
    { url: request.url, method: 'POST', headers, body: request.body },
    {
      deadline: Math.min(Date.now() + context.attemptTimeoutMs, meta.deadline ?? Infinity),
      signal: meta.signal,
    },
    logger ? { ...reading, log: (event) => logger({ ...event, operationName: meta.operationName, attempt }) } : reading,
  );
  const { status, statusText, text } = reply;
  const parsed = parseJson(text);
  if (parsed !== undefined && mayNestDeeperThan(text, maxResponseDepth) && nestsDeeperThan(parsed, maxResponseDepth)) {
    throw new TransportError(
      { kind: 'invalid-answer', final: true },
      `HTTP ${status}: the answer nests deeper than maxResponseDepth (${maxResponseDepth})`,
      { status },
    );
  }
  const payload = asGraphQLBody(parsed);
  // A 429 is a refusal whatever its body says: the retry loop reads its Retry-After.
  if (!payload && status !== 429) {
    const snippet = context.redactor.redact(snippetOf(text));
    // A 4xx that is not GraphQL (a proxy's 413 or 400) refused the request: sending it again fails again.
    throw new TransportError(
      status >= 400 && status < 500 ? { kind: 'refused' } : { kind: 'invalid-answer', final: false },
      `HTTP ${status}: the answer is not a GraphQL response (${snippet ? `starts with "${snippet}"` : 'empty body'})`,
      { status, bodySnippet: snippet },
    );
  }
  return { status, statusText, headers: reply.headers, text, payload: payload ?? {} };
}

/** How a client's attempts read answers: the same for every attempt, so built once per client. */
export function answerReading({ maxResponseBytes, redactor }: ReadingLimits): ExchangeOptions {
  return {
    maxBytes: maxResponseBytes,
    tooLargeMessage:
      `the answer is longer than maxResponseBytes (${maxResponseBytes} bytes); reading stopped there. ` +
      'A large account can raise it (the CLI: --max-response-mb)',
    redact: (text) => redactor.redact(text),
  };
}

/**
 * False when the text cannot nest deeper than `maxDepth`: it holds no more than `maxDepth` of `{`
 * and `[` in all (inside strings too, which only overcounts). Most answers are settled by a few
 * native `indexOf` calls, so only the large or suspicious ones pay for the walk of the parsed value.
 */
export function mayNestDeeperThan(text: string, maxDepth: number): boolean {
  let openings = 0;
  for (const bracket of BRACKETS) {
    for (let at = text.indexOf(bracket); at !== -1; at = text.indexOf(bracket, at + 1))
      if (++openings > maxDepth) return true;
  }
  return false;
}

const BRACKETS = ['{', '['] as const;

/** The parsed answer, or undefined when it is empty or not JSON (JSON.parse refuses a blank text too). */
function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function asGraphQLBody(parsed: unknown): Answer['payload'] | undefined {
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return undefined;
  const body = parsed as Answer['payload'];
  const hasData = 'data' in body && (body.data === null || typeof body.data === 'object');
  return hasData || Array.isArray(body.errors) ? body : undefined;
}
