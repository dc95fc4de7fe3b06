/** Jest in ESM mode (msw 2 pulls ESM-only modules); ts-jest only transpiles, `npm run typecheck` checks types. */
export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: { '^.+\\.ts$': ['ts-jest', { useESM: true }] },
  testMatch: ['<rootDir>/test/**/*.test.ts'],
  // msw's interceptors resolve through the "node" export conditions.
  testEnvironmentOptions: { customExportConditions: ['node', 'node-addons'] },
};
