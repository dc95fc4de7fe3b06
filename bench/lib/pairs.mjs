// Measurements that hold on a shared, loaded machine: paired rounds and the client's own CPU time.
import { summary } from './stats.mjs';

/**
 * The ratio a ÷ b as the median of per-pair ratios: rounds of `a` and `b` back to back, the order
 * alternating (A B, B A, A B, …), so a load that comes and goes hits both sides of a pair alike.
 * `measure(side)` resolves to one number per round (ops/s, µs, …). `warmup` pairs are discarded.
 */
export async function pairedRatio([a, b], { pairs, warmup }, measure) {
  const ratios = [];
  const values = { [a]: [], [b]: [] };
  for (let pair = 0; pair < warmup + pairs; pair++) {
    const order = pair % 2 === 0 ? [a, b] : [b, a];
    const got = {};
    for (const side of order) got[side] = await measure(side);
    if (pair < warmup) continue;
    values[a].push(got[a]);
    values[b].push(got[b]);
    ratios.push(got[a] / got[b]);
  }
  return { ratio: summary(ratios), [a]: summary(values[a]), [b]: summary(values[b]) };
}

/**
 * The client's CPU time per call in µs (user + system of this process, over `calls` calls run
 * `concurrency` at a time). The server must run in another process: then the figure is the client's
 * work alone, which a loaded machine slows in wall-clock time far more than in CPU time.
 */
export async function cpuPerCall(call, { calls, concurrency }) {
  let left = calls;
  const before = process.cpuUsage();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (left > 0) {
        left -= 1;
        await call();
      }
    }),
  );
  const used = process.cpuUsage(before);
  return (used.user + used.system) / calls;
}

/** Calls per second over `durationMs`, `concurrency` at a time. */
export async function opsPerSecond(call, { durationMs, concurrency }) {
  let ops = 0;
  const started = performance.now();
  const deadline = started + durationMs;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < deadline) {
        await call();
        ops += 1;
      }
    }),
  );
  return ops / ((performance.now() - started) / 1000);
}
