/**
 * Every command the README's tour, the demo's last lines and the simulator's banner print works as
 * printed after the README's setup (`npm ci`, `npm run build`, `npm link`). `npm link` puts a
 * `boomi-spaces` symlink to the file package.json's "bin" names on the PATH; this test makes the same symlink in a
 * directory of its own and runs the printed lines through `sh`, so names, quoting and the banner's
 * `export` line are tested as a user pastes them. It extracts commands, never whole messages.
 * Needs the build (`npm run build`).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { watch } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { cleanEnv, outputOf, type CliRun } from '../support/cli.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const bin = mkdtempSync(join(tmpdir(), 'boomi-spaces-link-'));
// The file `npm link` links: package.json's "bin".
const linked = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { bin: Record<string, string> }).bin[
  'boomi-spaces'
]!;
symlinkSync(join(root, linked), join(bin, 'boomi-spaces'));
// `--open` starts the desktop's browser: a stand-in records the URL instead.
const opened = join(bin, 'opened.txt');

/** The file's text once it ends with a line (watching its folder: no polling, no time bound). */
async function untilWritten(file: string): Promise<string> {
  const stop = new AbortController();
  const events = watch(dirname(file), { signal: stop.signal })[Symbol.asyncIterator]();
  try {
    for (;;) {
      const text = existsSync(file) ? readFileSync(file, 'utf8') : '';
      if (text.endsWith('\n')) return text;
      await events.next();
    }
  } finally {
    stop.abort();
  }
}
for (const opener of ['xdg-open', 'open']) {
  writeFileSync(join(bin, opener), `#!/bin/sh\necho "$1" >> "${opened}"\n`);
  chmodSync(join(bin, opener), 0o755);
}
const env = cleanEnv({ PATH: `${bin}:${process.env.PATH ?? ''}` });
const children: ChildProcess[] = [];
afterAll(() => {
  for (const child of children) {
    if (child.exitCode === null && child.signalCode === null && child.pid) process.kill(-child.pid, 'SIGINT');
  }
  rmSync(bin, { recursive: true, force: true });
});

/** Runs a script through `sh -e` as a user's shell would. */
function sh(script: string, cwd = root): Promise<CliRun> {
  return outputOf(spawn('sh', ['-e', '-c', script], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] }));
}

/**
 * Starts a server command (simulator, console) as printed and resolves with its output once it
 * matches `ready`. Printed commands listen on fixed ports (4000, 4600); `--port 0` is appended so
 * tests running side by side cannot collide: the only change to what is printed.
 */
function serve(command: string, ready: RegExp): Promise<{ child: ChildProcess; output: string }> {
  // A process group of its own: Ctrl+C reaches the server behind `npm run` as it does in a terminal.
  const child = spawn('sh', ['-c', `exec ${command} --port 0`], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  children.push(child);
  let output = '';
  return new Promise((resolve, reject) => {
    const check = (chunk: Buffer) => {
      output += chunk.toString();
      if (ready.test(output)) resolve({ child, output });
    };
    child.stdout.on('data', check);
    child.stderr.on('data', check);
    child.on('close', (code) => reject(new Error(`${command} ended (${code}) before it was ready:\n${output}`)));
  });
}

/** Stops a server with Ctrl+C (to its process group, as a terminal does) and resolves with its exit code. */
function stop(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    child.removeAllListeners('close');
    child.on('close', (code) => resolve(code));
    process.kill(-child.pid!, 'SIGINT');
  });
}

/** The shell lines of the README's block marked `<!-- commands: … -->`. */
function readmeCommands(): string[] {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const block = /<!-- commands:[^>]*-->\n```sh\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
  return block.split('\n').filter((line) => line.trim() !== '' && !line.startsWith('#'));
}

/** The banner's lines between "Try it from another shell:" and "Press Ctrl+C", as printed. */
function bannerCommands(banner: string): string[] {
  const after = banner.split('Try it from another shell:')[1]?.split('Press Ctrl+C')[0] ?? '';
  return after
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

describe('printed commands, run as printed', () => {
  // The demo spends most of its time waiting for its simulator's runs: it starts with the file and
  // runs beside the tests before its own. (The catch only keeps a failure to start from being
  // reported early; the test awaiting it still fails.)
  let demo: Promise<CliRun>;
  beforeAll(() => {
    demo = sh('boomi-spaces demo');
    demo.catch(() => undefined);
  });

  it('the simulator banner: its export line and its command work from another shell, anywhere', async () => {
    const { child, output } = await serve('boomi-spaces simulator', /Press Ctrl\+C/);
    const lines = bannerCommands(output);
    expect(lines[0]).toMatch(/^export BOOMI_ENDPOINT=http:\/\/127\.0\.0\.1:\d+\/graphql /);
    expect(lines.slice(1)).toEqual([expect.stringMatching(/^boomi-spaces space \S+$/)]);
    const ran = await sh(lines.join('\n'), tmpdir());
    expect(ran.stderr).toBe('');
    expect(ran.code).toBe(0);
    expect(ran.stdout).toContain('Invoice Sync');
    expect(await stop(child)).toBe(0);
  });

  it("the README's tour, after the banner's export line, from the clone's root", async () => {
    const { child, output } = await serve('boomi-spaces simulator', /Press Ctrl\+C/);
    const [exportLine] = bannerCommands(output);
    const tour = readmeCommands();
    expect(tour.length).toBeGreaterThanOrEqual(5);
    expect(tour.every((line) => line.startsWith('boomi-spaces '))).toBe(true);
    const ran = await sh([exportLine!, ...tour].join('\n'));
    expect(ran.stderr).not.toMatch(/error/);
    expect(ran.code).toBe(0);
    expect(ran.stdout).toContain('EU invoices');
    expect(await stop(child)).toBe(0);
  });

  it("the demo's last lines: each command they name starts as printed", async () => {
    const { code, stdout, stderr } = await demo;
    expect(code).toBe(0);
    const closing = `${stdout}${stderr}`.split('Demo complete.')[1] ?? '';
    const commands = [...closing.matchAll(/`((?:npx boomi-spaces|boomi-spaces|npm run) [^`]+)`/g)].map((m) => m[1]!);
    expect(commands).toEqual(
      expect.arrayContaining(['boomi-spaces simulator', 'boomi-spaces console --simulator --open', 'npm run console']),
    );
    // The servers start side by side: each listens on a port of its own, in a process group of its own.
    await Promise.all(
      commands.map(async (command) => {
        // Servers: the simulator says it listens; the console prints its URL with a token.
        const ready = command.includes('console') ? /http:\/\/127\.0\.0\.1:\d+\/\?token=\S+/ : /Press Ctrl\+C/;
        const printed = command.startsWith('npm run') ? `${command} --` : command;
        const { child, output } = await serve(printed, ready);
        expect(output).toMatch(ready);
        // The CLI ends with 0 on Ctrl+C; npm itself dies of the signal the terminal sends its group.
        expect(await stop(child)).toBe(command.startsWith('npm run') ? null : 0);
      }),
    );
    // `--open` handed the console's token URL to the desktop's opener.
    // The opener runs detached and may finish after the console has stopped: wait for its line.
    expect(await untilWritten(opened)).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=\S+\n$/);
  });
});
