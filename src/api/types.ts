import type { Classification, GetSpaceQuery, InstallationType, ListSpacesQuery } from '../generated/graphql.js';

type Item<T> = NonNullable<NonNullable<T>[number & keyof NonNullable<T>]>;

// The SDK's results carry no null noise: lists come without null items (an absent list is empty),
// and what the platform always sends (ids, names, install types) is typed as present and checked
// when the answer arrives (`results.ts`): an answer without it is INVALID_RESPONSE naming the field.
// `execute` keeps the generated, schema-exact types.

/** A pack a Space shares. */
export interface SharedIntegrationPack {
  id: string;
  name: string;
  description: string | null;
  installationType: InstallationType;
}
/** A Space as `getSpace` returns it, with its shared packs. */
export type Space = Omit<NonNullable<GetSpaceQuery['space']>, 'sharedIpacks'> & {
  sharedIpacks: SharedIntegrationPack[];
};
/** A Space as `listSpaces` returns it. */
export type SpaceSummary = Item<ListSpacesQuery['spaces']>;
/** The instance an install made. */
export interface InstalledInstance {
  id: string;
  integrationPackId: string;
  /** The name of a MULTI pack's instance; null for a SINGLE pack's. */
  integrationPackOverrideName: string | null;
}
/**
 * What an install returns: the instance, and whether it was found by reconciliation (after an
 * ambiguous failure, or a conflict with an instance that exists already).
 */
export type InstallResult = InstalledInstance & { reconciled: boolean };
/** An installed instance as `listIntegrationPackInstances` returns it, with its pack. */
export interface IntegrationPackInstance extends InstalledInstance {
  integrationPack: { id: string; name: string; installationType: InstallationType | null } | null;
}
/** An atom (runtime) of an environment. */
export interface Atom {
  id: string;
  name: string;
}
/** An attachment of an instance to an environment. */
export interface EnvironmentAttachment {
  id: string;
  environmentId: string;
  integrationPackInstanceId: string;
}
/** An environment with its atoms and attachments. */
export interface Environment {
  id: string;
  name: string;
  classification: Classification | null;
  atoms: Atom[];
  integrationPackEnvironmentAttachment: EnvironmentAttachment[];
}

export type { InstallationType };

/** What to install. */
export interface InstallRequest {
  /** The pack's id, from `Space.sharedIpacks`. */
  integrationPackId: string;
  /** Required for a MULTI pack, refused for a SINGLE pack. */
  integrationPackOverrideName?: string | undefined;
  /**
   * The Space that shares the pack. When given, the pack is looked up there first and the
   * SINGLE/MULTI rules are checked before the install is sent.
   */
  spaceId?: string | undefined;
}

/** An instance and the environments to attach it to. */
export interface AttachRequest {
  integrationPackInstanceId: string;
  environmentIds: readonly string[];
}
