// The client's CPU per getSpace call, SDK against raw undici.request, paired rounds; for profiling:
//   node --cpu-prof --cpu-prof-dir=/tmp/prof bench/cpuLoop.mjs [--instant] [--only=sdk] [--calls=N] [--pairs=N] [--against=<dist copy>]
// --instant answers from a Dispatcher in this process (no network: what the client alone costs);
// otherwise a loopback server in another process (bench/fixtures/getSpaceServer.mjs).
// --against=<dir> pairs this build's SDK with another build's (a copy of an earlier dist/) instead
// of raw undici: what a change bought, measured in one process.
import { loadavg } from 'node:os';
import { Agent, Dispatcher } from 'undici';
import { createSpacesClient } from '../dist/index.js';
import { getSpaceAnswer } from './fixtures/getSpaceAnswer.mjs';
import { idSequence, rawUndiciGetSpace, startGetSpaceServer, TOKEN } from './lib/getSpaceCall.mjs';
import { cpuPerCall, pairedRatio } from './lib/pairs.mjs';
import { fmt } from './lib/stats.mjs';

const args = process.argv.slice(2);
const flag = (name) => args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const instant = args.includes('--instant');
const only = flag('only');
const calls = Number(flag('calls') ?? 20_000);
const against = flag('against');
const ANSWER = Buffer.from(getSpaceAnswer);

/** Answers every request at once, on a later tick, as a connection would. */
class InstantDispatcher extends Dispatcher {
  dispatch(options, handler) {
    setImmediate(() => {
      // undici's request() hands a handler of the older shape (onConnect, onHeaders, …).
      handler.onConnect(() => undefined);
      const raw = [
        Buffer.from('content-type'),
        Buffer.from('application/json'),
        Buffer.from('content-length'),
        Buffer.from(String(ANSWER.length)),
      ];
      handler.onHeaders(200, raw, () => undefined, 'OK');
      handler.onData(ANSWER);
      handler.onComplete([]);
    });
    return true;
  }
  close() {
    return Promise.resolve();
  }
}

const { url, server } = instant ? { url: 'http://127.0.0.1:1/graphql' } : await startGetSpaceServer();
const agent = instant
  ? new InstantDispatcher()
  : new Agent({ connections: 32, keepAliveTimeout: 10_000, keepAliveMaxTimeout: 60_000 });
const sdk = createSpacesClient({
  endpoint: url,
  token: TOKEN,
  rateLimit: false,
  ...(instant && { dispatcher: agent }),
});
const other =
  against &&
  (await import(new URL(`file://${against}/index.js`).href)).createSpacesClient({
    endpoint: url,
    token: TOKEN,
    rateLimit: false,
    ...(instant && { dispatcher: agent }),
  });
const nextId = idSequence();
const contenders = {
  sdk: async () => {
    const space = await sdk.getSpace(nextId());
    if (!space.id) throw new Error('no space');
  },
  other: async () => {
    const space = await other.getSpace(nextId());
    if (!space.id) throw new Error('no space');
  },
  raw: rawUndiciGetSpace(url, agent, nextId),
};
try {
  if (only) {
    const µs = await cpuPerCall(contenders[only], { calls, concurrency: 16 });
    console.log(`${only}: ${fmt(µs)} µs per call (${calls} calls)`);
  } else {
    const r = await pairedRatio(
      ['sdk', against ? 'other' : 'raw'],
      { pairs: Number(flag('pairs') ?? 7), warmup: 2 },
      (name) => cpuPerCall(contenders[name], { calls, concurrency: 16 }),
    );
    r.raw ??= r.other;
    const s = (x) => `${fmt(x.median)} (${fmt(x.min)}–${fmt(x.max)})`;
    console.log(
      `${instant ? 'instant dispatcher' : 'loopback server'}, ${calls} calls at 16, load ${fmt(loadavg()[0], 2)}: SDK ${s(r.sdk)} µs, ${against ? 'other build' : 'raw'} ${s(r.raw)} µs, SDK − ${against ? 'other' : 'raw'} ${fmt(r.sdk.median - r.raw.median)} µs, ratio ${fmt(r.ratio.median, 3)} (pairs ${fmt(r.ratio.min, 2)}–${fmt(r.ratio.max, 2)})`,
    );
  }
} finally {
  await sdk.close();
  await other?.close();
  await agent.close();
  server?.kill('SIGTERM');
}
