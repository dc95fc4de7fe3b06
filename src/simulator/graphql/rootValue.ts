import type { CallContext, SpacesPlatform } from '../model/SpacesPlatform.js';

/** What every resolver sees. */
export type SimulatorContext = CallContext & {
  platform: SpacesPlatform;
};

type Args = Record<string, any>;

/**
 * Root resolvers over the platform model. graphql-js calls a root value's functions with
 * (args, context); nested fields are read from the plain objects the model returns.
 */
export const rootValue = {
  spaces: (_: Args, { platform }: SimulatorContext) => platform.spaces(),
  Space: ({ id }: Args, { platform }: SimulatorContext) => platform.space(id),
  integrationPackInstances: (_: Args, { platform, ...call }: SimulatorContext) => platform.instances(call),
  environments: (_: Args, { platform, ...call }: SimulatorContext) => platform.environments(call),
  integrationPackInstanceInstall: ({ input }: Args, { platform, ...call }: SimulatorContext) => platform.install(input, call),
  integrationPackInstanceUninstall: ({ id }: Args, { platform }: SimulatorContext) => platform.uninstall(id),
  integrationPackInstanceEnvironmentAttachmentAttach: ({ input }: Args, { platform, ...call }: SimulatorContext) =>
    platform.attach(input, call),
  integrationPackInstanceEnvironmentAttachmentUnattach: ({ id }: Args, { platform, ...call }: SimulatorContext) =>
    platform.detach(id, call),
};
