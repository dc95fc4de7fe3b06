// --on-error CMD: the user's shell command, given one execution as JSON on its standard input.
import { spawn } from 'node:child_process';
import type { Writable } from 'node:stream';
import { safeJson } from '../../text/printable.js';

/** How long one --on-error command may run before it is stopped. */
const ON_ERROR_TIMEOUT_MS = 60_000;

/** The credentials the CLI reads: never handed to the command (it needs none to read its stdin). */
const CREDENTIALS = new Set(['BOOMI_API_TOKEN', 'BOOMI_JWT']);

export interface OnErrorRun {
  /** The command's exit code; null when it was stopped by a signal (the timeout's too). */
  code: number | null;
  timedOut: boolean;
}

/**
 * Runs `command` through the shell with `payload` as JSON on stdin; its stdout and stderr go to
 * `stderr` (the watch's own stdout stays one line per execution). Never rejects: a command that
 * cannot start resolves like one that failed.
 */
export function runOnErrorCommand(
  command: string,
  payload: unknown,
  io: { stderr: Writable; env: Readonly<Record<string, string | undefined>> },
  timeoutMs = ON_ERROR_TIMEOUT_MS,
): Promise<OnErrorRun> {
  const env = Object.fromEntries(Object.entries(io.env).filter(([name]) => !CREDENTIALS.has(name)));
  return new Promise((resolve) => {
    const child = spawn(command, { shell: true, env, stdio: ['pipe', 'pipe', 'pipe'], timeout: timeoutMs });
    let timedOut = false;
    const timer = setTimeout(() => (timedOut = true), timeoutMs);
    for (const stream of [child.stdout, child.stderr]) stream.on('data', (chunk: Buffer) => io.stderr.write(chunk));
    // A command that does not read its input closes the pipe: that is its choice, not a failure.
    child.stdin.on('error', () => undefined);
    child.stdin.end(`${safeJson(payload)}\n`);
    const done = (code: number | null) => {
      clearTimeout(timer);
      resolve({ code, timedOut });
    };
    child.once('error', () => done(127));
    child.once('close', (code) => done(code));
  });
}
