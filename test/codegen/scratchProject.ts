import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll } from '@jest/globals';

const root = fileURLToPath(new URL('../../', import.meta.url));

/** Scratch copies of what codegen reads and writes, sharing our node_modules; removed after the file's tests. */
export function scratchProjects(): () => string {
  const copies: string[] = [];
  afterAll(() => copies.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
  return () => {
    const dir = mkdtempSync(join(tmpdir(), 'boomi-spaces-codegen-'));
    copies.push(dir);
    for (const entry of [
      'codegen.ts',
      'codegen',
      'schema',
      'operations',
      'src/generated',
      'src/schema',
      'package.json',
    ])
      cpSync(join(root, entry), join(dir, entry), { recursive: true });
    symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir');
    return dir;
  };
}

/** graphql-codegen in `dir`, writing (`generate`) or only comparing (`check`). */
export function codegen(dir: string, mode: 'generate' | 'check') {
  const args = ['--config', 'codegen.ts', ...(mode === 'check' ? ['--check'] : [])];
  // Under NODE_ENV=test (jest's) codegen's task list leaves out why a task failed.
  const { NODE_ENV: _test, ...env } = process.env;
  return spawnSync(join(root, 'node_modules/.bin/graphql-codegen'), args, { cwd: dir, encoding: 'utf8', env });
}
