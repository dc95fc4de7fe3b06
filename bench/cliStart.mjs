// 4. CLI start-up: wall time of `boomi-spaces --help` (the file package.json's "bin" names, run as npm's
// shim runs it: node <bin> --help) against `node -e 0`, interleaved; and `node dist/cli/main.js
// --help`, the same launcher as an ES module, which the README and the tests run.
import { readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { interleave, summary } from './lib/stats.mjs';

const root = new URL('../', import.meta.url);
const pkg = JSON.parse(readFileSync(new URL('package.json', root), 'utf8'));
const BIN = fileURLToPath(new URL(pkg.bin['boomi-spaces'], root));
const ESM_LAUNCHER = fileURLToPath(new URL('dist/cli/main.js', root));

export async function cliStart({ smoke }) {
  const commands = {
    'node -e 0': ['-e', '0'],
    'boomi-spaces --help': [BIN, '--help'],
    'dist/cli/main.js --help': [ESM_LAUNCHER, '--help'],
  };
  const plan = smoke ? { rounds: 2, warmup: 0 } : { rounds: 20, warmup: 2 };
  // Every time in run order, so the bin's and node's times of one round can be paired.
  const times = Object.fromEntries(Object.keys(commands).map((name) => [name, []]));
  const results = await interleave(Object.keys(commands), plan, (name) => {
    const started = performance.now();
    const run = spawnSync(process.execPath, commands[name], { stdio: 'ignore' });
    if (run.status !== 0) throw new Error(`${name} exited ${run.status}`);
    const ms = performance.now() - started;
    times[name].push(ms);
    return ms;
  });
  const measured = (name) => times[name].slice(plan.warmup);
  const node = measured('node -e 0');
  // Within one round the contenders ran back to back: their ratio drifts less with the machine's load.
  const paired = summary(measured('boomi-spaces --help').map((ms, round) => ms / node[round]));
  return {
    bin: pkg.bin['boomi-spaces'],
    results,
    cliStartRatio: results['boomi-spaces --help'].median / results['node -e 0'].median,
    pairedRatio: paired,
    target: 1.2,
  };
}
