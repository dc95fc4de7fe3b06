// The operations each command may send, declared once per command: `withClient` requires the Space
// before anything is sent when one of them is declared `# @needsSpaceGuid` (src/generated/operationFacts.ts).
// test/cli/sends.test.ts runs each command and checks that it sends nothing undeclared.
import type { OperationName } from '../../generated/operations.js';

/** Every operation a command may send, by the command's words (`space update`). */
export const SENDS = {
  spaces: ['listSpaces'],
  space: ['getSpace', 'listSpaces'],
  'space create': ['createSpace'],
  'space update': ['listSpaces', 'updateSpace'],
  'space delete': ['listSpaces', 'deleteSpace'],
  install: ['listSpaces', 'getSpace', 'listIntegrationPackInstances', 'installIpack'],
  instances: ['listIntegrationPackInstances'],
  uninstall: ['listIntegrationPackInstances', 'uninstallIpack'],
  environments: ['listEnvironments'],
  attach: ['listIntegrationPackInstances', 'listEnvironments', 'attachIpackInstance'],
  detach: ['listIntegrationPackInstances', 'listEnvironments', 'detachIpackInstance'],
  processes: ['listIntegrationPackInstances', 'listProcesses'],
  extensions: ['listIntegrationPackInstances', 'listEnvironments', 'getExtensions'],
  configure: ['listIntegrationPackInstances', 'listEnvironments', 'getExtensions', 'updateExtensions'],
  schedule: ['listIntegrationPackInstances', 'listProcesses', 'updateProcessSchedules'],
  run: ['listIntegrationPackInstances', 'listProcesses', 'listEnvironments', 'executeProcess', 'listExecutions'],
  executions: ['listIntegrationPackInstances', 'listProcesses', 'listExecutions', 'listExecutionsWithStatus'],
  accounts: ['listSpaceAccounts', 'searchSpaceAccounts'],
  'catalog search': ['searchCatalog'],
} as const satisfies Record<string, readonly OperationName[]>;
