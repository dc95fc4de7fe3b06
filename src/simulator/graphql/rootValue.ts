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
};
