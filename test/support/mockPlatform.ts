import { graphql, HttpResponse } from 'msw';
import { DEFAULT_ENDPOINT } from '../../src/client/options.js';
import { createDemoState } from '../../src/simulator/model/seed.js';
import type { SimState } from '../../src/simulator/model/state.js';
import { SpacesPlatform } from '../../src/simulator/model/SpacesPlatform.js';
import {
  executeRequest,
  failureAnswer,
  unauthorizedAnswer,
  type GraphQLRequestBody,
  type PlatformAnswer,
} from '../../src/simulator/graphql/executeRequest.js';

export const TEST_TOKEN = 'test-jwt-eyJhbGciOiJIUzI1NiJ9.c2VjcmV0.s1gn4tur3';

interface MockOptions {
  endpoint?: string;
  token?: string;
  state?: SimState;
}

interface Fault {
  status: number;
  message: string;
  code?: string;
}

/**
 * msw handlers that act as the platform: every answer is produced by executing the request against
 * the schema snapshot over the simulator's platform model.
 */
export function createMockPlatform({ endpoint = DEFAULT_ENDPOINT, token = TEST_TOKEN, state }: MockOptions = {}) {
  const platform = new SpacesPlatform(state ?? createDemoState());
  const faults: Fault[] = [];
  const operations: string[] = [];

  const handler = graphql.link(endpoint).operation(async ({ query, variables, operationName, request }) => {
    const body: GraphQLRequestBody = { query, variables, operationName };
    operations.push(operationName ?? 'anonymous');
    let answer: PlatformAnswer;
    if (request.headers.get('authorization') !== `Bearer ${token}`) {
      answer = unauthorizedAnswer(body);
    } else if (faults.length > 0) {
      const fault = faults.shift()!;
      answer = failureAnswer(fault.status, fault.message, fault.code, body);
    } else {
      answer = await executeRequest(platform, body, request.headers.get('space_guid'));
    }
    return HttpResponse.json(JSON.parse(JSON.stringify(answer.body)), { status: answer.status });
  });

  return {
    handlers: [handler],
    platform,
    /** Operation names in the order they reached the mock. */
    operations,
    /** The next call answers with this status and error instead of executing. */
    failNext(fault: Fault) {
      faults.push(fault);
    },
  };
}
