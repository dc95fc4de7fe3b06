// A fleet file: one plan for many accounts, each with its SPACE_GUID, credentials (secrets from
// environment variables only) and variables; read and checked before anything is sent.
import { dirname, isAbsolute, join } from 'node:path';
import { z } from 'zod';
import { INPUT_LIMITS } from '../api/limits.js';
import { substituteVariables } from './fleetVariables.js';
import { parsePlan, PlanError, PLAN_LIMITS, readPlanSource, type ParsedPlan } from './planFile.js';
import { checkPlanVariables } from './resolvePlan.js';
import { FLEET_LIMITS } from './fleetLimits.js';
import { parseChecked, readBoundedFile, type SourceKind } from './yamlSource.js';

export { FLEET_LIMITS } from './fleetLimits.js';

/**
 * A fleet file that cannot be used: every problem names the file (or the plan), the line, and the
 * account and variable concerned. Nothing was sent.
 *
 * @example
 * ```ts
 * try {
 *   await loadFleetFile('fleet.yaml', { env: process.env });
 * } catch (error) {
 *   if (error instanceof FleetError) for (const problem of error.problems) console.error(problem);
 * }
 * ```
 */
export class FleetError extends PlanError {
  override name = 'FleetError';
  override readonly code = 'INVALID_FLEET' as const;
  constructor(problems: string[]) {
    super(problems, 'the fleet');
  }
}

/** Who one account's JWTs are minted for. */
export interface FleetCredentials {
  username: string;
  /** The environment variable the API token was read from. */
  apiTokenFrom: string;
  /** The API token: a function, so JSON and `console.log` of a fleet never show it. */
  apiToken: () => string;
}

/** One account of a fleet, its plan's variables filled in. */
export interface FleetAccount {
  id: string;
  name?: string | undefined;
  /** The SPACE_GUID header its client sends. */
  spaceGuid: string;
  vars: Readonly<Record<string, string>>;
  credentials: FleetCredentials;
  /** The fleet's plan with this account's `${…}` variables replaced. */
  plan: ParsedPlan;
}

/** A fleet file read and checked. */
export interface FleetFile {
  file: string;
  /** The plan file, relative to the fleet file's folder. */
  planFile: string;
  /** Accounts in flight at once (1 to 64, default 4). */
  concurrency: number;
  accounts: FleetAccount[];
}

const text = (what: string, max: number = INPUT_LIMITS.maxIdLength) =>
  z
    .string({ error: `expected ${what} (a string)` })
    .trim()
    .min(1, `expected ${what}, not an empty string`)
    .max(max, `expected ${what} of at most ${max} characters`);
const envName = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]{0,127}$/, 'expected an environment variable name');
const secret = z.strictObject(
  { fromEnv: envName },
  { error: 'a secret is read from an environment variable only: write { fromEnv: VARIABLE }, never the value' },
);
const credentials = z.strictObject({ username: text('a username').optional(), apiToken: secret.optional() });
const accountId = text('an account id', 128).regex(
  /^[A-Za-z0-9][A-Za-z0-9._-]*$/,
  'expected an account id (letters, digits, ".", "_" and "-")',
);
const vars = z
  .record(
    z.string().regex(/^[A-Za-z_][A-Za-z0-9_]{0,63}$/, 'expected a variable name (letters, digits and "_")'),
    z.union([
      z.string().max(FLEET_LIMITS.maxVarLength, `expected at most ${FLEET_LIMITS.maxVarLength} characters`),
      z.union([z.number(), z.boolean()]).transform(String),
    ]),
  )
  .refine((v) => Object.keys(v).length <= FLEET_LIMITS.maxVars, `expected at most ${FLEET_LIMITS.maxVars} variables`);
const account = z.strictObject({
  id: accountId,
  name: text('an account name', INPUT_LIMITS.maxNameLength).optional(),
  spaceGuid: text('the SPACE_GUID of the account'),
  credentials: credentials.optional(),
  vars: vars.optional(),
});
const fleetSchema = z.strictObject({
  plan: text('the plan file, relative to the fleet file', 4096),
  concurrency: z
    .number({ error: 'expected a number of accounts in flight' })
    .int('expected a whole number')
    .min(1, 'expected at least 1')
    .max(FLEET_LIMITS.maxConcurrency, `expected at most ${FLEET_LIMITS.maxConcurrency}`)
    .default(4),
  defaults: z.strictObject({ credentials: credentials.optional() }).optional(),
  accounts: z
    .array(account, { error: 'expected a list of accounts' })
    .min(1, 'expected at least one account')
    .max(FLEET_LIMITS.maxAccounts, `expected at most ${FLEET_LIMITS.maxAccounts} accounts`)
    .superRefine((accounts, context) => {
      const seen = new Map<string, number>();
      accounts.forEach((a, i) => {
        const first = seen.get(a.id);
        if (first === undefined) seen.set(a.id, i);
        else context.addIssue({ code: 'custom', path: [i, 'id'], message: `duplicates accounts[${first}].id ${a.id}` });
      });
    }),
});

const FLEET_KIND: SourceKind = {
  what: 'fleet file',
  fail: (problems) => new FleetError(problems),
  maxDepth: 16,
  maxAliases: PLAN_LIMITS.maxAliases,
  depthHint: 'a fleet file needs about 5',
};

/** How {@link loadFleetFile} reads a fleet. */
export interface LoadFleetOptions {
  /** Where `fromEnv` values (API tokens, the plan's secrets) are read. Default `process.env`. */
  env?: Readonly<Record<string, string | undefined>> | undefined;
}

/**
 * Reads a YAML or JSON fleet file and its plan, and makes each account's plan (its `${account.id}`,
 * `${account.name}` and `${vars.NAME}` filled in) and credentials. Every problem (an unknown
 * variable, an unset environment variable, a duplicate account, a literal secret) is reported at
 * once in a {@link FleetError} naming the file, line, account and variable, before anything is sent;
 * a plan that cannot be read is a FleetError at the `plan:` key, one that does not parse a `PlanError`.
 *
 * @example
 * ```ts
 * import { loadFleetFile } from 'boomi-spaces/plan';
 *
 * const fleet = await loadFleetFile('fleet.yaml', { env: process.env });
 * for (const account of fleet.accounts) console.log(account.id, account.plan.plan.instances.length);
 * ```
 */
export function loadFleetFile(file: string, { env = process.env }: LoadFleetOptions = {}): Promise<FleetFile> {
  // The executor's throw is the promise's rejection.
  return new Promise((resolve) => resolve(readFleet(file, env)));
}

function readFleet(file: string, env: Readonly<Record<string, string | undefined>>): FleetFile {
  const { value: fleet, where } = parseChecked(
    readBoundedFile(file, FLEET_LIMITS.maxBytes, FLEET_KIND),
    file,
    fleetSchema,
    FLEET_KIND,
  );
  const planFile = isAbsolute(fleet.plan) ? fleet.plan : join(dirname(file), fleet.plan);
  const source = readPlan(planFile, where(['plan']));
  parsePlan(source, planFile); // the plan's own problems once, not once per account
  const problems = new Set<string>();
  const accounts = fleet.accounts.map((entry, index): FleetAccount => {
    const found: string[] = [];
    const variables = { account: { id: entry.id, ...(entry.name && { name: entry.name }) }, vars: entry.vars ?? {} };
    let plan: ParsedPlan | undefined;
    try {
      plan = parsePlan(source, planFile, {
        substitute: (value, at) => substituteVariables(value, variables, at, found),
      });
      if (found.length === 0) checkPlanVariables(plan, env);
    } catch (error) {
      if (!(error instanceof PlanError)) throw error;
      found.push(...error.problems.map((p) => `account ${entry.id}: ${p}`));
    }
    const creds = credentialsOf(
      entry,
      fleet.defaults?.credentials,
      (path) => where(['accounts', index, ...path]),
      env,
      found,
    );
    found.forEach((p) => problems.add(p));
    return { ...variables.account, spaceGuid: entry.spaceGuid, vars: variables.vars, credentials: creds, plan: plan! };
  });
  if (problems.size > 0) throw new FleetError([...problems]);
  return { file, planFile, concurrency: fleet.concurrency, accounts };
}

/** The plan the fleet names; one it cannot read is the fleet file's problem, at its `plan:` key. */
function readPlan(planFile: string, at: string): string {
  try {
    return readPlanSource(planFile);
  } catch (error) {
    if (!(error instanceof PlanError)) throw error;
    throw new FleetError(error.problems.map((problem) => `${at}: ${problem}`));
  }
}

type Credentials = z.output<typeof credentials>;

/** The account's credentials over the defaults; the API token read from its variable. */
function credentialsOf(
  entry: { id: string; credentials?: Credentials | undefined },
  defaults: Credentials | undefined,
  at: (path: PropertyKey[]) => string,
  env: Readonly<Record<string, string | undefined>>,
  problems: string[],
): FleetCredentials {
  const username = entry.credentials?.username ?? defaults?.username;
  const token = entry.credentials?.apiToken ?? defaults?.apiToken;
  if (!username)
    problems.push(
      `${at(['credentials'])}: account ${entry.id} has no username (credentials.username, or defaults.credentials.username)`,
    );
  if (!token)
    problems.push(
      `${at(['credentials'])}: account ${entry.id} has no API token (credentials.apiToken: { fromEnv: VARIABLE }, or under defaults.credentials)`,
    );
  else if (!env[token.fromEnv]?.trim())
    problems.push(
      `${at(['credentials', 'apiToken'])}: the environment variable ${token.fromEnv} (the API token of account ${entry.id}) is not set`,
    );
  const value = token ? (env[token.fromEnv]?.trim() ?? '') : '';
  return { username: username ?? '', apiTokenFrom: token?.fromEnv ?? '', apiToken: () => value };
}
