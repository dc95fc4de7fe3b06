// 3. Auth calls: a simulated 30-minute run at 50 concurrent calls on a fake clock shared by the
// simulator (JWT expiry) and the JWT provider (refresh); the wall clock is not waited on.
import { createJwtProvider, createSpacesClient } from '../dist/index.js';
import { DEMO, startSimulator } from '../dist/simulator/index.js';
import { summary } from './lib/stats.mjs';

export async function auth({ smoke }) {
  const minutes = smoke ? 5 : 30;
  const stepMs = 60_000;
  const concurrency = 50;
  const jwtBound = Math.ceil((minutes * 60) / 240) + 1;
  const rounds = smoke ? 1 : 5;
  const calls = [];
  const unauthorized = [];
  for (let round = 0; round < rounds; round++) {
    let clock = Date.parse('2026-11-29T10:00:00Z') + round * 3_600_000;
    const now = () => clock;
    const simulator = await startSimulator({ now, jwtTtlSeconds: 300 });
    try {
      const jwt = createJwtProvider({ ...simulator.credentials, authUrl: simulator.authUrl, now });
      const client = createSpacesClient({
        endpoint: simulator.url,
        getToken: jwt.getToken,
        spaceGuid: DEMO.spaceId,
        rateLimit: false,
      });
      const start = clock;
      for (let elapsed = 0; elapsed <= minutes * 60_000; elapsed += stepMs) {
        clock = start + elapsed;
        // Distinct variables, so the client cannot merge the concurrent queries into one request.
        await Promise.allSettled(
          Array.from({ length: concurrency }, (_, i) =>
            client.getSpace(i === 0 ? DEMO.spaceId : `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`),
          ),
        );
      }
      calls.push(simulator.stats.auth);
      unauthorized.push(simulator.stats.unauthorized);
    } finally {
      await simulator.close();
    }
  }
  return {
    jwtCalls: summary(calls).median,
    jwtBound,
    unauthorized: Math.max(...unauthorized),
    minutes,
    concurrency,
    results: { jwtCalls: summary(calls) },
  };
}
