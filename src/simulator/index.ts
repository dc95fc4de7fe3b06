/**
 * boomi-spaces/simulator: a fake Boomi Spaces platform on loopback, for demos, tests and benchmarks.
 */
export {
  startSimulator,
  type RunningSimulator,
  type SimulatorCredentials,
  type SimulatorOptions,
  type SimulatorStats,
} from './server/startSimulator.js';
export { FaultPlan, type FaultDecision, type SimulatorFaults } from './server/faults.js';
export { createDemoState, DEMO } from './model/seed.js';
export { SpacesPlatform, type CallContext } from './model/SpacesPlatform.js';
export { PlatformError, type SimulatorErrorCode } from './model/PlatformError.js';
export type * from './model/state.js';
export type { Dialect } from '../schema/dialects.js';
