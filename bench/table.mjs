// 7. Tables that scale: the CLI's table output for 10 000, 50 000 and 100 000 rows of a listing
// (5 columns), written to a sink. Linear means the time per row stays flat as the rows grow.
import { Writable } from 'node:stream';
import { Output } from '../dist/cli/output.js';
import { interleave } from './lib/stats.mjs';

const sink = () =>
  new Writable({
    write(_chunk, _encoding, callback) {
      callback();
    },
  });

const rowsOf = (n) =>
  Array.from({ length: n }, (_, i) => [
    `SW50ZWdyYXRpb25QYWNrSW5zdGFuY2U${i}`,
    'Invoice Sync',
    'MULTI',
    `tenant-${i} Zürich`,
    '5b8e0a52-1f3c-4c2e-9a61-2f7d9c4e3b20',
  ]);

export async function tables({ smoke }) {
  const sizes = smoke ? [1000, 2000] : [10_000, 50_000, 100_000];
  const data = Object.fromEntries(sizes.map((n) => [n, rowsOf(n)]));
  const results = await interleave(
    sizes.map(String),
    smoke ? { rounds: 1, warmup: 0 } : { rounds: 5, warmup: 1 },
    async (name) => {
      const output = new Output(false, sink(), sink());
      const started = performance.now();
      await output.table(['INSTANCE ID', 'PACK', 'INSTALL TYPE', 'OVERRIDE NAME', 'PACK ID'], data[name]);
      return performance.now() - started;
    },
  );
  const perRow = (n) => results[String(n)].median / n;
  const largest = sizes[sizes.length - 1];
  return {
    results,
    msFor100k: smoke ? null : results['100000'].median,
    // Time per row at the largest size over time per row at the smallest: 1 is linear.
    linearity: perRow(largest) / perRow(sizes[0]),
    target: { msFor100k: 5000, linearity: 1.5 },
  };
}
