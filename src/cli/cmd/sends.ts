// The operations each command may send, declared once per command: `withClient` requires the Space
// before anything is sent when one of them is declared `# @needsSpaceGuid` (src/generated/operationFacts.ts),
// and looks it up first with listSpaces (an id or a name, one rule: src/api/findSpace.ts).
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
  instances: ['listSpaces', 'listIntegrationPackInstances'],
  uninstall: ['listSpaces', 'listIntegrationPackInstances', 'uninstallIpack'],
  environments: ['listSpaces', 'listEnvironments'],
  attach: ['listSpaces', 'listIntegrationPackInstances', 'listEnvironments', 'attachIpackInstance'],
  detach: ['listSpaces', 'listIntegrationPackInstances', 'listEnvironments', 'detachIpackInstance'],
  processes: ['listSpaces', 'listIntegrationPackInstances', 'listProcesses'],
  extensions: ['listSpaces', 'listIntegrationPackInstances', 'listEnvironments', 'getExtensions'],
  configure: ['listSpaces', 'listIntegrationPackInstances', 'listEnvironments', 'getExtensions', 'updateExtensions'],
  schedule: ['listSpaces', 'listIntegrationPackInstances', 'listProcesses', 'updateProcessSchedules'],
  run: [
    'listSpaces',
    'listIntegrationPackInstances',
    'listProcesses',
    'listEnvironments',
    'executeProcess',
    'listExecutions',
  ],
  executions: [
    'listSpaces',
    'listIntegrationPackInstances',
    'listProcesses',
    'listExecutions',
    'listExecutionsWithStatus',
  ],
  accounts: ['listSpaces', 'listSpaceAccounts', 'searchSpaceAccounts'],
  'catalog search': ['searchCatalog'],
} as const satisfies Record<string, readonly OperationName[]>;
