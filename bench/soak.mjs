// 8. Memory over a long run: N getSpace calls at concurrency 16 against a loopback server in another
// process; heap used after a forced GC at the 10th percentile of the run and at its end. urql has an
// open report of growth with toPromise in loops; our methods no longer go through urql per call, and
// this shows the heap stays flat.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { createSpacesClient } from '../dist/index.js';
import { idSequence, startGetSpaceServer, TOKEN } from './lib/getSpaceCall.mjs';

setFlagsFromString('--expose_gc');
const gc = runInNewContext('gc');

function heapAfterGc() {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

export async function soak({ smoke }) {
  const calls = smoke ? 500 : 100_000;
  const checkpoint = calls / 10;
  const { url, server } = await startGetSpaceServer();
  try {
    const client = createSpacesClient({
      endpoint: url,
      token: TOKEN,
      rateLimit: false,
    });
    const nextId = idSequence();
    let done = 0;
    let atCheckpoint;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: 16 }, async () => {
        while (done < calls) {
          done += 1;
          const space = await client.getSpace(nextId());
          if (!space.id) throw new Error('no space');
          if (done === checkpoint) atCheckpoint = heapAfterGc();
        }
      }),
    );
    const atEnd = heapAfterGc();
    return {
      calls,
      seconds: (performance.now() - started) / 1000,
      heapAtCheckpointBytes: atCheckpoint,
      heapAtEndBytes: atEnd,
      soakHeapGrowthBytes: atEnd - atCheckpoint,
      target: { soakHeapGrowthBytes: 5 * 1024 * 1024 },
    };
  } finally {
    server.kill('SIGTERM');
  }
}
