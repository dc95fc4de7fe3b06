import { readFileSync } from 'node:fs';
import { isNode, LineCounter, parseDocument } from 'yaml';
import { z } from 'zod';

/** A plan file: the desired instances of one Space's packs. */
export interface PlanFile {
  /** The Space whose shared packs are used. */
  space: string;
  /** The SPACE_GUID header to send; else the CLI's `--space-guid` / `BOOMI_SPACE_GUID`. */
  spaceGuid?: string;
  instances: PlanEntry[];
}

/** One desired instance. */
export interface PlanEntry {
  /** Pack id, or the exact pack name in the Space. */
  pack: string;
  /** The override name: MULTI packs only. */
  name?: string;
  /** Environment ids or names to attach the instance to. */
  environments?: string[];
}

/** A plan that cannot be used; every problem names the file, where in it, and what was expected. */
export class PlanError extends Error {
  override name = 'PlanError';
  readonly code = 'INVALID_PLAN';
  constructor(readonly problems: string[]) {
    super(problems.length === 1 ? problems[0]! : `${problems.length} problems in the plan:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

const text = (what: string) => z.string({ error: `expected ${what} (a string)` }).trim().min(1, `expected ${what}, not an empty string`);

const entrySchema = z.strictObject({
  pack: text('a pack id or exact pack name'),
  name: text('an instance name').optional(),
  environments: z.array(text('an environment id or name'), { error: 'expected a list of environment ids or names' }).optional(),
});

const planSchema = z.strictObject({
  space: text('the space id'),
  spaceGuid: text('a SPACE_GUID').optional(),
  instances: z.array(entrySchema, { error: 'expected a list of instances' }),
});

/** Reads a YAML or JSON plan file (JSON is YAML) and checks its shape. */
export function readPlanFile(file: string): PlanFile {
  let source: string;
  try {
    source = readFileSync(file, 'utf8');
  } catch (error) {
    throw new PlanError([`${file}: cannot read the plan (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`]);
  }
  return parsePlan(source, file);
}

export function parsePlan(source: string, file: string): PlanFile {
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
  const parsed = planSchema.safeParse(document.toJS() ?? {});
  if (parsed.success) return parsed.data;
  throw new PlanError(
    parsed.error.issues.map((issue) => {
      const path = formatPath(issue.path);
      const where = issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0]!] : issue.path;
      const line = lineOf(document, where, lineCounter);
      const message = issue.code === 'unrecognized_keys' ? `unknown key ${issue.keys.map((k) => `"${k}"`).join(', ')}` : issue.message;
      return `${file}${line ? `:${line}` : ''}: ${path || '(top level)'}: ${friendly(message, issue.code)}`;
    }),
  );
}

function friendly(message: string, code: string): string {
  if (code === 'invalid_type' && /received undefined/.test(message)) return message.replace(/, received undefined$/, '') + ' (missing)';
  return message;
}

/** `instances[1].name` for the path ['instances', 1, 'name']. */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  return path.reduce<string>((out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${String(key)}` : String(key)), '');
}

// The line of the deepest node of the path that exists in the document.
function lineOf(document: ReturnType<typeof parseDocument>, path: ReadonlyArray<PropertyKey>, lineCounter: LineCounter): number | undefined {
  for (let n = path.length; n >= 0; n--) {
    const node = n === 0 ? document.contents : document.getIn(path.slice(0, n) as unknown[], true);
    if (isNode(node) && node.range) return lineCounter.linePos(node.range[0]).line;
  }
  return undefined;
}
