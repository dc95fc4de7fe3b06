// 11. The testing kit's first request (issue 22): each round is a fresh Node process (the costs are
// per process, as jest's are per test file), forked in turn as a test file starts (msw's own first
// fetch included) and after a plain msw fetch has gone first (the kit's part alone). Wall and CPU ms.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { interleave, summary } from './lib/stats.mjs';

const CHILD = fileURLToPath(new URL('fixtures/kitFirstRequest.mjs', import.meta.url));

export async function kitFirstRequest({ smoke }) {
  const plan = smoke ? { rounds: 1, warmup: 0 } : { rounds: 15, warmup: 1 };
  const runs = { cold: [], mswWarm: [] };
  await interleave(Object.keys(runs), plan, async (mode) => {
    const { stdout } = await promisify(execFile)(process.execPath, [CHILD, mode]);
    runs[mode].push(JSON.parse(stdout));
    return 0;
  });
  const measured = (mode, step) => {
    const kept = runs[mode].slice(plan.warmup).map((times) => times[step]);
    return { wall: summary(kept.map((t) => t.ms)), cpu: summary(kept.map((t) => t.cpuMs)) };
  };
  return {
    results: {
      createSpacesMock: measured('cold', 'createSpacesMock'),
      'first request': measured('cold', 'firstRequest'),
      'second request': measured('cold', 'secondRequest'),
      'msw first fetch (plain)': measured('mswWarm', 'mswFirstFetch'),
      'kit first request after it': measured('mswWarm', 'firstRequest'),
    },
  };
}
