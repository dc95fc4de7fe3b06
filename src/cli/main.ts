#!/usr/bin/env node
// The boomi-spaces launcher. `boomi-spaces --help` prints the help the build wrote (dist/cli/help.txt,
// made by the CLI itself at 80 columns) when the CLI would print the same text, that is when stdout
// is no terminal or one 80 columns wide: no commander, no command tree to load. Anything else loads
// the CLI (start.ts).
//
// scripts/bundle-cli.mjs builds this one file twice: dist/cli/main.cjs, the package's bin (CommonJS
// starts without Node's ES module loader), and dist/cli/main.js, the same launcher as an ES module.
import { readFileSync } from 'node:fs';
import { endQuietlyOnBrokenPipe } from './output.js';

const HELP_WIDTH = 80;

const args = process.argv.slice(2);
const asksHelp = args.length === 1 && (args[0] === '--help' || args[0] === '-h');
const help = asksHelp && (!process.stdout.isTTY || process.stdout.columns === HELP_WIDTH) ? builtHelp() : undefined;
if (help === undefined) {
  void import('./start.js');
} else {
  endQuietlyOnBrokenPipe(process.stdout);
  process.stdout.write(help);
}

/** The help the build wrote, or undefined where there is none (running from source). */
function builtHelp(): string | undefined {
  try {
    return readFileSync(new URL('help.txt', import.meta.url), 'utf8');
  } catch {
    return undefined;
  }
}
