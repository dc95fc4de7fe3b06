import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { codegen, scratchProjects } from './scratchProject.js';

const scratchProject = scratchProjects();

describe('codegen:check', () => {
  // The first check is `npm test`'s codegen:check: the scratch copy holds every file codegen reads
  // (codegen.ts and what it imports, the schema, the operations) and the committed generated code.
  it('passes on the committed generated code and fails once an operation changes', () => {
    const dir = scratchProject();
    expect(codegen(dir, 'check').status).toBe(0);

    writeFileSync(
      join(dir, 'operations/uninstallIpack.graphql'),
      '# @refreshes listIntegrationPackInstances\nmutation uninstallIpack($id: ID!) { gone: integrationPackInstanceUninstall(id: $id) }\n',
    );
    const stale = codegen(dir, 'check');
    expect(stale.status).not.toBe(0);
    expect(stale.stdout + stale.stderr).toMatch(/src\/generated\/(graphql|operations)\.ts/);
  });
});
