/** What completion reads of a commander program: names, long options, subcommands. */
interface CommandLike {
  name(): string;
  readonly options: ReadonlyArray<{ long?: string | undefined }>;
  readonly commands: readonly CommandLike[];
}

/** The shells `boomi-spaces completion` writes a script for. */
export type Shell = 'bash' | 'zsh' | 'fish';

interface Words {
  commands: string[];
  globals: string[];
  /** Each command's own options. */
  options: Map<string, string[]>;
}

/** Commands and long options, read from the program itself so completion never lags behind it. */
function wordsOf(program: CommandLike): Words {
  const longs = (command: CommandLike) => command.options.flatMap((o) => (o.long ? [o.long] : []));
  const commands = program.commands.map((c) => c.name());
  return {
    commands,
    globals: [...longs(program), '--help'],
    options: new Map(program.commands.map((c) => [c.name(), longs(c)])),
  };
}

function bash(name: string, { commands, globals, options }: Words): string {
  const cases = [...options]
    .map(([command, flags]) => `    ${command}) opts="${flags.join(' ')} ${globals.join(' ')}" ;;`)
    .join('\n');
  const fn = `_${name.replace(/[^A-Za-z0-9_]/g, '_')}_complete`;
  return `# ${name} completion for bash. Load it with: source <(${name} completion bash)
${fn}() {
  local cur command opts i
  cur="\${COMP_WORDS[COMP_CWORD]}"
  command=""
  for ((i = 1; i < COMP_CWORD; i++)); do
    case "\${COMP_WORDS[i]}" in -*) ;; *) command="\${COMP_WORDS[i]}"; break ;; esac
  done
  case "$command" in
${cases}
    *) opts="${commands.join(' ')} ${globals.join(' ')}" ;;
  esac
  if [[ -z "$command" && "$cur" != -* ]]; then opts="${commands.join(' ')}"; fi
  COMPREPLY=($(compgen -W "$opts" -- "$cur"))
}
complete -o default -F ${fn} ${name}
`;
}

function zsh(name: string, words: Words): string {
  // zsh runs bash completion functions through bashcompinit: one script to keep right, not two.
  return `#compdef ${name}
# ${name} completion for zsh. Load it with: source <(${name} completion zsh)
autoload -U +X bashcompinit && bashcompinit
${bash(name, words).split('\n').slice(1).join('\n')}`;
}

function fish(name: string, { commands, globals, options }: Words): string {
  const flag = (long: string) => long.replace(/^--/, '');
  const lines = [
    `# ${name} completion for fish. Load it with: ${name} completion fish | source`,
    `complete -c ${name} -f`,
    `complete -c ${name} -n '__fish_use_subcommand' -a '${commands.join(' ')}'`,
    ...globals.map((long) => `complete -c ${name} -l ${flag(long)}`),
    ...[...options].flatMap(([command, flags]) =>
      flags.map((long) => `complete -c ${name} -n '__fish_seen_subcommand_from ${command}' -l ${flag(long)}`),
    ),
  ];
  return `${lines.join('\n')}\n`;
}

/** The completion script for `shell`, covering every command and option of `program`. */
export function completionScript(program: CommandLike, shell: Shell): string {
  const words = wordsOf(program);
  const name = program.name();
  return shell === 'bash' ? bash(name, words) : shell === 'zsh' ? zsh(name, words) : fish(name, words);
}
