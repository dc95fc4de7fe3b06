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
export {
  FaultPlan,
  type Fault,
  type FaultDecision,
  type FailureFault,
  type RateLimitedFault,
  type SimulatorFaults,
} from './platform/faults.js';
export {
  createPlatformHandler,
  type PlatformHandler,
  type PlatformOptions,
  type PlatformOverride,
  type PlatformReply,
  type PlatformRequest,
} from './platform/createPlatformHandler.js';
export type { AccountStats, PlatformAccount } from './platform/platformAuth.js';
export type { HttpAnswer } from './graphql/graphqlOverHttp.js';
export { createDemoState, DEMO } from './model/seed.js';
export { SpacesPlatform, type CallContext } from './model/SpacesPlatform.js';
export { PlatformError, type SimulatorErrorCode } from './model/PlatformError.js';
export type * from './model/state.js';
export type { Dialect } from '../schema/dialects.js';
