/**
 * boomi-spaces/testing: a fake Boomi Spaces platform for msw, for testing code that uses the SDK.
 * Needs msw 2 (a peer dependency of this entry only).
 */
export {
  createSpacesMock,
  type MockFault,
  type OperationOverride,
  type SpacesFixtures,
  type SpacesMock,
  type SpacesMockOptions,
} from './createSpacesMock.js';
export type { Dialect } from '../schema/dialects.js';
export type {
  Fault,
  FaultDecision,
  FaultPlan,
  FailureFault,
  RateLimitedFault,
  SimulatorFaults,
} from '../simulator/platform/faults.js';
export { DEMO } from '../simulator/model/seed.js';
export { PlatformError } from '../simulator/model/PlatformError.js';
export type {
  SimAccount,
  SimAttachment,
  SimConnectionField,
  SimEnvironment,
  SimExecution,
  SimInstance,
  SimPack,
  SimPackDefinition,
  SimSchedule,
  SimSchedules,
  SimSetting,
  SimSettings,
  SimSpace,
  SimState,
} from '../simulator/model/state.js';
export { RUN_PHASES_MS } from '../simulator/model/processes.js';
export type { OperationName, OperationTypes } from '../generated/operations.js';
