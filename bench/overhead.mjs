// 1. Client overhead: ops/s for one fixed getSpace answer from a server in another process.
import { Client, fetchExchange } from '@urql/core';
import { GraphQLClient } from 'graphql-request';
import { Agent } from 'undici';
import { createSpacesClient, GetSpaceDocument } from '../dist/index.js';
import { headers, idSequence, QUERY, rawUndiciGetSpace, startGetSpaceServer, TOKEN } from './lib/getSpaceCall.mjs';
import { cpuPerCall, opsPerSecond as measureOps, pairedRatio } from './lib/pairs.mjs';
import { interleave } from './lib/stats.mjs';

export async function overhead({ smoke }) {
  const { url, server } = await startGetSpaceServer();
  try {
    const nextId = idSequence();
    // Throughput of the client itself: no pacing.
    const sdk = createSpacesClient({ endpoint: url, token: TOKEN, rateLimit: false });
    const graphqlRequest = new GraphQLClient(url, { headers: { authorization: `Bearer ${TOKEN}` } });
    const urql = new Client({
      url,
      exchanges: [fetchExchange],
      preferGetMethod: false,
      requestPolicy: 'network-only',
      fetchOptions: { headers },
    });
    // The SDK's own Agent settings (src/transport/http/undiciSender.ts, 32 connections by default).
    const agent = new Agent({ connections: 32, keepAliveTimeout: 10_000, keepAliveMaxTimeout: 60_000 });
    const calls = {
      // What a hand-written Node caller writes: undici's request() on a keep-alive Agent, body.json().
      'raw undici.request': rawUndiciGetSpace(url, agent, nextId),
      'raw fetch': async () => {
        const response = await fetch(url, {
          method: 'POST',
          headers,
          body: JSON.stringify({ query: QUERY, variables: { id: nextId() }, operationName: 'getSpace' }),
        });
        const body = await response.json();
        if (!body.data?.space) throw new Error('no space');
      },
      'boomi-spaces': async () => {
        const space = await sdk.getSpace(nextId());
        if (!space.id) throw new Error('no space');
      },
      // The same client through urql's Client (client.urql): what urql's model costs on the one path.
      'boomi-spaces client.urql': async () => {
        const result = await sdk.urql.query(GetSpaceDocument, { id: nextId() }).toPromise();
        if (!result.data?.space) throw new Error(String(result.error));
      },
      'graphql-request': async () => {
        const data = await graphqlRequest.request(QUERY, { id: nextId() });
        if (!data.space) throw new Error('no space');
      },
      '@urql/core': async () => {
        const result = await urql.query(GetSpaceDocument, { id: nextId() }).toPromise();
        if (!result.data?.space) throw new Error(String(result.error));
      },
    };
    // Smoke: every call runs; each worker always completes its first call, so a short window still counts.
    const durationMs = smoke ? 20 : 1000;
    const opsPerSecond = (call, concurrency) => measureOps(call, { durationMs, concurrency });
    const results = {};
    for (const concurrency of [1, 16]) {
      results[`c${concurrency}`] = await interleave(
        Object.keys(calls),
        smoke ? { rounds: 1, warmup: 0 } : { rounds: 7, warmup: 2 },
        (name) => opsPerSecond(calls[name], concurrency),
      );
    }
    const c16 = results.c16;
    const overheadRatio = c16['boomi-spaces'].median / c16['raw fetch'].median;
    // The SDK against its peers and against undici's own request(), same run, concurrency 16.
    const peerRatio = c16['boomi-spaces'].median / Math.max(c16['graphql-request'].median, c16['@urql/core'].median);
    const undiciRatio = c16['boomi-spaces'].median / c16['raw undici.request'].median;
    const graphqlRequestRatio = c16['boomi-spaces'].median / c16['graphql-request'].median;
    const urqlPathRatio = c16['boomi-spaces client.urql'].median / c16['boomi-spaces'].median;
    // Robust to load: SDK and its reference in back-to-back rounds, the ratio as the median of pairs.
    const pairing = smoke ? { pairs: 1, warmup: 0 } : { pairs: 15, warmup: 2 };
    const pairOps = (name) => measureOps(calls[name], { durationMs: smoke ? 10 : 400, concurrency: 16 });
    const pairs = {
      undici: await pairedRatio(['boomi-spaces', 'raw undici.request'], pairing, pairOps),
      graphqlRequest: await pairedRatio(['boomi-spaces', 'graphql-request'], pairing, pairOps),
    };
    // The client's CPU per call (the server is another process): stable under load.
    const cpuCalls = smoke ? 200 : 4000;
    const cpu = await pairedRatio(
      ['boomi-spaces', 'raw undici.request'],
      smoke ? pairing : { pairs: 9, warmup: 2 },
      (name) => cpuPerCall(calls[name], { calls: cpuCalls, concurrency: 16 }),
    );
    await agent.close();
    await sdk.close();
    return {
      results,
      overheadRatio,
      peerRatio,
      undiciRatio,
      graphqlRequestRatio,
      urqlPathRatio,
      pairs,
      pairedUndiciRatio: pairs.undici.ratio.median,
      pairedGraphqlRequestRatio: pairs.graphqlRequest.ratio.median,
      cpuPerCallMicros: {
        sdk: cpu['boomi-spaces'],
        rawUndici: cpu['raw undici.request'],
        ratio: cpu.ratio,
        calls: cpuCalls,
      },
      target: 0.95,
      durationMs,
    };
  } finally {
    server.kill('SIGTERM');
  }
}
