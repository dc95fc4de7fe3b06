import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from '@jest/globals';

const root = fileURLToPath(new URL('../../', import.meta.url));
const copies: string[] = [];
afterAll(() => copies.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A scratch copy of what codegen reads and writes, sharing our node_modules. */
function scratchProject(): string {
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
  ]) {
    cpSync(join(root, entry), join(dir, entry), { recursive: true });
  }
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir');
  return dir;
}

function codegenCheck(dir: string) {
  return spawnSync(join(root, 'node_modules/.bin/graphql-codegen'), ['--config', 'codegen.ts', '--check'], {
    cwd: dir,
    encoding: 'utf8',
  });
}

describe('codegen:check', () => {
  it('passes on the committed generated code and fails once an operation changes', () => {
    const dir = scratchProject();
    expect(codegenCheck(dir).status).toBe(0);

    writeFileSync(
      join(dir, 'operations/uninstallIpack.graphql'),
      'mutation uninstallIpack($id: ID!) { gone: integrationPackInstanceUninstall(id: $id) }\n',
    );
    const stale = codegenCheck(dir);
    expect(stale.status).not.toBe(0);
    expect(stale.stdout + stale.stderr).toMatch(/src\/generated\/(graphql|operations)\.ts/);
  });
});
