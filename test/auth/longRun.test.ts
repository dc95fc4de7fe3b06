import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createJwtProvider, createSpacesClient } from '../../src/index.js';
import { DEMO } from '../../src/simulator/model/seed.js';
import { startSimulator, type RunningSimulator } from '../../src/simulator/server/startSimulator.js';

// One clock for the simulator (JWT expiry) and the provider (refresh): the run is simulated, not waited.
let clock = Date.parse('2026-11-29T10:00:00Z');
const now = () => clock;
let simulator: RunningSimulator;
beforeAll(async () => {
  simulator = await startSimulator({ now, jwtTtlSeconds: 300 });
});
afterAll(() => simulator.close());

describe('a long job keeps a valid JWT', () => {
  it('30 simulated minutes at 50 concurrent calls: auth calls ≤ ⌈1800/240⌉ + 1, no 401 round trip', async () => {
    const jwt = createJwtProvider({ ...simulator.credentials, authUrl: simulator.authUrl, now });
    // 50 concurrent calls on a fake clock: pacing (real time) is not the subject here.
    const client = createSpacesClient({
      endpoint: simulator.url,
      getToken: jwt.getToken,
      spaceGuid: DEMO.spaceId,
      rateLimit: false,
    });
    const start = clock;
    let calls = 0;
    for (let elapsed = 0; elapsed <= 30 * 60_000; elapsed += 60_000) {
      clock = start + elapsed;
      // Distinct variables, so urql does not merge the concurrent queries into one request.
      const results = await Promise.allSettled(
        Array.from({ length: 50 }, (_, i) =>
          client.getSpace(i === 0 ? DEMO.spaceId : `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`),
        ),
      );
      calls += results.length;
      expect(
        results
          .filter((r) => r.status === 'rejected')
          .every((r) => (r.reason as { code: string }).code === 'SPACE_NOT_FOUND'),
      ).toBe(true);
    }
    expect(calls).toBe(31 * 50);
    expect(simulator.stats.unauthorized).toBe(0);
    expect(simulator.stats.auth).toBeLessThanOrEqual(Math.ceil(1800 / 240) + 1);
    expect(simulator.stats.auth).toBeGreaterThanOrEqual(7);
  });
});
