// The client's CPU per getSpace call, SDK against raw undici.request, paired rounds; for profiling:
//   node --cpu-prof --cpu-prof-dir=/tmp/prof bench/cpuLoop.mjs [--instant] [--only=sdk] [--calls=N] [--pairs=N] [--against=<dist copy>]
// --instant answers from a Dispatcher in this process (no network: what the client alone costs);
// otherwise a loopback server in another process (bench/fixtures/getSpaceServer.mjs).
// --against=<dir> pairs this build's SDK with another build's (a copy of an earlier dist/) instead
// of raw undici: what a change bought, measured in one process.
import { fork } from 'node:child_process';
import { once } from 'node:events';
import { loadavg } from 'node:os';
import { print } from 'graphql';
import { Agent, Dispatcher, request } from 'undici';
import { createSpacesClient, GetSpaceDocument } from '../dist/index.js';
import { cpuPerCall, pairedRatio } from './lib/pairs.mjs';
import { fmt } from './lib/stats.mjs';

const args = process.argv.slice(2);
const flag = (name) => args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const instant = args.includes('--instant');
const only = flag('only');
const calls = Number(flag('calls') ?? 20_000);
const against = flag('against');
const TOKEN = 'bench-jwt.eyJzdWIiOiJiZW5jaCJ9.c2ln';
const QUERY = print(GetSpaceDocument);
const headers = { authorization: `Bearer ${TOKEN}`, accept: 'application/json', 'content-type': 'application/json' };
const ANSWER = Buffer.from(
  JSON.stringify({
    data: {
      space: {
        id: '2da77d1f-bbd4-4066-9d0e-5d0c3a1f7b21',
        name: 'Demo_Space',
        description: 'Integration packs shared with the demo account group.',
        createdDate: '2026-11-03 08:43:50.0',
        createdByAccountId: 'demo-account',
        modifiedDate: '2026-11-03 08:43:50.0',
        modifiedByAccountId: 'demo-account',
        url: 'https://api.space-service.example.boomi.com?guid=2da77d1f-bbd4-4066-9d0e-5d0c3a1f7b21',
        sharedIpacks: [
          {
            id: 'c0523638-0838-40e1-bd53-4c1b0a9e8f10',
            name: 'Order Intake',
            description: 'Orders.',
            installationType: 'SINGLE',
          },
        ],
        accountGroup: { id: '7f3e2b1c-4a5d-4e6f-8a9b-0c1d2e3f4a5b', name: 'Demo account group' },
        theme: { logoUrl: null, logoAltTxt: 'Demo logo' },
      },
    },
  }),
);

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

let server;
let url = 'http://127.0.0.1:1/graphql';
if (!instant) {
  server = fork(new URL('./fixtures/getSpaceServer.mjs', import.meta.url), {
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
  });
  url = String((await once(server.stdout, 'data'))[0]).trim();
}
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
let n = 0;
const nextId = () => `2da77d1f-bbd4-4066-9d0e-${String(++n).padStart(12, '0')}`;
const contenders = {
  sdk: async () => {
    const space = await sdk.getSpace(nextId());
    if (!space.id) throw new Error('no space');
  },
  other: async () => {
    const space = await other.getSpace(nextId());
    if (!space.id) throw new Error('no space');
  },
  raw: async () => {
    const { body } = await request(url, {
      method: 'POST',
      headers,
      dispatcher: agent,
      body: JSON.stringify({ query: QUERY, variables: { id: nextId() }, operationName: 'getSpace' }),
    });
    const data = await body.json();
    if (!data.data?.space) throw new Error('no space');
  },
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
      `${instant ? 'instant dispatcher' : 'loopback server'}, ${calls} calls at 16, load ${fmt(loadavg()[0], 2)}: SDK ${s(r.sdk)} µs, ${against ? 'other build' : 'raw'} ${s(r.raw)} µs, SDK − ${against ? 'other' : 'raw'} ${fmt(r.sdk.median - r.raw.median)} µs, ratio ${fmt(r.ratio.median, 2)}`,
    );
  }
} finally {
  await sdk.close();
  await other?.close();
  await agent.close();
  server?.kill('SIGTERM');
}
