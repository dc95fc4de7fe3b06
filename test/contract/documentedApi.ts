/**
 * What Boomi's public pages document about the Spaces API's request shapes, restated in our own words
 * so the contract tests run from the repository alone (a user's clone has nothing beside it).
 * Update it when the pages change; the schema snapshot must keep satisfying it.
 */
export const DOCUMENTED_API = {
  /** Root query fields the pages name (`Space` with a capital S on the input pages). */
  queries: [
    'spaces',
    'Space',
    'integrationPackInstances',
    'environments',
    'spaceAccounts',
    'integrationPackInstanceProcesses',
    'integrationPackEnvironmentAttachments',
    'executionHistory',
    'spaceArtifactListings',
    'IPackInstanceOAuthConnectorDetails',
    // The public Marketplace catalog on the same endpoint (no authentication).
    'catalogListings',
  ],
  /** Root mutation fields the pages name. */
  mutations: [
    'integrationPackInstanceInstall',
    'integrationPackInstanceUninstall',
    'integrationPackInstanceEnvironmentAttachmentAttach',
    'integrationPackInstanceEnvironmentAttachmentUnattach',
    'spaceCreate',
    'spaceUpdate',
    'spaceDelete',
    'processExecute',
    'extensionsUpdate',
    'extendedMappersUpdate',
    'processSchedulesUpdate',
    'saveIPackInstanceOauthConnectorDetails',
  ],
  /** The sample install request of the install page (the pack id is cut short there, as here). */
  sampleInstall: {
    integrationPackId: 'c0523638-0838-40e1-bd53-…',
    integrationPackOverrideName: 'adhoc_08 - Mon Apr 24 2023',
  },
  /** The sample Space id of the Space page (cut short there too). */
  sampleSpaceId: '2da77d1f-bbd4-4066-…',
} as const;
