/**
 * The tests Stryker runs against each mutant (`npm run test:mutation`): the unit tests of the
 * modules it mutates, in-process only (no built CLI, no React), one flat project so Stryker can
 * measure which test covers which mutant.
 */
import config from './jest.config.js';

const node = { ...config.projects[0] };
delete node.displayName;
delete node.testMatch;

export default {
  ...node,
  rootDir: '.',
  // Jest crawls only these: each mutant run starts jest again.
  roots: ['<rootDir>/src', '<rootDir>/test'],
  watchman: false,
  testTimeout: config.testTimeout,
  // Fast unit tests only: a test that starts a client would run for every mutant it covers.
  testMatch: [
    '<rootDir>/test/mutation-proof/**/*.test.ts',
    '<rootDir>/test/retry/policy*.test.ts',
    '<rootDir>/test/text/**/*.test.ts',
    '<rootDir>/test/plan/changes.test.ts',
    '<rootDir>/test/lifecycle/payloads.test.ts',
    '<rootDir>/test/lifecycle/publishedRules.test.ts',
  ],
};
