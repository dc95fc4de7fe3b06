import { GraphQLError } from 'graphql';

/**
 * Codes the simulator uses where Boomi documents none (the real platform's codes for these cases are
 * unknown; see the closing notes of the simulator issue).
 */
export type SimulatorErrorCode =
  | 'IPACK_ALREADY_INSTALLED'
  | 'IPACK_OVERRIDE_NAME_REQUIRED'
  | 'IPACK_OVERRIDE_NAME_NOT_ALLOWED'
  | 'IPACK_OVERRIDE_NAME_IN_USE'
  | 'ENVIRONMENT_NOT_FOUND'
  | 'ATTACHMENT_ID_INVALID'
  | 'PROCESS_NOT_FOUND'
  | 'PROCESS_NOT_DEPLOYED'
  | 'ATOM_NOT_FOUND'
  | 'INVALID_PROCESS_SCHEDULES'
  | 'INVALID_PROCESS_SCHEDULES_ID'
  | 'INVALID_EXTENSIONS'
  | 'INVALID_ENV_EXTENSION_ID'
  | 'INVALID_EXECUTION_TIME';

/**
 * A rule of the platform was broken; becomes one GraphQL error with `extensions.code`.
 *
 * @example
 * ```ts
 * // boomi-spaces/testing: an override that refuses the install as the platform would.
 * mock.on('installIpack', () => {
 *   throw new PlatformError('IPACK_ALREADY_INSTALLED', 'Integration pack is already installed');
 * });
 * ```
 */
export class PlatformError extends GraphQLError {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message, { extensions: { code } });
  }
}
