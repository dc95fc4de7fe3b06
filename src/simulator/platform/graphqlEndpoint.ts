import type { Dialect } from '../../schema/dialects.js';
import {
  failureAnswer,
  RATE_LIMITED_MESSAGE,
  unauthorizedAnswer,
  type GraphQLRequestBody,
  type PlatformAnswer,
} from '../graphql/failureAnswers.js';
import { answerFromResult, createGraphQLOverHttp, type HttpAnswer } from '../graphql/graphqlOverHttp.js';
import { loadSchema } from '../graphql/loadSchema.js';
import { isMutationRequest, isPublicRequest } from '../graphql/publicFields.js';
import { PlatformError } from '../model/PlatformError.js';
import type { SpacesPlatform } from '../model/SpacesPlatform.js';
import type { FaultOutcome, FaultPlan } from './faults.js';
import { callerOf, type AuthRules, type PlatformAccount } from './platformAuth.js';
import type { PlatformOverride, PlatformReply, PlatformRequest, SimulatorStats } from './platformTypes.js';

/** What the GraphQL endpoint works with; all of it owned by the platform handler. */
export interface GraphQLEndpointParts {
  accounts: ReadonlyMap<string, PlatformAccount>;
  rules: AuthRules;
  faults: FaultPlan;
  stats: SimulatorStats;
  overrides: ReadonlyMap<string, PlatformOverride>;
  dialect: Dialect;
  onRequest?: (operationName: string) => void;
}

/**
 * The GraphQL endpoint, in the platform's order: count the call, find its account (the one auth
 * check), that account's rate limit, 401 unless authenticated or public, the next fault, then
 * execute against the schema (an override's result too) and drop the answer if the fault says so.
 */
export function createGraphQLEndpoint(
  parts: GraphQLEndpointParts,
): (request: PlatformRequest) => Promise<PlatformReply> {
  const { accounts, rules, faults, stats, overrides, dialect } = parts;
  // Built with the endpoint rather than on its first request, which a test's timer would measure.
  loadSchema(dialect);
  const executors = new WeakMap<SpacesPlatform, ReturnType<typeof createGraphQLOverHttp>>();
  const executorOf = (platform: SpacesPlatform) => {
    let executor = executors.get(platform);
    if (!executor) executors.set(platform, (executor = createGraphQLOverHttp(platform, dialect)));
    return executor;
  };
  const counted = (answer: HttpAnswer, account: PlatformAccount): HttpAnswer => {
    if (answer.status === 429) stats.rateLimited += 1;
    if (answer.status === 429) account.stats.rateLimited += 1;
    if (answer.status === 401) stats.unauthorized += 1;
    return answer;
  };
  // The shared plan's faults first (a queued one is for any account), then the account's own.
  const faultOf = (account: PlatformAccount, operation: string): FaultOutcome => {
    const shared = faults.outcome(operation);
    return shared.kind !== 'answer' || account.faults === faults ? shared : account.faults.outcome(operation);
  };

  return async (request) => {
    stats.graphql += 1;
    const body = parseBody(request.body);
    const operation = body.operationName ?? 'anonymous';
    stats.operations[operation] = (stats.operations[operation] ?? 0) + 1;
    parts.onRequest?.(operation);
    const { account, authenticated } = await callerOf(request.headers.get('authorization'), rules, accounts);
    account.stats.requests += 1;
    const admission = account.limiter?.admit();
    if (admission && !admission.admitted) {
      const { retryAfterSeconds } = admission;
      const refused = failed({ kind: 'fail', status: 429, message: RATE_LIMITED_MESSAGE, retryAfterSeconds }, body);
      return counted(refused, account);
    }
    // The public catalog needs no token; a request that selects anything else does.
    if (!authenticated && !isPublicRequest(body)) return counted(json(unauthorizedAnswer(body)), account);
    const fault = faultOf(account, operation);
    if (fault.kind === 'fail') return counted(failed(fault, body), account);
    const override = overrides.get(operation);
    const answer = override
      ? await answerOverride(request, body, override, dialect)
      : await executorOf(account.platform)(request);
    if (isMutationRequest(body)) countMutation(account, operation);
    return fault.kind === 'drop-after-execute' ? 'drop' : answer;
  };
}

function countMutation(account: PlatformAccount, operation: string): void {
  account.stats.mutations += 1;
  const byOperation = account.stats.mutationsByOperation;
  byOperation[operation] = (byOperation[operation] ?? 0) + 1;
}

/** An override's result run through the schema; a thrown {@link PlatformError} becomes its error. */
async function answerOverride(
  request: PlatformRequest,
  body: GraphQLRequestBody,
  override: PlatformOverride,
  dialect: Dialect,
): Promise<HttpAnswer> {
  try {
    const result = (await override(body.variables as never)) as Record<string, unknown>;
    return await answerFromResult(request, result, dialect);
  } catch (error) {
    if (!(error instanceof PlatformError)) throw error;
    return json(failureAnswer(200, error.message, error.code, body));
  }
}

/** The answer of a failure fault or a refused admission, with its Retry-After (429 and 5xx only). */
function failed(fault: Extract<FaultOutcome, { kind: 'fail' }>, body: GraphQLRequestBody): HttpAnswer {
  const { status, message, code, retryAfterSeconds } = fault;
  const retryAfter = retryAfterSeconds !== undefined && (status === 429 || status >= 500);
  return json(
    failureAnswer(status, message, code, body),
    retryAfter ? { 'retry-after': String(retryAfterSeconds) } : {},
  );
}

function json(answer: PlatformAnswer, headers: Record<string, string> = {}): HttpAnswer {
  return {
    status: answer.status,
    headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
    body: JSON.stringify(answer.body),
  };
}

/** The parts of a GraphQL request body the endpoint itself reads (the operation, the variables). */
function parseBody(text: string): GraphQLRequestBody {
  try {
    const parsed = JSON.parse(text) as Partial<GraphQLRequestBody>;
    return {
      query: typeof parsed.query === 'string' ? parsed.query : '',
      variables: parsed.variables ?? null,
      operationName: typeof parsed.operationName === 'string' ? parsed.operationName : null,
    };
  } catch {
    return { query: '' };
  }
}
