import { closeSync, constants, fstatSync, openSync, readSync, statSync, type Stats } from 'node:fs';
import { isNode, isScalar, Lexer, LineCounter, Parser, parseDocument, visit } from 'yaml';
import { z } from 'zod';
import { INPUT_LIMITS } from '../api/limits.js';
import { MAX_SETTING_LENGTH } from '../api/lifecycle/extensionChanges.js';
import { cronToSchedule } from '../api/payloads/schedules.js';
import { printable, quote, shorten } from '../text/printable.js';

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
  spaceGuid?: string;
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
  name?: string;
  /** Environment ids or names to attach the instance to. */
  environments?: string[];
  /** Per environment (name or id, one of `environments`): connection fields and process properties. */
  extensions?: Record<string, PlanExtensions>;
  /** Per process (name or id): its schedules as 5-field cron lines (days of week 0 = Sunday). */
  schedules?: Record<string, string[]>;
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
  readonly code = 'INVALID_PLAN';
  constructor(readonly problems: string[]) {
    super(
      problems.length === 1
        ? problems[0]!
        : `${problems.length} problems in the plan:\n${problems.map((p) => `  - ${p}`).join('\n')}`,
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
  space: text('the space id', INPUT_LIMITS.maxIdLength),
  spaceGuid: text('a SPACE_GUID', INPUT_LIMITS.maxIdLength).optional(),
  instances: z
    .array(entrySchema, { error: 'expected a list of instances' })
    .max(PLAN_LIMITS.maxInstances, `expected at most ${PLAN_LIMITS.maxInstances} instances`),
});

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
  return parsePlan(readBoundedFile(file, PLAN_LIMITS.maxBytes), file);
}

/**
 * The file's text, read no further than `maxBytes` + 1. Only a regular file is read: a FIFO with no
 * writer would block the open itself, and `/dev/zero` never ends, so both are refused before reading.
 */
function readBoundedFile(file: string, maxBytes: number): string {
  const where = printable(shorten(file, 200));
  const cannotRead = (error: unknown) =>
    new PlanError([
      `${where}: cannot read the plan (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
    ]);
  const refuseUnusual = (stats: Stats) => {
    if (stats.isDirectory()) throw new PlanError([`${where}: is a directory, not a plan file`]);
    if (!stats.isFile())
      throw new PlanError([`${where}: is not a regular file (a pipe or a device); give a plan file`]);
    if (stats.size > maxBytes)
      throw new PlanError([`${where}: the plan is ${stats.size} bytes; at most ${maxBytes} are accepted`]);
  };
  let fd: number;
  try {
    refuseUnusual(statSync(file));
    // Non-blocking, and checked again once open: the path may have changed in between.
    fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    throw error instanceof PlanError ? error : cannotRead(error);
  }
  try {
    refuseUnusual(fstatSync(fd));
    const buffer = Buffer.alloc(maxBytes + 1);
    let length = 0;
    while (length < buffer.length) {
      const read = readSync(fd, buffer, length, buffer.length - length, null);
      if (read === 0) break;
      length += read;
    }
    if (length > maxBytes)
      throw new PlanError([`${where}: the plan is larger than ${maxBytes} bytes, the most accepted`]);
    return buffer.toString('utf8', 0, length);
  } catch (error) {
    throw error instanceof PlanError ? error : cannotRead(error);
  } finally {
    closeSync(fd);
  }
}

/**
 * Refuses a document nested deeper than `PLAN_LIMITS.maxDepth`, while it is tokenised: the parser
 * keeps its own stack, so this stops early, before the composer (which recurses) sees it.
 */
function checkDepth(source: string, file: string): void {
  const parser = new Parser();
  let offset = 0;
  for (const lexeme of new Lexer().lex(source)) {
    for (const token of parser.next(lexeme)) void token;
    if (parser.stack.length > PLAN_LIMITS.maxDepth) {
      const line = source.slice(0, offset).split('\n').length;
      throw new PlanError([
        `${file}:${line}: nested deeper than ${PLAN_LIMITS.maxDepth} levels; a plan needs about 10 (see the README's plan format)`,
      ]);
    }
    offset += lexeme.length;
  }
}

/** A key that would reach an object's prototype: refused wherever it stands, in YAML as in JSON. */
const FORBIDDEN_KEYS = new Set(['__proto__']);

function forbiddenKey(document: ReturnType<typeof parseDocument>, lineCounter: LineCounter): string | undefined {
  let found: string | undefined;
  visit(document, {
    Pair(_key, pair) {
      const key = isScalar(pair.key) ? pair.key.value : undefined;
      if (typeof key !== 'string' || !FORBIDDEN_KEYS.has(key)) return undefined;
      const at = isNode(pair.key) && pair.key.range ? lineCounter.linePos(pair.key.range[0]).line : undefined;
      found = `${at ? `:${at}` : ''}: the key ${quote(key)} is not accepted`;
      return visit.BREAK;
    },
  });
  return found;
}

/**
 * A plan from its text; `file` names it in messages. Throws a `PlanError` as {@link loadPlanFile} does.
 *
 * @example
 * ```ts
 * const plan = parsePlan('space: s-1\ninstances:\n  - pack: Order Intake\n', 'inline.yaml');
 * ```
 */
export function parsePlan(source: string, file: string): ParsedPlan {
  checkDepth(source, file);
  const lineCounter = new LineCounter();
  const document = parseDocument(source, { lineCounter, prettyErrors: true, uniqueKeys: true });
  if (document.errors.length > 0) {
    throw new PlanError(
      document.errors.map((error) => {
        const at = error.linePos?.[0];
        return `${file}${at ? `:${at.line}:${at.col}` : ''}: not valid YAML or JSON: ${error.message.split('\n')[0]}`;
      }),
    );
  }
  const forbidden = forbiddenKey(document, lineCounter);
  if (forbidden) throw new PlanError([`${file}${forbidden}`]);
  let value: unknown;
  try {
    value = (document.toJS({ maxAliasCount: PLAN_LIMITS.maxAliases }) as unknown) ?? {};
  } catch (error) {
    // yaml refuses an alias bomb with a ReferenceError; said in our words, the file named once.
    const what =
      error instanceof ReferenceError
        ? `its YAML aliases expand beyond ${PLAN_LIMITS.maxAliases} (an alias bomb); write the values out instead`
        : printable(shorten((error as Error).message.split('\n')[0] ?? '', 200));
    throw new PlanError([`${file}: not a usable plan: ${what}`]);
  }
  const parsed = planSchema.safeParse(value);
  const where = (path: ReadonlyArray<PropertyKey>) => {
    const line = lineOf(document, path, lineCounter);
    return `${file}${line ? `:${line}` : ''}: ${formatPath(path) || '(top level)'}`;
  };
  if (parsed.success) return { plan: parsed.data, file, where };
  throw new PlanError(
    parsed.error.issues.map((issue) => {
      const path = formatPath(issue.path);
      const where = issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0]!] : issue.path;
      const line = lineOf(document, where, lineCounter);
      const message =
        issue.code === 'unrecognized_keys'
          ? `unknown key ${issue.keys.map((k) => quote(k)).join(', ')}`
          : issue.message;
      return `${file}${line ? `:${line}` : ''}: ${path || '(top level)'}: ${friendly(message, issue.code)}`;
    }),
  );
}

function friendly(message: string, code: string): string {
  if (code === 'invalid_type' && /received undefined/.test(message))
    return message.replace(/, received undefined$/, '') + ' (missing)';
  return message;
}

/** `instances[1].name` for the path ['instances', 1, 'name']. */
function formatPath(path: ReadonlyArray<PropertyKey>): string {
  return path.reduce<string>(
    (out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${String(key)}` : String(key)),
    '',
  );
}

// The line of the deepest node of the path that exists in the document.
function lineOf(
  document: ReturnType<typeof parseDocument>,
  path: ReadonlyArray<PropertyKey>,
  lineCounter: LineCounter,
): number | undefined {
  for (let n = path.length; n >= 0; n--) {
    const node: unknown = n === 0 ? document.contents : document.getIn(path.slice(0, n) as unknown[], true);
    if (isNode(node) && node.range) return lineCounter.linePos(node.range[0]).line;
  }
  return undefined;
}
