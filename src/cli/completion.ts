// Shell completion of the whole command tree, read from the program itself so it never lags behind:
// subcommands at any depth, each command's own options (and its parents', which it takes too), and
// the values an option or argument allows.

/** What completion reads of a commander option. */
interface OptionLike {
  long?: string | undefined;
  /** Takes a value (`<x>` or `[x]`). */
  required: boolean;
  optional: boolean;
  hidden: boolean;
  argChoices?: string[] | undefined;
}

/** What completion reads of a commander command. */
interface CommandLike {
  name(): string;
  readonly options: readonly OptionLike[];
  readonly registeredArguments: ReadonlyArray<{ argChoices?: string[] | undefined }>;
  readonly commands: readonly CommandLike[];
}

/** The shells `boomi-spaces completion` writes a script for. */
export type Shell = 'bash' | 'zsh' | 'fish';

/** One command of the tree, as the scripts need it. */
interface Node {
  /** Its words after the program's name: `fleet plan`; '' for the root. */
  path: string;
  subcommands: string[];
  /** Its own long options (its subcommands take them too); the root's include --help. */
  options: OptionLike[];
  /** The choices of its arguments (`completion bash|zsh|fish`). */
  argumentChoices: string[];
  /** Whether it takes an argument without choices: a file or free text, the shell's default completion. */
  freeArgument: boolean;
}

const HELP: OptionLike = { long: '--help', required: false, optional: false, hidden: false };

function nodesOf(command: CommandLike, path: string[] = [], siblings: string[] = []): Node[] {
  const shown = command.options.filter((o) => o.long !== undefined && !o.hidden);
  const subcommands = command.commands.map((c) => c.name());
  // A group's `help` takes the names of the group's commands.
  const help = command.name() === 'help' ? siblings.filter((name) => name !== 'help') : undefined;
  const node: Node = {
    path: path.join(' '),
    subcommands,
    options: path.length === 0 ? [...shown, HELP] : shown,
    argumentChoices: help ?? command.registeredArguments.flatMap((a) => a.argChoices ?? []),
    freeArgument: !help && command.registeredArguments.some((a) => !a.argChoices),
  };
  return [node, ...command.commands.flatMap((c) => nodesOf(c, [...path, c.name()], subcommands))];
}

const longs = (options: readonly OptionLike[]) => options.map((o) => o.long!);
const takesValue = (o: OptionLike) => o.required || o.optional;
/** A shell word in single quotes (commander's names and flags never hold one). */
const quoted = (words: string | readonly string[]) => `'${typeof words === 'string' ? words : words.join(' ')}'`;

function bash(name: string, nodes: Node[]): string {
  const fn = `_${name.replace(/[^A-Za-z0-9_]/g, '_')}`;
  const words = nodes.map(({ path, subcommands, options }) => {
    const [own, valued] = [longs(options), longs(options.filter(takesValue))];
    return `    ${quoted(path)}) subs=${quoted(subcommands)} own=${quoted(own)} ownValued=${quoted(valued)} ;;`;
  });
  const values = nodes.flatMap(({ path, options, argumentChoices }) => [
    ...options
      .filter((o) => o.argChoices)
      .map((o) => `    ${quoted(`${path}|${o.long}`)}) values=${quoted(o.argChoices!)} ;;`),
    ...(argumentChoices.length > 0 ? [`    ${quoted(`${path}|`)}) values=${quoted(argumentChoices)} ;;`] : []),
  ]);
  return `# ${name} completion for bash. Load it with: source <(${name} completion bash)
# ${fn}_words PATH: the subcommands, own options and own options taking a value of command PATH.
${fn}_words() {
  case "$1" in
${words.join('\n')}
    *) subs='' own='' ownValued='' ;;
  esac
}
# ${fn}_values 'PATH|--option' (or 'PATH|' for the arguments): the values allowed there.
${fn}_values() {
  case "$1" in
${values.join('\n')}
    *) values='' ;;
  esac
}
${fn}_complete() {
  local cur word i path='' paths=('') subs own ownValued opts valued values option=''
  cur="\${COMP_WORDS[COMP_CWORD]}"
  ${fn}_words ''
  opts="$own" valued="$ownValued"
  # Down the tree: a word that names a subcommand of where we are goes a level deeper; an option
  # that takes a value takes the next word (and an "=" bash splits off), which is never a command.
  for ((i = 1; i < COMP_CWORD; i++)); do
    word="\${COMP_WORDS[i]}"
    if [[ -n "$option" ]]; then
      [[ "$word" == "=" ]] || option=''
      continue
    fi
    case "$word" in
      -*) [[ " $valued " == *" $word "* ]] && option="$word" ;;
      *)
        if [[ " $subs " == *" $word "* ]]; then
          path="\${path:+$path }$word"
          paths+=("$path")
          ${fn}_words "$path"
          opts="$opts $own" valued="$valued $ownValued"
        fi
        ;;
    esac
  done
  if [[ -n "$option" ]]; then
    # The choices of the option whose value this is, from the command that defines it.
    for word in "\${paths[@]}"; do
      ${fn}_values "$word|$option"
      [[ -n "$values" ]] && break
    done
    COMPREPLY=($(compgen -W "$values" -- "$cur"))
  elif [[ "$cur" == -* ]]; then
    COMPREPLY=($(compgen -W "$opts" -- "$cur"))
  else
    ${fn}_values "$path|"
    COMPREPLY=($(compgen -W "$subs $values" -- "$cur"))
  fi
}
complete -o default -F ${fn}_complete ${name}
`;
}

function zsh(name: string, nodes: Node[]): string {
  // zsh runs bash completion functions through bashcompinit: one script to keep right, not two.
  return `#compdef ${name}
# ${name} completion for zsh. Load it with: source <(${name} completion zsh)
autoload -U +X bashcompinit && bashcompinit
${bash(name, nodes).split('\n').slice(1).join('\n')}`;
}

function fish(name: string, nodes: Node[]): string {
  const fn = `__${name.replace(/[^A-Za-z0-9_]/g, '_')}`;
  const cases = (lines: (node: Node) => string[]) =>
    nodes.flatMap((node) => {
      const words = lines(node);
      return words.length > 0
        ? [`        case ${quoted(node.path)}`, `            printf '%s\\n' ${words.join(' ')}`]
        : [];
    });
  const at = (path: string) => `-n ${quoted(`${fn}_at ${JSON.stringify(path)}`)}`;
  // An option is offered where it is defined and below: the root's everywhere.
  const under = (path: string) => (path === '' ? '' : ` -n ${quoted(`${fn}_under ${JSON.stringify(path)}`)}`);
  const option = (path: string, o: OptionLike) =>
    `complete -c ${name}${under(path)} -l ${o.long!.replace(/^--/, '')}${
      o.argChoices ? ` -x -a ${quoted(o.argChoices)}` : takesValue(o) ? ' -r' : ''
    }`;
  return [
    `# ${name} completion for fish. Load it with: ${name} completion fish | source`,
    `function ${fn}_subs --description 'the subcommands of command $argv[1]'`,
    '    switch "$argv[1]"',
    ...cases((node) => node.subcommands),
    '    end',
    'end',
    `function ${fn}_valued --description 'the options of command $argv[1] that take a value'`,
    '    switch "$argv[1]"',
    ...cases((node) => longs(node.options.filter(takesValue))),
    '    end',
    'end',
    `function ${fn}_path --description 'the command being typed: its words after ${name}'`,
    '    set -l path',
    `    set -l valued (${fn}_valued "")`,
    '    set -l value 0',
    '    set -l words (commandline -opc)',
    '    set -e words[1]',
    '    for word in $words',
    '        if test $value = 1',
    '            set value 0',
    "        else if string match -q -- '-*' $word",
    '            contains -- $word $valued; and set value 1',
    `        else if contains -- $word (${fn}_subs "$path")`,
    '            set -a path $word',
    `            set -a valued (${fn}_valued "$path")`,
    '        end',
    '    end',
    '    echo "$path"',
    'end',
    `function ${fn}_at --description 'whether the command being typed is $argv[1]'`,
    `    set -l path (${fn}_path)`,
    '    test "$path" = "$argv[1]"',
    'end',
    `function ${fn}_under --description 'whether the command being typed is $argv[1] or one of its subcommands'`,
    `    set -l path (${fn}_path)`,
    '    test "$path" = "$argv[1]"; or string match -q -- "$argv[1] *" "$path"',
    'end',
    `complete -c ${name} -f`,
    ...nodes.flatMap((node) => [
      ...(node.subcommands.length > 0 ? [`complete -c ${name} ${at(node.path)} -a ${quoted(node.subcommands)}`] : []),
      ...(node.argumentChoices.length > 0
        ? [`complete -c ${name} ${at(node.path)} -a ${quoted(node.argumentChoices)}`]
        : []),
      ...(node.freeArgument && node.subcommands.length === 0 ? [`complete -c ${name} ${at(node.path)} -F`] : []),
      ...node.options.map((o) => option(node.path, o)),
    ]),
  ].join('\n');
}

/** The completion script for `shell`, covering every command and option of `program`, at any depth. */
export function completionScript(program: CommandLike, shell: Shell): string {
  const nodes = nodesOf(program);
  const name = program.name();
  return shell === 'bash' ? bash(name, nodes) : shell === 'zsh' ? zsh(name, nodes) : `${fish(name, nodes)}\n`;
}
