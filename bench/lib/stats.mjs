// Statistics and round scheduling shared by the benchmarks.
import os from 'node:os';

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Spread as min–max and the relative half-range around the median. */
function spread(values) {
  const min = Math.min(...values);
  const max = Math.max(...values);
  const m = median(values);
  return { min, max, relative: m === 0 ? 0 : (max - min) / 2 / m };
}

export function summary(values) {
  return { median: median(values), ...spread(values), rounds: values.length };
}

/**
 * Runs the contenders interleaved (A B C, A B C, …): `warmup` rounds discarded, then `rounds`
 * measured. `measure(contender)` resolves to one number per round.
 */
export async function interleave(contenders, { rounds, warmup }, measure) {
  const samples = Object.fromEntries(contenders.map((c) => [c, []]));
  for (let round = 0; round < warmup + rounds; round++) {
    // Rotate the starting contender so none always runs first.
    const order = contenders.map((_, i) => contenders[(i + round) % contenders.length]);
    for (const contender of order) {
      const value = await measure(contender);
      if (round >= warmup) samples[contender].push(value);
    }
  }
  return Object.fromEntries(Object.entries(samples).map(([c, values]) => [c, summary(values)]));
}

export function machine() {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model ?? 'unknown',
    cores: cpus.length,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${os.release()}`,
    node: process.version,
  };
}

export const fmt = (n, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : String(n));
