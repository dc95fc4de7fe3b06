// `${account.id}`, `${account.name}` and `${vars.NAME}` in a plan's values, per account of a fleet.

/** What one account's plan may name. */
export interface FleetVariables {
  account: { id: string; name?: string };
  vars: Readonly<Record<string, string>>;
}

/** `${…}`, or `$${…}` for a literal `${…}`. */
const VARIABLE = /\$(\$?)\{([^{}]*)\}/g;

/**
 * `text` with its variables replaced. An unknown variable is a problem pushed to `problems` (with
 * `at()` saying where); the text is then returned as it was.
 */
export function substituteVariables(
  text: string,
  { account, vars }: FleetVariables,
  at: () => string,
  problems: string[],
): string {
  if (!text.includes('${')) return text;
  return text.replace(VARIABLE, (whole, escaped: string, name: string) => {
    if (escaped) return whole.slice(1);
    const value = valueOf(name.trim(), account, vars);
    if (value !== undefined) return value;
    problems.push(`${at()}: unknown variable \${${name}} for account ${account.id} (${hint(account, vars)})`);
    return whole;
  });
}

function valueOf(name: string, account: FleetVariables['account'], vars: FleetVariables['vars']) {
  if (name === 'account.id') return account.id;
  if (name === 'account.name') return account.name;
  if (name.startsWith('vars.') && Object.hasOwn(vars, name.slice(5))) return vars[name.slice(5)];
  return undefined;
}

function hint(account: FleetVariables['account'], vars: FleetVariables['vars']): string {
  const known = [
    '${account.id}',
    ...(account.name === undefined ? [] : ['${account.name}']),
    ...Object.keys(vars).map((name) => `\${vars.${name}}`),
  ];
  return `known: ${known.join(', ')}; add it under the account's vars in the fleet file`;
}
