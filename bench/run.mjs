// npm run bench [-- --json] [-- --smoke] [-- --only overhead,workflow,auth,cli,size,tables,faults,soak,pacing,fleet,kit]
// Needs a build (npm run build). The full run takes about a minute; --smoke runs each once, tiny.
import { loadavg } from 'node:os';
import { auth } from './auth.mjs';
import { cliStart } from './cliStart.mjs';
import { fmt, machine } from './lib/stats.mjs';
import { overhead } from './overhead.mjs';
import { size } from './size.mjs';
import { workflow } from './workflow.mjs';
import { tables } from './table.mjs';
import { faultyApply } from './faultyApply.mjs';
import { soak } from './soak.mjs';
import { pacing } from './pacing.mjs';
import { fleet } from './fleet.mjs';
import { kitFirstRequest } from './kitFirstRequest.mjs';

const args = process.argv.slice(2);
const json = args.includes('--json');
const smoke = args.includes('--smoke');
const only = args
  .find((a) => a.startsWith('--only='))
  ?.slice('--only='.length)
  .split(',');
const wanted = (name) => !only || only.includes(name);
const log = (line = '') => {
  if (!json) process.stdout.write(`${line}\n`);
};

const report = { machine: machine(), date: new Date().toISOString(), smoke, loadAtStart: loadavg() };
log(
  `boomi-spaces benchmarks${smoke ? ' (smoke)' : ''}: ${report.machine.cpu}, ${report.machine.cores} cores, ${report.machine.memoryGiB} GiB, Node ${report.machine.node}`,
);

// --smoke proves each benchmark runs and reports; its timings are not judged. The three that mostly
// wait (on rate-limit windows and the CLI's processes) then start at once, beside the others, and
// the report takes their results in its usual order. (The catch only keeps a failure from being
// reported before its turn; awaiting the promise there still throws it.)
const waiting = {
  // The smoke run's CLI paces fast: its waits are then the faults' own, not the 10 requests/s of the full run.
  faults: () => faultyApply({ smoke, ...(smoke && { instances: 5, retryAfterSeconds: 0, pace: 100 }) }),
  pacing: () => pacing({ smoke }),
  fleet: () => fleet({ smoke }),
};
const early = {};
if (smoke)
  for (const [name, run] of Object.entries(waiting)) if (wanted(name)) (early[name] = run()).catch(() => undefined);
const resultOf = (name) => early[name] ?? waiting[name]();

const table = (results, unit, digits = 1) => {
  for (const [name, s] of Object.entries(results)) {
    log(
      `  ${name.padEnd(26)} median ${fmt(s.median, digits).padStart(9)} ${unit}   min ${fmt(s.min, digits)}  max ${fmt(s.max, digits)}  ±${fmt(s.relative * 100)}%  (${s.rounds} rounds)`,
    );
  }
};

if (wanted('overhead')) {
  const r = await overhead({ smoke });
  report.overhead = r;
  report.overheadRatio = r.overheadRatio;
  report.peerRatio = r.peerRatio;
  report.undiciRatio = r.undiciRatio;
  log('\n1. Client overhead (getSpace, server in another process), ops/s');
  for (const [c, results] of Object.entries(r.results)) {
    log(` concurrency ${c.slice(1)}`);
    table(results, 'ops/s', 0);
  }
  log(`  overheadRatio (SDK ÷ raw fetch at 16) = ${fmt(r.overheadRatio, 3)}   target ≥ ${r.target}`);
  log(
    `  peerRatio (SDK ÷ best of graphql-request and @urql/core) = ${fmt(r.peerRatio, 3)}; undiciRatio (SDK ÷ raw undici.request) = ${fmt(r.undiciRatio, 3)}`,
  );
  log(
    `  graphqlRequestRatio (SDK ÷ graphql-request) = ${fmt(r.graphqlRequestRatio, 3)}; urqlPathRatio (client.urql ÷ execute path) = ${fmt(r.urqlPathRatio, 3)}`,
  );
  const pair = (p) =>
    `${fmt(p.ratio.median, 3)} (pairs ${fmt(p.ratio.min, 2)}–${fmt(p.ratio.max, 2)}, ±${fmt(p.ratio.relative * 100)}%, ${p.ratio.rounds} pairs)`;
  log(`  paired at 16, median of per-pair ratios: SDK ÷ raw undici.request ${pair(r.pairs.undici)}`);
  log(`                                           SDK ÷ graphql-request    ${pair(r.pairs.graphqlRequest)}`);
  const cpu = r.cpuPerCallMicros;
  log(
    `  client CPU per call (µs, ${cpu.calls} calls at 16, paired rounds): SDK ${fmt(cpu.sdk.median)} (${fmt(cpu.sdk.min)}–${fmt(cpu.sdk.max)}), raw undici.request ${fmt(cpu.rawUndici.median)} (${fmt(cpu.rawUndici.min)}–${fmt(cpu.rawUndici.max)}), SDK ÷ raw ${fmt(cpu.ratio.median, 2)}`,
  );
}
if (wanted('workflow')) {
  const r = await workflow({ smoke });
  report.workflow = r;
  report.workflowSpeedup = r.workflowSpeedup;
  log(`\n2. Install workflow: ${r.installs} MULTI installs, simulator latency ${r.latencyMs} ms, ms per run`);
  table(r.results, 'ms', 0);
  log(`  workflowSpeedup = ${fmt(r.workflowSpeedup, 2)}   target ≥ ${r.target}`);
}
if (wanted('auth')) {
  const r = await auth({ smoke });
  report.auth = r;
  report.jwtCalls = r.jwtCalls;
  report.jwtBound = r.jwtBound;
  log(`\n3. Auth calls: ${r.minutes} simulated minutes at ${r.concurrency} concurrent calls`);
  log(
    `  jwtCalls = ${r.jwtCalls} (min ${r.results.jwtCalls.min}, max ${r.results.jwtCalls.max})   bound ${r.jwtBound}   401 answers: ${r.unauthorized}`,
  );
}
if (wanted('cli')) {
  const r = await cliStart({ smoke });
  report.cliStart = r;
  report.cliStartRatio = r.cliStartRatio;
  log('\n4. CLI start-up, ms');
  table(r.results, 'ms');
  log(`  cliStartRatio = ${fmt(r.cliStartRatio, 2)}   target ≤ ${r.target}`);
}
if (wanted('size')) {
  const r = await size();
  report.size = r;
  report.bundleGzipBytes = r.bundleGzipBytes;
  report.bundleHasGraphql = r.bundleHasGraphql;
  report.bundleHasUndici = r.bundleHasUndici;
  report.browserBundleGzipBytes = r.browserBundleGzipBytes;
  log('\n5. Size of the SDK entry (esbuild, minified, platform node, dependencies included)');
  log(
    `  ${r.bundleBytes} bytes, ${r.bundleGzipBytes} gzipped (target ≤ ${r.target.bundleGzipBytes}); graphql in the bundle: ${r.bundleHasGraphql}; packages: ${r.packages.join(', ')}`,
  );
  log(`  for browsers: ${r.browserBundleGzipBytes} gzipped; undici in either bundle: ${r.bundleHasUndici}`);
  log(
    `  browser apps: SpacesError alone ${r.spacesErrorOnlyGzipBytes} gzipped (target ≤ ${r.target.spacesErrorOnlyGzipBytes}); ` +
      `createSpacesCore + getSpace + installIntegrationPack ${r.functionsAppGzipBytes} (target ≤ ${r.target.functionsAppGzipBytes})`,
  );
}
if (wanted('tables')) {
  const r = await tables({ smoke });
  report.tables = r;
  report.tableLinearity = r.linearity;
  log('\n6. CLI table output, ms per table (5 columns)');
  table(Object.fromEntries(Object.entries(r.results).map(([n, s]) => [`${n} rows`, s])), 'ms');
  log(
    `  100 000 rows: ${r.msFor100k === null ? '-' : fmt(r.msFor100k, 0)} ms (target ≤ ${r.target.msFor100k}); linearity (ms/row largest ÷ smallest) = ${fmt(r.linearity, 2)} (target ≤ ${r.target.linearity})`,
  );
}
if (wanted('faults')) {
  const r = await resultOf('faults');
  report.faultyApply = r;
  report.firstRunUnresolvedShare = r.firstRunUnresolvedShare;
  report.runsToConverge = r.runsToConverge;
  log(`\n7. apply of ${r.instances} instances (+1 attach each) under 30% lost answers, 10% 503, 10% 429, 20 s JWTs`);
  for (const run of r.runs)
    log(
      `  run ${run.run}: exit ${run.code}, ${run.failed ?? '?'} of ${run.changes} changes unresolved, ${fmt(run.seconds, 1)} s`,
    );
  log(
    `  first run unresolved = ${fmt(r.firstRunUnresolvedShare * 100, 2)}% (target ≤ 1%); converged on run ${r.runsToConverge} (target ≤ 2); duplicates ${r.duplicates}`,
  );
}
if (wanted('soak')) {
  const r = await soak({ smoke });
  report.soak = r;
  report.soakHeapGrowthBytes = r.soakHeapGrowthBytes;
  log(`\n8. Soak: ${r.calls} getSpace calls at concurrency 16 in ${fmt(r.seconds, 1)} s`);
  log(
    `  heap after GC: ${fmt(r.heapAtCheckpointBytes / 1048576, 1)} MiB at call ${r.calls / 10}, ${fmt(r.heapAtEndBytes / 1048576, 1)} MiB at the end; soakHeapGrowthBytes = ${r.soakHeapGrowthBytes} (target < ${r.target.soakHeapGrowthBytes})`,
  );
}
if (wanted('pacing')) {
  const r = await resultOf('pacing');
  report.pacing = r;
  report.rateLimit429s = r.rateLimit429s;
  report.adaptivePacing = r.adaptivePacing;
  log(`\n9. ${r.installs} single installs at once against a server limiting to 10 (then 5) requests/s`);
  const runs = { 'with pacing (default)': r.paced, 'rateLimit: false': r.unpaced, 'default pacing, 5/s': r.adaptive };
  for (const [name, run] of Object.entries(runs)) {
    log(
      `  ${name.padEnd(22)} ${run.answers429} answers 429, ${run.failed} failed, ${run.instances} instances, ${fmt(run.seconds, 1)} s`,
    );
  }
}
if (wanted('fleet')) {
  const r = await resultOf('fleet');
  report.fleet = r;
  report.fleetBoundMet = r.boundMet;
  log(
    `\n10. Fleet apply: ${r.accounts} accounts × 3 instances (+ attachments, settings, a schedule), concurrency ${r.concurrency}, per account 10% lost answers, 5% 503, 5% 429, 10 requests/s`,
  );
  for (const run of r.runs)
    log(
      `  run ${run.run}: ${run.converged} of ${r.accounts} converged in ${fmt(run.seconds, 1)} s${Object.keys(run.codes).length ? ` (not: ${JSON.stringify(run.codes)})` : ''}`,
    );
  for (const run of r.runs) for (const f of run.failures) log(`    run ${run.run} ${f.id}: ${f.code} ${f.message}`);
  const q = r.requestsPerAccount;
  log(
    `  requests per account, run 1: min ${q.min}, median ${q.median}, max ${q.max}; 429 answers ${r.rateLimitedFirstRun}`,
  );
  log(
    `  duplicates: ${r.duplicateInstances} instances, ${r.duplicateAttachments} attachments; accounts not holding exactly 3 instances and 4 attachments: ${r.accountsWithWrongCounts}`,
  );
  log(
    `  first run ${fmt(r.runs[0].seconds, 1)} s, bound 1.5 × (${q.max} ÷ 10/s) × ⌈${r.accounts} ÷ ${r.concurrency}⌉ = ${fmt(r.boundSeconds, 1)} s: ${r.boundMet ? 'met' : 'NOT MET'}`,
  );
}
if (wanted('kit')) {
  const r = await kitFirstRequest({ smoke });
  report.kitFirstRequest = r;
  report.kitFirstRequestMs = r.results['first request'].wall.median;
  log('\n11. The testing kit in a fresh process: createSpacesMock, then listSpaces through msw, ms (wall; CPU)');
  for (const [name, s] of Object.entries(r.results))
    log(
      `  ${name.padEnd(26)} median ${fmt(s.wall.median).padStart(6)}   min ${fmt(s.wall.min)}  max ${fmt(s.wall.max)}   CPU ${fmt(s.cpu.median)}  (${s.wall.rounds} rounds)`,
    );
}
// Issue 21's speed figures, from this one run.
if (report.overhead || report.cliStart) {
  const c16 = report.overhead?.results.c16;
  const ops = (name) => (c16 ? fmt(c16[name].median, 0) : '-');
  const met = (ok) => (ok === undefined ? '' : ok ? 'met' : 'MISSED');
  const { cliStartRatio } = report;
  // The paired ratios: the ones a load that comes and goes cannot tilt (bench/lib/pairs.mjs).
  const undiciRatio = report.overhead?.pairedUndiciRatio;
  const graphqlRequestRatio = report.overhead?.pairedGraphqlRequestRatio;
  const cpuPerCallMicros = report.overhead && {
    sdk: report.overhead.cpuPerCallMicros.sdk.median,
    rawUndici: report.overhead.cpuPerCallMicros.rawUndici.median,
  };
  report.issue21 = { undiciRatio, graphqlRequestRatio, cpuPerCallMicros, cliStartRatio, loadAverage: loadavg() };
  log('\nIssue 21 figures (this run)');
  if (c16) {
    log(
      `  getSpace at concurrency 16: SDK ${ops('boomi-spaces')}, raw undici.request ${ops('raw undici.request')}, graphql-request ${ops('graphql-request')} ops/s`,
    );
    log(`  SDK ÷ raw undici.request = ${fmt(undiciRatio, 2)} (paired)   target ≥ 0.85 ${met(undiciRatio >= 0.85)}`);
    log(
      `  SDK ÷ graphql-request    = ${fmt(graphqlRequestRatio, 2)} (paired)   target ≥ 3 ${met(graphqlRequestRatio >= 3)}`,
    );
    log(
      `  client CPU per call: SDK ${fmt(cpuPerCallMicros.sdk)} µs, raw undici.request ${fmt(cpuPerCallMicros.rawUndici)} µs`,
    );
  }
  if (report.cliStart) {
    const r = report.cliStart.results;
    log(
      `  boomi-spaces --help ${fmt(r['boomi-spaces --help'].median, 1)} ms ÷ node -e 0 ${fmt(r['node -e 0'].median, 1)} ms = ${fmt(cliStartRatio, 2)}   target ≤ 1.2 ${met(cliStartRatio <= 1.2)}`,
    );
  }
  log(
    `  load average at the start ${report.loadAtStart.map((l) => fmt(l, 1)).join(' ')}, at the end ${loadavg()
      .map((l) => fmt(l, 1))
      .join(' ')}`,
  );
}
if (json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
