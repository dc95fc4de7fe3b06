// The boomi-spaces CLI: `runCli` with the process's streams, environment and signals, loaded by the
// launcher (main.ts). Only commander and the command tree load at start-up (scripts/bundle-cli.mjs
// bundles them into this file): each command imports the SDK, the simulator or the table renderer
// when it runs.
import { endQuietlyOnBrokenPipe } from './output.js';
import { runCli } from './runCli.js';

// `boomi-spaces instances | head -2`: a reader that stops early ends the CLI quietly, exit 141.
endQuietlyOnBrokenPipe(process.stdout);
endQuietlyOnBrokenPipe(process.stderr);

void runCli({
  argv: process.argv.slice(2),
  env: process.env,
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  signals: process,
}).then((code) => {
  process.exitCode = code;
});
