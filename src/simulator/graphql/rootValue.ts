import { catalogListings, type CatalogSearchInput } from '../model/catalog.js';
import { Lifecycle } from '../model/lifecycle.js';
import { Publishing } from '../model/publishing.js';
import type { CallContext, SpacesPlatform } from '../model/SpacesPlatform.js';

/** What every resolver sees. */
export type SimulatorContext = CallContext & {
  platform: SpacesPlatform;
};

type Args = Record<string, unknown>;
/** graphql-js has coerced the arguments to the schema's types before a resolver runs. */
type Id = { id: string };
type InstallArgs = { input: Parameters<SpacesPlatform['install']>[0] };
type AttachArgs = { input: Parameters<SpacesPlatform['attach']>[0] };
type ExtensionArgs = { input: Array<{ extensions: string; envExtensionId: string }> };
type Input<T> = { input: T };

const lifecycle = (platform: SpacesPlatform) => new Lifecycle(platform);
const publishing = (platform: SpacesPlatform) => new Publishing(platform);

/**
 * Root resolvers over the platform model. graphql-js calls a root value's functions with
 * (args, context); nested fields are read from the plain objects the model returns.
 */
export const rootValue = {
  spaces: (_: Args, { platform }: SimulatorContext) => platform.spaces(),
  Space: ({ id }: Id, { platform }: SimulatorContext) => platform.space(id),
  integrationPackInstances: (_: Args, { platform, ...call }: SimulatorContext) => platform.instances(call),
  environments: (_: Args, { platform, ...call }: SimulatorContext) => platform.environments(call),
  integrationPackInstanceInstall: ({ input }: InstallArgs, { platform, ...call }: SimulatorContext) =>
    platform.install(input, call),
  integrationPackInstanceUninstall: ({ id }: Id, { platform }: SimulatorContext) => platform.uninstall(id),
  integrationPackInstanceEnvironmentAttachmentAttach: (
    { input }: AttachArgs,
    { platform, ...call }: SimulatorContext,
  ) => platform.attach(input, call),
  integrationPackInstanceEnvironmentAttachmentUnattach: ({ id }: Id, { platform, ...call }: SimulatorContext) =>
    platform.detach(id, call),

  integrationPackInstanceProcesses: (
    { integrationPackInstanceId }: { integrationPackInstanceId?: string | null },
    { platform, ...call }: SimulatorContext,
  ) => lifecycle(platform).processes(integrationPackInstanceId, call),
  processSchedulesUpdate: (
    args: { processSchedules: string; processSchedulesId: string },
    { platform, ...call }: SimulatorContext,
  ) => lifecycle(platform).updateSchedules(args.processSchedules, args.processSchedulesId, call),
  integrationPackEnvironmentAttachments: (
    args: { ipackInstanceId: string; environmentIds: string[] },
    { platform, ...call }: SimulatorContext,
  ) => lifecycle(platform).extensions(args.ipackInstanceId, args.environmentIds, call),
  extensionsUpdate: ({ input }: ExtensionArgs, { platform, ...call }: SimulatorContext) =>
    lifecycle(platform).updateExtensions(input, call),
  extendedMappersUpdate: ({ input }: ExtensionArgs, { platform, ...call }: SimulatorContext) =>
    lifecycle(platform).updateMapExtensions(input, call),
  processExecute: ({ input }: Input<Parameters<Lifecycle['execute']>[0]>, { platform, ...call }: SimulatorContext) =>
    lifecycle(platform).execute(input, call),
  executionHistory: ({ input }: Input<Parameters<Lifecycle['history']>[0]>, { platform, ...call }: SimulatorContext) =>
    lifecycle(platform).history(input, call),
  spaceAccounts: (
    { criteria }: { criteria?: Parameters<Lifecycle['accounts']>[0] },
    { platform, ...call }: SimulatorContext,
  ) => lifecycle(platform).accounts(criteria, call),
  IPackInstanceOAuthConnectorDetails: (
    { input }: Input<Parameters<Lifecycle['oauthDetails']>[0]>,
    { platform, ...call }: SimulatorContext,
  ) => lifecycle(platform).oauthDetails(input, call),

  spaceCreate: ({ input }: Input<Parameters<Publishing['create']>[0]>, { platform }: SimulatorContext) =>
    publishing(platform).create(input),
  spaceUpdate: ({ input }: Input<Parameters<Publishing['update']>[0]>, { platform }: SimulatorContext) =>
    publishing(platform).update(input),
  spaceDelete: ({ id }: Id, { platform }: SimulatorContext) => publishing(platform).delete(id),
  spaceArtifactListings: (
    { input }: Input<Parameters<Publishing['artifactListings']>[0]>,
    { platform }: SimulatorContext,
  ) => publishing(platform).artifactListings(input),
  saveIPackInstanceOauthConnectorDetails: (
    { input }: Input<Parameters<Lifecycle['saveOauthDetails']>[0]>,
    { platform, ...call }: SimulatorContext,
  ) => lifecycle(platform).saveOauthDetails(input, call),
  // Public: served without authentication (see publicFields.ts).
  catalogListings: ({ input }: { input?: CatalogSearchInput | null }, { platform }: SimulatorContext) =>
    catalogListings(platform.state, input ?? {}),
};
