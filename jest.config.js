import { availableParallelism } from 'node:os';

/** Jest in ESM mode (msw 2 pulls ESM-only modules); esbuild only strips types, `npm run typecheck` checks them. */
const base = {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts', '.tsx'],
  moduleNameMapper: {
    // Examples import the package by name, as users do.
    '^boomi-spaces$': '<rootDir>/src/index.ts',
    '^boomi-spaces/testing$': '<rootDir>/src/testing/index.ts',
    '^boomi-spaces/plan$': '<rootDir>/src/plan/index.ts',
    '^boomi-spaces/simulator$': '<rootDir>/src/simulator/index.ts',
    '^boomi-spaces/react$': '<rootDir>/src/react/index.ts',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  // The consumer projects the package tests make inside the repository (test/support/packedConsumer.ts)
  // come and go while jest maps the files: another run's half-written one failed that map.
  modulePathIgnorePatterns: ['<rootDir>/\\.tmp-consumer-'],
  transform: { '^.+\\.tsx?$': '<rootDir>/test/support/esbuildTransform.cjs' },
  // msw's interceptors resolve through the "node" export conditions.
  testEnvironmentOptions: { customExportConditions: ['node', 'node-addons'] },
};

// The React 18 copy the fixture workspace test/react18 installs: react and react-dom map there.
const react18 = '<rootDir>/test/react18/node_modules';

export default {
  // Jest's default (one worker fewer than cores) runs a 2-core machine's suite in band on one core,
  // while most suites wait on child processes and servers: a worker per core, at least two.
  maxWorkers: Math.max(2, availableParallelism()),
  // A hang guard, not a speed limit: far above any test's running time on a loaded 2-core machine.
  // Jest reads it from the top level only; tests name no timeout of their own
  // (test/architecture/speedIndependence.test.ts).
  testTimeout: 300_000,
  // The files that spawn tsc, jest or the CLI first, so neither worker is left alone with them at the end.
  testSequencer: '<rootDir>/test/support/slowFirstSequencer.cjs',
  projects: [
    {
      ...base,
      displayName: 'node',
      testMatch: ['<rootDir>/test/**/*.test.ts?(x)', '<rootDir>/examples/**/*.test.ts?(x)'],
    },
    {
      ...base,
      displayName: 'react18',
      // The hook tests and the README's React example again, on React 18.
      testMatch: ['<rootDir>/test/react/**/*.test.tsx', '<rootDir>/examples/**/*.test.tsx'],
      moduleNameMapper: {
        '^react$': `${react18}/react`,
        '^react/(.*)$': `${react18}/react/$1`,
        '^react-dom$': `${react18}/react-dom`,
        '^react-dom/(.*)$': `${react18}/react-dom/$1`,
        ...base.moduleNameMapper,
      },
    },
  ],
};
