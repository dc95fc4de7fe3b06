import { z } from 'zod';
import { INPUT_LIMITS } from '../api/limits.js';
import { MAX_SETTING_LENGTH } from '../api/lifecycle/extensionChanges.js';
import { cronToSchedule } from '../api/payloads/schedules.js';
import { parseChecked, readBoundedFile, type SourceKind } from './yamlSource.js';

/** Bounds of a plan file, checked before it is parsed or anything is sent. */
export const PLAN_LIMITS = {
  /** Bytes in a plan file. */
  maxBytes: 5 * 1024 * 1024,
  /** Entries under `instances`. */
  maxInstances: 10_000,
  /** Environments in one entry. */
  maxEnvironments: INPUT_LIMITS.maxEnvironmentIds,
  /** YAML aliases resolved in one plan (an alias bomb makes billions of nodes out of a few lines). */
  maxAliases: 100,
  /** Nesting of collections while parsing (a plan needs about 10; parsing and checking recurse). */
  maxDepth: 64,
} as const;

/** A plan file: the desired instances of one Space's packs. */
export interface PlanFile {
  /** The Space whose shared packs are used. */
  space: string;
  /** The SPACE_GUID header to send; else the CLI's `--space-guid` / `BOOMI_SPACE_GUID`. */
  spaceGuid?: string | undefined;
  instances: PlanEntry[];
}

/** A setting's wanted value: a value, a secret from an environment variable, or the pack's default. */
export type PlanValue = string | { fromEnv: string } | { useDefault: true };

/** Component (connection or process property component, by name or id) → setting → value. */
export type PlanSettings = Record<string, Record<string, PlanValue>>;

/** The settings an instance should have in one environment. */
export interface PlanExtensions {
  connections?: PlanSettings;
  processProperties?: PlanSettings;
}

/** One desired instance. */
export interface PlanEntry {
  /** Pack id, or the exact pack name in the Space. */
  pack: string;
  /** The override name: MULTI packs only. */
  name?: string | undefined;
  /** Environment ids or names to attach the instance to. */
  environments?: string[] | undefined;
  /** Per environment (name or id, one of `environments`): connection fields and process properties. */
  extensions?: Record<string, PlanExtensions> | undefined;
  /** Per process (name or id): its schedules as 5-field cron lines (days of week 0 = Sunday). */
  schedules?: Record<string, string[]> | undefined;
}

/** A plan file read and checked, with where each part of it stands in the file. */
export interface ParsedPlan {
  plan: PlanFile;
  file: string;
  /** `plan.yaml:7: instances[1].name` for the path ['instances', 1, 'name']: file, line and path, for messages. */
  where: (path: ReadonlyArray<PropertyKey>) => string;
}

/**
 * A plan that cannot be used; every problem names the file, where in it, and what was expected.
 *
 * @example
 * ```ts
 * try {
 *   loadPlanFile('plan.yaml');
 * } catch (error) {
 *   if (error instanceof PlanError) for (const problem of error.problems) console.error(problem);
 * }
 * ```
 */
export class PlanError extends Error {
  override name = 'PlanError';
  /** `INVALID_FLEET` for a fleet file's problems (`FleetError`). */
  readonly code: 'INVALID_PLAN' | 'INVALID_FLEET' = 'INVALID_PLAN';
  constructor(
    readonly problems: string[],
    what = 'the plan',
  ) {
    super(
      problems.length === 1
        ? problems[0]!
        : `${problems.length} problems in ${what}:\n${problems.map((p) => `  - ${p}`).join('\n')}`,
    );
  }
}

const text = (what: string, max: number) =>
  z
    .string({ error: `expected ${what} (a string)` })
    .trim()
    .min(1, `expected ${what}, not an empty string`)
    .max(max, {
      error: (issue) => `expected ${what} of at most ${max} characters, got ${(issue.input as string).length}`,
    });

const settingValue = z.union(
  [
    z.string().max(MAX_SETTING_LENGTH, `expected a value of at most ${MAX_SETTING_LENGTH} characters`),
    z.union([z.number(), z.boolean()]).transform(String),
    z.strictObject({
      fromEnv: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]{0,127}$/, 'expected an environment variable name'),
    }),
    z.strictObject({ useDefault: z.literal(true) }),
  ],
  { error: 'expected a value, { fromEnv: VARIABLE } or { useDefault: true }' },
);
const settings = z.record(
  text('a connection or component name', INPUT_LIMITS.maxNameLength),
  z.record(text('a field or property', INPUT_LIMITS.maxNameLength), settingValue),
);
const cronLine = z.string({ error: 'expected a cron line (a string)' }).superRefine((line, context) => {
  try {
    cronToSchedule(line);
  } catch (error) {
    context.addIssue({ code: 'custom', message: (error as Error).message });
  }
});

const entrySchema = z.strictObject({
  pack: text('a pack id or exact pack name', INPUT_LIMITS.maxIdLength),
  name: text('an instance name', INPUT_LIMITS.maxNameLength).optional(),
  environments: z
    .array(text('an environment id or name', INPUT_LIMITS.maxIdLength), {
      error: 'expected a list of environment ids or names',
    })
    .max(PLAN_LIMITS.maxEnvironments, `expected at most ${PLAN_LIMITS.maxEnvironments} environments`)
    .optional(),
  extensions: z
    .record(
      text('an environment name or id', INPUT_LIMITS.maxIdLength),
      z.strictObject({ connections: settings.optional(), processProperties: settings.optional() }),
    )
    .optional(),
  schedules: z
    .record(
      text('a process name or id', INPUT_LIMITS.maxNameLength),
      z.array(cronLine, { error: 'expected a list of cron lines' }).max(100, 'expected at most 100 schedules'),
    )
    .optional(),
});

const planSchema = z.strictObject({
  space: text('the space id or name', INPUT_LIMITS.maxIdLength),
  spaceGuid: text('a SPACE_GUID', INPUT_LIMITS.maxIdLength).optional(),
  instances: z
    .array(entrySchema, { error: 'expected a list of instances' })
    .max(PLAN_LIMITS.maxInstances, `expected at most ${PLAN_LIMITS.maxInstances} instances`),
});

const PLAN_KIND: SourceKind = {
  what: 'plan',
  fail: (problems) => new PlanError(problems),
  maxDepth: PLAN_LIMITS.maxDepth,
  maxAliases: PLAN_LIMITS.maxAliases,
  depthHint: "a plan needs about 10 (see the README's plan format)",
};

/**
 * Reads a YAML or JSON plan file (JSON is YAML) of at most `PLAN_LIMITS.maxBytes` and checks its
 * shape. Throws a `PlanError` listing every problem, each with the file, line and path.
 *
 * @example
 * ```ts
 * import { loadPlanFile } from 'boomi-spaces/plan';
 *
 * const plan = loadPlanFile('plan.yaml');
 * console.log(plan.plan.instances.length, 'instances wanted in space', plan.plan.space);
 * ```
 */
export function loadPlanFile(file: string): ParsedPlan {
  return parsePlan(readPlanSource(file), file);
}

/** A plan file's text, bounded and from a regular file only; a `PlanError` when it cannot be read. */
export function readPlanSource(file: string): string {
  return readBoundedFile(file, PLAN_LIMITS.maxBytes, PLAN_KIND);
}

/** How {@link parsePlan} reads a plan. */
export interface ParsePlanOptions {
  /**
   * Rewrites each string value (never a key) before the plan is checked: a fleet's `${…}`
   * variables. `at` says where the value stands (file, line and path), for its problems.
   */
  substitute?: ((value: string, at: () => string) => string) | undefined;
}

/**
 * A plan from its text; `file` names it in messages. Throws a `PlanError` as {@link loadPlanFile} does.
 *
 * @example
 * ```ts
 * const plan = parsePlan('space: s-1\ninstances:\n  - pack: Order Intake\n', 'inline.yaml');
 * ```
 */
export function parsePlan(source: string, file: string, { substitute }: ParsePlanOptions = {}): ParsedPlan {
  const { value, where } = parseChecked(
    source,
    file,
    planSchema,
    PLAN_KIND,
    substitute && ((plain, at) => mapStrings(plain, [], (text, path) => substitute(text, () => at(path)))),
  );
  return { plan: value, file, where };
}

/** The value with every string (not keys) passed through `map`, with its path. */
function mapStrings(value: unknown, path: PropertyKey[], map: (text: string, path: PropertyKey[]) => string): unknown {
  if (typeof value === 'string') return map(value, path);
  if (Array.isArray(value)) return value.map((item, i) => mapStrings(item, [...path, i], map));
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mapStrings(v, [...path, k], map)]));
  return value;
}
