import { execFileSync } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { Readable } from 'node:stream';
import { describe, expect, it } from '@jest/globals';
import type { CommandUnknownOpts } from '@commander-js/extra-typings';
import { createContext } from '../../src/cli/context.js';
import { buildProgram } from '../../src/cli/program.js';
import { Capture, cleanEnv, runCli } from './support/inProcess.js';

/** Every command of the tree with the words that reach it, the root's `[]` first. */
function commandTree(): Array<{ path: string[]; command: CommandUnknownOpts }> {
  const io = { stdout: new Capture(), stderr: new Capture(), env: {}, stdin: Readable.from([]) };
  const walk = (
    command: CommandUnknownOpts,
    path: string[],
  ): Array<{ path: string[]; command: CommandUnknownOpts }> => [
    { path, command },
    ...(command.commands as CommandUnknownOpts[]).flatMap((child) => walk(child, [...path, child.name()])),
  ];
  return walk(buildProgram(createContext({ ...io, signals: new EventEmitter() }, [])), []);
}

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

  it('bash: subcommands and their options at any depth, an option’s value never taken for a command', async () => {
    const { stdout: script } = await runCli(['completion', 'bash'], { env: cleanEnv() });
    expect(bashOffers(script, ['boomi-spaces', 'fleet', ''])).toEqual(['apply', 'help', 'plan', 'status', 'watch']);
    expect(bashOffers(script, ['boomi-spaces', 'fleet', 'p'])).toEqual(['plan']);
    expect(bashOffers(script, ['boomi-spaces', 'space', ''])).toEqual(['create', 'delete', 'help', 'update']);
    expect(bashOffers(script, ['boomi-spaces', 'fleet', 'apply', '--r'])).toEqual(['--region', '--resume']);
    expect(bashOffers(script, ['boomi-spaces', '--space-guid', 'fleet', 'fleet', 'p'])).toEqual(['plan']);
    expect(bashOffers(script, ['boomi-spaces', 'fleet', 'watch', '--status', 'COMPLETE'])).toEqual([
      'COMPLETE',
      'COMPLETE_WARN',
    ]);
    expect(bashOffers(script, ['boomi-spaces', 'completion', 'z'])).toEqual(['zsh']);
    expect(bashOffers(script, ['boomi-spaces', 'fleet', 'help', 'w'])).toEqual(['watch']);
  });

  it('bash: every command of the tree, and each one’s own options', async () => {
    const { stdout: script } = await runCli(['completion', 'bash'], { env: cleanEnv() });
    for (const { path, command } of commandTree()) {
      if (path.length > 0)
        expect(bashOffers(script, ['boomi-spaces', ...path.slice(0, -1), ''])).toContain(path.at(-1));
      const options = command.options.filter((o) => o.long && !o.hidden).map((o) => o.long);
      expect(bashOffers(script, ['boomi-spaces', ...path, '--'])).toEqual(expect.arrayContaining(options));
    }
  });

  it('fish and zsh: nested subcommands and their options', async () => {
    const zsh = await runCli(['completion', 'zsh'], { env: cleanEnv() });
    expect(zsh.stdout).toContain("'fleet apply') subs='' own='--yes --only --concurrency --resume'");
    const fish = await runCli(['completion', 'fish'], { env: cleanEnv() });
    expect(fish.stdout).toContain(
      "complete -c boomi-spaces -n '__boomi_spaces_at \"fleet\"' -a 'plan apply status watch help'",
    );
    expect(fish.stdout).toContain('complete -c boomi-spaces -n \'__boomi_spaces_under "fleet apply"\' -l resume\n');
    expect(fish.stdout).toContain(
      "complete -c boomi-spaces -n '__boomi_spaces_under \"fleet watch\"' -l status -x -a 'COMPLETE COMPLETE_WARN",
    );
    expect(fish.stdout).toContain(
      "complete -c boomi-spaces -n '__boomi_spaces_at \"space\"' -a 'create update delete help'",
    );
  });

  it('zsh loads the same function through bashcompinit; fish lists commands and options', async () => {
    const zsh = await runCli(['completion', 'zsh'], { env: cleanEnv() });
    expect(zsh.stdout).toMatch(/^#compdef boomi-spaces\n/);
    expect(zsh.stdout).toContain('bashcompinit');
    expect(zsh.stdout).toContain('complete -o default -F _boomi_spaces_complete boomi-spaces');
    const fish = await runCli(['completion', 'fish'], { env: cleanEnv() });
    expect(fish.stdout).toContain("complete -c boomi-spaces -n '__boomi_spaces_at \"\"' -a 'spaces space install");
    expect(fish.stdout).toContain('complete -c boomi-spaces -n \'__boomi_spaces_under "apply"\' -l batch-size -r');
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
