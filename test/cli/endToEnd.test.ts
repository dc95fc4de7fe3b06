import { describe, expect, it } from '@jest/globals';
import { cleanEnv, runCli } from '../support/cli.js';

// The built CLI as a separate process: it starts, parses and ends with the right code. Every other
// CLI test runs in-process (test/cli/support/inProcess.ts); brokenPipe and simulatorAndDemo spawn too.
describe('the built boomi-spaces', () => {
  it('prints the top-level help with every group, and exits 0', async () => {
    const run = await runCli(['--help'], { env: cleanEnv() });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Usage: boomi-spaces \[options\] \[command\]/);
    for (const group of ['space', 'catalog', 'schema', 'contract'])
      expect(run.stdout).toMatch(new RegExp(`\\n  ${group}\\b`));
    expect(run.stderr).toBe('');
  });

  it('lists a group’s subcommands and a command’s examples in their help', async () => {
    const space = await runCli(['space', '--help'], { env: cleanEnv() });
    expect(space.code).toBe(0);
    for (const sub of ['create', 'update', 'delete']) expect(space.stdout).toMatch(new RegExp(`\\n  ${sub}\\b`));
    expect(space.stdout).toContain('Examples:\n  $ boomi-spaces space ');
  });

  it('loads a command lazily and maps its failure to exit 2 (missing credentials)', async () => {
    const run = await runCli(['spaces', '--json'], { env: cleanEnv() });
    expect(run.code).toBe(2);
    expect(JSON.parse(run.stdout)).toEqual({ error: expect.objectContaining({ code: 'INVALID_USAGE' }) });
    expect(run.stderr).toContain('missing credentials');
  });
});
