import { execFileSync } from 'node:child_process';
import { describe, expect, it } from '@jest/globals';
import { cleanEnv, runCli } from './support/inProcess.js';

/** What bash offers after `words` (the last one being completed), with the generated script loaded. */
function bashOffers(script: string, words: string[]): string[] {
  const program = `${script}\nCOMP_WORDS=(${words.map((w) => `'${w}'`).join(' ')}); COMP_CWORD=${words.length - 1}; _boomi_spaces_complete; printf '%s\\n' "\${COMPREPLY[@]}"`;
  return execFileSync('bash', ['-c', program], { encoding: 'utf8' }).split('\n').filter(Boolean).sort();
}

describe('boomi-spaces completion', () => {
  it('bash: commands first, then each command’s options and the global ones', async () => {
    const run = await runCli(['completion', 'bash'], { env: cleanEnv() });
    expect(run.code).toBe(0);
    expect(bashOffers(run.stdout, ['boomi-spaces', 'ins'])).toEqual(['install', 'instances']);
    expect(bashOffers(run.stdout, ['boomi-spaces', 'install', '--na'])).toEqual(['--name']);
    expect(bashOffers(run.stdout, ['boomi-spaces', 'apply', '--'])).toEqual(
      expect.arrayContaining(['--yes', '--prune', '--batch-size', '--space-guid', '--json', '--help']),
    );
    expect(bashOffers(run.stdout, ['boomi-spaces', '--json', 'pl'])).toEqual(['plan']);
  });

  it('zsh loads the same function through bashcompinit; fish lists commands and options', async () => {
    const zsh = await runCli(['completion', 'zsh'], { env: cleanEnv() });
    expect(zsh.stdout).toMatch(/^#compdef boomi-spaces\n/);
    expect(zsh.stdout).toContain('bashcompinit');
    expect(zsh.stdout).toContain('complete -o default -F _boomi_spaces_complete boomi-spaces');
    const fish = await runCli(['completion', 'fish'], { env: cleanEnv() });
    expect(fish.stdout).toContain("complete -c boomi-spaces -n '__fish_use_subcommand' -a 'spaces space install");
    expect(fish.stdout).toContain("complete -c boomi-spaces -n '__fish_seen_subcommand_from apply' -l batch-size");
  });

  it('refuses an unknown shell with exit 2', async () => {
    const run = await runCli(['completion', 'tcsh'], { env: cleanEnv() });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Allowed choices are bash, zsh, fish');
  });
});

describe('subcommand help', () => {
  it('lists the global options a command uses', async () => {
    const run = await runCli(['install', '--help'], { env: cleanEnv() });
    expect(run.stdout).toContain('Global Options:');
    expect(run.stdout).toContain('--space-guid <guid>');
    expect(run.stdout).toContain('--json');
  });
});
