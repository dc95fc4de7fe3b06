// The launcher (dist/cli/main.js) prints --help from the text the build wrote, without loading the
// CLI: that text must be what the CLI itself prints, and everything else must still reach the CLI.
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { runCli } from '../support/cli.js';

const START = fileURLToPath(new URL('../../dist/cli/start.js', import.meta.url));
const BUILT_HELP = fileURLToPath(new URL('../../dist/cli/help.txt', import.meta.url));

describe('the CLI launcher', () => {
  it('prints the same --help and -h as the CLI itself, exit 0', async () => {
    const [fromCli, long, short] = await Promise.all([
      runCli(['--help'], { script: START }),
      runCli(['--help']),
      runCli(['-h']),
    ]);
    expect(fromCli.stdout).toContain('Usage: boomi-spaces');
    expect(readFileSync(BUILT_HELP, 'utf8')).toBe(fromCli.stdout);
    expect(long).toEqual({ code: 0, stdout: fromCli.stdout, stderr: '' });
    expect(short).toEqual({ code: 0, stdout: fromCli.stdout, stderr: '' });
  });

  it('hands every other command line to the CLI', async () => {
    const [help, unknown] = await Promise.all([runCli(['spaces', '--help']), runCli(['no-such-command'])]);
    expect(help.stdout).toContain('Usage: boomi-spaces spaces');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("unknown command 'no-such-command'");
  });
});
