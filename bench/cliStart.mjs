// 4. CLI start-up: wall time of `boomi-spaces --help` against `node -e 0`, interleaved.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { interleave } from './lib/stats.mjs';

const CLI = fileURLToPath(new URL('../dist/cli/main.js', import.meta.url));

export async function cliStart({ smoke }) {
  const commands = { 'node -e 0': ['-e', '0'], 'boomi-spaces --help': [CLI, '--help'] };
  const results = await interleave(
    Object.keys(commands),
    smoke ? { rounds: 2, warmup: 0 } : { rounds: 20, warmup: 2 },
    (name) => {
      const started = performance.now();
      const run = spawnSync(process.execPath, commands[name], { stdio: 'ignore' });
      if (run.status !== 0) throw new Error(`${name} exited ${run.status}`);
      return performance.now() - started;
    },
  );
  return { results, cliStartRatio: results['boomi-spaces --help'].median / results['node -e 0'].median, target: 1.2 };
}
