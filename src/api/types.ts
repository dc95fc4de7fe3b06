import type {
  AttachIpackInstanceMutation,
  GetSpaceQuery,
  InstallIpackMutation,
  InstallationType,
  ListEnvironmentsQuery,
  ListIntegrationPackInstancesQuery,
  ListSpacesQuery,
} from '../generated/graphql.js';

type Item<T> = NonNullable<NonNullable<T>[number & keyof NonNullable<T>]>;

/** A Space as `getSpace` returns it, with its shared packs. */
export type Space = NonNullable<GetSpaceQuery['space']>;
/** A Space as `listSpaces` returns it. */
export type SpaceSummary = Item<ListSpacesQuery['spaces']>;
/** A pack a Space shares. */
export type SharedIntegrationPack = Item<Space['sharedIpacks']>;
/** The instance an install made. */
export type InstalledInstance = NonNullable<InstallIpackMutation['integrationPackInstanceInstall']>;
/** What an install returns: the instance, and whether it was found by reconciliation after an ambiguous failure. */
export type InstallResult = InstalledInstance & { reconciled: boolean };
/** An installed instance as `listIntegrationPackInstances` returns it. */
export type IntegrationPackInstance = Item<ListIntegrationPackInstancesQuery['integrationPackInstances']>;
/** An environment with its atoms and attachments. */
export type Environment = Item<ListEnvironmentsQuery['environments']>;
/** An attachment of an instance to an environment. */
export type EnvironmentAttachment = Item<
  AttachIpackInstanceMutation['integrationPackInstanceEnvironmentAttachmentAttach']
>;

export type { InstallationType };

/** What to install. */
export interface InstallRequest {
  /** The pack's id, from `Space.sharedIpacks`. */
  integrationPackId: string;
  /** Required for a MULTI pack, refused for a SINGLE pack. */
  integrationPackOverrideName?: string;
  /**
   * The Space that shares the pack. When given, the pack is looked up there first and the
   * SINGLE/MULTI rules are checked before the install is sent.
   */
  spaceId?: string;
}

/** An instance and the environments to attach it to. */
export interface AttachRequest {
  integrationPackInstanceId: string;
  environmentIds: readonly string[];
}
