import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const CLI = fileURLToPath(new URL('../../dist/cli/main.js', import.meta.url));

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The environment without any BOOMI_* variable of the machine running the tests. */
export function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('BOOMI_')));
  return { ...env, NO_COLOR: '1', ...extra };
}

/**
 * Runs the built CLI (or another `script`) as a separate process, asynchronously, so a simulator in
 * this process keeps answering.
 */
export function runCli(
  args: string[],
  {
    env = cleanEnv(),
    input,
    script = CLI,
    cwd,
  }: { env?: NodeJS.ProcessEnv; input?: string; script?: string; cwd?: string } = {},
): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], { env, cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    outputOf(child).then(resolve, reject);
    child.stdin.end(input ?? '');
  });
}

/** What a spawned process printed, and its exit code, once it has closed. */
export function outputOf(child: ChildProcess): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code: number | null) => resolve({ code, stdout, stderr }));
  });
}
