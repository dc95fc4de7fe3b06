// Runs shell commands side by side and fails when any of them fails: `npm test`'s independent
// steps share the cores instead of waiting for each other. Its two lanes: the checks of the one
// TypeScript program (scripts/check-sources.mjs: type check, lint, API reference); and the build,
// then the packing, then jest beside the rest (package checks, prettier, codegen check, knip), a
// nested run of this script, so the build has a core to itself and jest starts as soon as it can.
// Each command's output is held and printed whole when it ends, so the log reads step by step.
//   node scripts/parallel.mjs "npm run lint" "npm run typecheck" "npm run build && npm run check:package"
import { spawn } from 'node:child_process';

const commands = process.argv.slice(2);
if (commands.length === 0) {
  console.error('usage: node scripts/parallel.mjs "<command>" ["<command>" …]');
  process.exit(2);
}

/** Runs one command in a shell; resolves with its exit code and its interleaved stdout and stderr. */
function run(command) {
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn(command, { shell: true, stdio: ['ignore', 'pipe', 'pipe'] });
    const chunks = [];
    child.stdout.on('data', (chunk) => chunks.push(chunk));
    child.stderr.on('data', (chunk) => chunks.push(chunk));
    child.on('close', (code, signal) => {
      const status = code ?? (signal ? 1 : 0);
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      process.stdout.write(`\n> ${command}  (${status === 0 ? 'ok' : `failed: ${signal ?? code}`}, ${seconds} s)\n`);
      process.stdout.write(Buffer.concat(chunks));
      resolve(status);
    });
  });
}

const codes = await Promise.all(commands.map(run));
const failed = commands.filter((_, index) => codes[index] !== 0);
if (failed.length > 0) {
  console.error(`\nfailed: ${failed.join('; ')}`);
  process.exit(1);
}
