// The one wording of a file that cannot be read or written (missing, no permission, a directory…):
// the CLI's mapping and the plan module's reader say it alike, naming the path and what to do.
import { printable, shorten } from '../text/printable.js';

/** Node's error of a file operation, by shape: it may come from another realm (a vm context, tests). */
interface FileSystemError {
  message: string;
  code: string;
  path?: string;
}

// Each code's problem and usual next step; `path` is the named path, `what` that or Node's message.
const WORDING: Record<string, (path: string, what: string) => [problem: string, step: string]> = {
  ENOENT: (_, what) => [`no such file or directory: ${what}`, 'check the path'],
  EISDIR: (path) => [`${path} is a directory`, 'give a file'],
  ENOTDIR: (path) => [`${path}: part of the path is not a directory`, 'check the path'],
  EEXIST: (path) => [`${path} exists already`, 'remove it or pick another path'],
  EACCES: (_, what) => [`no permission to use ${what}`, 'check its permissions or pick another path'],
  EPERM: (_, what) => [`no permission to use ${what}`, 'check its permissions or pick another path'],
  EROFS: (path) => [`${path} is on a read-only file system`, 'pick another path'],
};

/**
 * A file operation's failure as `problem; next step` (`no such file or directory: plan.yaml; check
 * the path`), or undefined for any other error. `path` names the file where Node's error does not
 * (EISDIR from a read names none); `nextStep` replaces the usual one where the caller knows better.
 *
 * @example
 * describeFileError(error, { path: 'plan.yaml' }) ?? `cannot read plan.yaml: ${String(error)}`;
 */
export function describeFileError(
  error: unknown,
  { path, nextStep }: { path?: string; nextStep?: string } = {},
): string | undefined {
  const e = error as Partial<FileSystemError> | null;
  if (typeof e?.message !== 'string' || typeof e.code !== 'string' || !Object.hasOwn(WORDING, e.code)) return undefined;
  const named = e.path ?? path;
  const shown = named === undefined ? undefined : printable(shorten(named, 200));
  const [problem, step] = WORDING[e.code]!(shown ?? 'the path', shown ?? printable(e.message));
  return `${problem}; ${nextStep ?? step}`;
}
