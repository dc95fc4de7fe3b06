// The one reader of the plan module's files (plans and fleet files): bounded, regular files only,
// YAML or JSON parsed with its depth, aliases and keys checked, then the shape checked with zod,
// every problem named with its file and line.
import { closeSync, constants, fstatSync, openSync, readSync, statSync, type Stats } from 'node:fs';
import { isNode, isScalar, Lexer, LineCounter, Parser, parseDocument, visit } from 'yaml';
import type { z } from 'zod';
import { describeFileError } from '../errors/fileErrors.js';
import { printable, quote, shorten } from '../text/printable.js';

/** What a file is called in messages, the error its problems make, and its bounds. */
export interface SourceKind {
  /** `plan` or `fleet file`: "cannot read the plan". */
  what: string;
  /** The error made of every problem found. */
  fail: (problems: string[]) => Error;
  maxDepth: number;
  maxAliases: number;
  /** Told when nesting is too deep: "a plan needs about 10 (…)". */
  depthHint: string;
}

/** A file's value checked against its schema, with where each part of it stands in the file. */
export interface CheckedSource<T> {
  value: T;
  /** `plan.yaml:7: instances[1].name` for the path ['instances', 1, 'name']: file, line and path. */
  where: (path: ReadonlyArray<PropertyKey>) => string;
}

/**
 * The file's text, read no further than `maxBytes` + 1. Only a regular file is read: a FIFO with no
 * writer would block the open itself, and `/dev/zero` never ends, so both are refused before reading.
 */
export function readBoundedFile(file: string, maxBytes: number, kind: Pick<SourceKind, 'what' | 'fail'>): string {
  const where = printable(shorten(file, 200));
  const ours = new WeakSet<Error>();
  const fail = (problem: string) => {
    const error = kind.fail([`${where}: ${problem}`]);
    ours.add(error);
    return error;
  };
  const fileOf = kind.what.endsWith('file') ? kind.what : `${kind.what} file`;
  // A missing or unreadable file is worded as everywhere (describeFileError), naming the path.
  const cannotRead = (error: unknown) =>
    ours.has(error as Error)
      ? (error as Error)
      : kind.fail([
          describeFileError(error, { path: file }) ??
            `${where}: cannot read the ${kind.what}: ${error instanceof Error ? error.message : String(error)}`,
        ]);
  const refuseUnusual = (stats: Stats) => {
    if (stats.isDirectory()) throw fail(`is a directory, not a ${fileOf}`);
    if (!stats.isFile()) throw fail(`is not a regular file (a pipe or a device); give a ${fileOf}`);
    if (stats.size > maxBytes) throw fail(`the ${kind.what} is ${stats.size} bytes; at most ${maxBytes} are accepted`);
  };
  let fd: number;
  try {
    refuseUnusual(statSync(file));
    // Non-blocking, and checked again once open: the path may have changed in between.
    fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    throw cannotRead(error);
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
    if (length > maxBytes) throw fail(`the ${kind.what} is larger than ${maxBytes} bytes, the most accepted`);
    return buffer.toString('utf8', 0, length);
  } catch (error) {
    throw cannotRead(error);
  } finally {
    closeSync(fd);
  }
}

/**
 * Refuses a document nested deeper than `maxDepth`, while it is tokenised: the parser keeps its own
 * stack, so this stops early, before the composer (which recurses) sees it.
 */
function checkDepth(source: string, file: string, kind: SourceKind): void {
  const parser = new Parser();
  let offset = 0;
  for (const lexeme of new Lexer().lex(source)) {
    for (const token of parser.next(lexeme)) void token;
    if (parser.stack.length > kind.maxDepth) {
      const line = source.slice(0, offset).split('\n').length;
      throw kind.fail([`${file}:${line}: nested deeper than ${kind.maxDepth} levels; ${kind.depthHint}`]);
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
 * The value of a YAML or JSON text checked against `schema`; `file` names it in messages. `prepare`
 * may rewrite the plain value before the check (a fleet's variables), reporting problems with
 * `where`. Throws `kind.fail(problems)`, each problem with the file, line and path.
 */
export function parseChecked<S extends z.ZodType>(
  source: string,
  file: string,
  schema: S,
  kind: SourceKind,
  prepare?: (value: unknown, where: CheckedSource<unknown>['where']) => unknown,
): CheckedSource<z.output<S>> {
  checkDepth(source, file, kind);
  const lineCounter = new LineCounter();
  const document = parseDocument(source, { lineCounter, prettyErrors: true, uniqueKeys: true });
  if (document.errors.length > 0) {
    throw kind.fail(
      document.errors.map((error) => {
        const at = error.linePos?.[0];
        return `${file}${at ? `:${at.line}:${at.col}` : ''}: not valid YAML or JSON: ${error.message.split('\n')[0]}`;
      }),
    );
  }
  const forbidden = forbiddenKey(document, lineCounter);
  if (forbidden) throw kind.fail([`${file}${forbidden}`]);
  let value: unknown;
  try {
    value = (document.toJS({ maxAliasCount: kind.maxAliases }) as unknown) ?? {};
  } catch (error) {
    // yaml refuses an alias bomb with a ReferenceError; said in our words, the file named once.
    const what =
      error instanceof ReferenceError
        ? `its YAML aliases expand beyond ${kind.maxAliases} (an alias bomb); write the values out instead`
        : printable(shorten((error as Error).message.split('\n')[0] ?? '', 200));
    throw kind.fail([`${file}: not a usable ${kind.what}: ${what}`]);
  }
  const where = (path: ReadonlyArray<PropertyKey>) => {
    const line = lineOf(document, path, lineCounter);
    return `${file}${line ? `:${line}` : ''}: ${formatPath(path) || '(top level)'}`;
  };
  if (prepare) value = prepare(value, where);
  const parsed = schema.safeParse(value);
  if (parsed.success) return { value: parsed.data, where };
  throw kind.fail(
    parsed.error.issues.map((issue) => {
      const path = formatPath(issue.path);
      const at = issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0]!] : issue.path;
      const line = lineOf(document, at, lineCounter);
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
