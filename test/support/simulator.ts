import { afterAll, beforeAll, beforeEach } from '@jest/globals';
import { createDemoState, DEMO } from '../../src/simulator/model/seed.js';
import {
  startSimulator,
  type RunningSimulator,
  type SimulatorOptions,
} from '../../src/simulator/server/startSimulator.js';
import type { SpacesClient } from '../../src/index.js';
import { cleanEnv } from './cli.js';
import { simulatorClient } from './simulatorClient.js';

/**
 * A simulator for one test file: started before the tests, closed after, and back to the demo data
 * with no fault and fresh counts before each test. Returns a getter (the simulator starts later).
 */
export function useSimulator(options: SimulatorOptions = {}): () => RunningSimulator {
  let simulator: RunningSimulator | undefined;
  beforeAll(async () => {
    simulator = await startSimulator(options);
  });
  afterAll(() => simulator?.close());
  beforeEach(() => {
    simulator!.platform.state = createDemoState();
    simulator!.faults.set({ unavailableRate: 0, dropAfterExecuteRate: 0, rateLimitedRate: 0, retryAfterSeconds: 1 });
    simulator!.faults.clearQueued();
    simulator!.stats.operations = {};
  });
  return () => simulator!;
}

/**
 * A simulator's clock (its `now` option) that runs `speed` times as fast as the wall clock from the
 * moment it is made: a run's phases (RUN_PHASES_MS) are over before the client's first look at it,
 * so a test of a run waits on the client's polling only. JWTs expire as much sooner.
 */
export function fastClock(speed: number): () => number {
  const start = Date.now();
  return () => start + (Date.now() - start) * speed;
}

/** The CLI's environment for the simulator's demo user (no BOOMI_* of the machine leaks in). */
export function demoEnv(simulator: RunningSimulator, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return cleanEnv({
    BOOMI_ENDPOINT: simulator.url,
    BOOMI_AUTH_URL: simulator.authUrl,
    BOOMI_ACCOUNT_ID: DEMO.accountId,
    BOOMI_USERNAME: DEMO.username,
    BOOMI_API_TOKEN: DEMO.apiToken,
    // Client-side pacing is tested in test/retry/pacer.test.ts; here it would only slow the CLI down.
    BOOMI_PACE: '0',
    ...extra,
  });
}

/** {@link useSimulator} with an SDK client of its demo user; both are set once the simulator runs. */
export function useSimulatorClient(options: SimulatorOptions = {}): {
  simulator: RunningSimulator;
  client: SpacesClient;
} {
  const current = useSimulator(options);
  const fixture = {} as { simulator: RunningSimulator; client: SpacesClient };
  beforeAll(() => {
    fixture.simulator = current();
    fixture.client = simulatorClient(fixture.simulator);
  });
  return fixture;
}
