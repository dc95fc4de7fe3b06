// @ts-check
/**
 * Mutation testing (`npm run test:mutation`, not part of `npm test`: it takes minutes) of the code
 * where a silent bug costs a customer most. One module at a time while working:
 * `npx stryker run --mutate src/retry/policy.ts`.
 * @type {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
export default {
  packageManager: 'npm',
  testRunner: 'jest',
  // Jest runs the tests as ES modules (see jest.config.js).
  testRunnerNodeArgs: ['--experimental-vm-modules'],
  jest: { projectType: 'custom', configFile: 'jest.mutation.config.js', enableFindRelatedTests: true },
  coverageAnalysis: 'perTest',
  // Each mutant run starts jest and transpiles the tests again: seconds on a loaded machine, not a hang.
  timeoutMS: 60_000,
  mutate: [
    'src/retry/policy.ts',
    'src/retry/budget.ts',
    'src/retry/pacer.ts',
    'src/api/reconcile.ts',
    'src/security/SecretRedactor.ts',
    'src/text/printable.ts',
    'src/api/payloads/schedules.ts',
    'src/api/lifecycle/extensionChanges.ts',
    'src/plan/changes.ts',
  ],
  // The machine is shared: two test processes at most.
  concurrency: 2,
  // What the sandbox need not copy.
  ignorePatterns: ['dist', 'dist-cjs', 'packages/*/dist*', 'test/react18/node_modules', 'coverage', 'reports'],
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  thresholds: { high: 90, low: 85, break: null },
  tempDirName: '.stryker-tmp',
  cleanTempDir: true,
};
