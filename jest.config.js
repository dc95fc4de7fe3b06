/** Jest in ESM mode (msw 2 pulls ESM-only modules); ts-jest only transpiles, `npm run typecheck` checks types. */
export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: {
    // Examples import the package by name, as users do.
    '^boomi-spaces$': '<rootDir>/src/index.ts',
    '^boomi-spaces/testing$': '<rootDir>/src/testing/index.ts',
    '^boomi-spaces/simulator$': '<rootDir>/src/simulator/index.ts',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  transform: { '^.+\\.ts$': ['ts-jest', { useESM: true }] },
  testMatch: ['<rootDir>/test/**/*.test.ts', '<rootDir>/examples/**/*.test.ts'],
  // msw's interceptors resolve through the "node" export conditions.
  testEnvironmentOptions: { customExportConditions: ['node', 'node-addons'] },
};
