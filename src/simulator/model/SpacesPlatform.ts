import { extensionsJson } from './extensions.js';
import { PlatformError } from './PlatformError.js';
import { processesOf } from './processes.js';
import type { SimAttachment, SimEnvironment, SimInstance, SimPack, SimSpace, SimState } from './state.js';

/** Who is calling: the SPACE_GUID header, when sent. */
export type CallContext = {
  spaceGuid?: string | null;
};

/** What the schema's resolvers return: plain objects shaped like the schema's types. */
export type SpaceView = Omit<SimSpace, 'sharedPackIds'> & { sharedIpacks: SimPack[]; catalogArtifacts: [] };
export type InstanceView = SimInstance & {
  integrationPack: SimPack | null;
  processes: Array<{ originalProcessId: string; wrapperProcessId: string | null; name: string }>;
};
type AttachmentView = SimAttachment & { environmentExtensions: string | null };
export type EnvironmentView = SimEnvironment & { integrationPackEnvironmentAttachment: AttachmentView[] };

/**
 * The fake platform: Boomi's install rules over an in-memory {@link SimState}. Shared by the
 * simulator server and the msw mock, so both answer alike.
 *
 * @example
 * ```ts
 * const platform = new SpacesPlatform(createDemoState(), () => clock.now());
 * platform.space(DEMO.spaceId).name; // the demo Space, as the simulator serves it
 * ```
 */
export class SpacesPlatform {
  constructor(
    public state: SimState,
    /** The platform's clock: executions move on with it (a fake clock in tests). */
    readonly now: () => number = () => Date.now(),
  ) {}

  /** The pack an instance was installed from. */
  packOf(instance: SimInstance): SimPack {
    const pack = this.state.packs.find((p) => p.id === instance.integrationPackId);
    if (!pack) throw new PlatformError('IPACK_INSTANCE_ID_INVALID', `Instance ${instance.id} has no pack`);
    return pack;
  }

  spaces(): SpaceView[] {
    return this.state.spaces.map((space) => this.#viewSpace(space));
  }

  space(id: string): SpaceView {
    return this.#viewSpace(this.findSpace(id));
  }

  instances(context: CallContext): InstanceView[] {
    this.requireSpaceGuid(context, 'integrationPackInstances');
    return this.state.instances.map((instance) => this.#viewInstance(instance));
  }

  install(
    input: { integrationPackId: string; integrationPackOverrideName?: string | null },
    context: CallContext,
  ): InstanceView {
    const pack = this.#sharedPack(input.integrationPackId, context);
    const name = input.integrationPackOverrideName?.trim() || null;
    if (pack.installationType === 'SINGLE') {
      if (name !== null) {
        throw new PlatformError(
          'IPACK_OVERRIDE_NAME_NOT_ALLOWED',
          `Integration pack "${pack.name}" is SINGLE and takes no integrationPackOverrideName`,
        );
      }
      if (this.state.instances.some((i) => i.integrationPackId === pack.id)) {
        throw new PlatformError(
          'IPACK_ALREADY_INSTALLED',
          `Integration pack "${pack.name}" is SINGLE and is already installed`,
        );
      }
    } else {
      if (name === null) {
        throw new PlatformError(
          'IPACK_OVERRIDE_NAME_REQUIRED',
          `Integration pack "${pack.name}" is MULTI: integrationPackOverrideName is required`,
        );
      }
      if (this.state.instances.some((i) => i.integrationPackId === pack.id && i.integrationPackOverrideName === name)) {
        throw new PlatformError(
          'IPACK_OVERRIDE_NAME_IN_USE',
          `An instance of "${pack.name}" named "${name}" already exists`,
        );
      }
    }
    const instance: SimInstance = {
      id: instanceId(this.state.nextInstanceNumber++),
      integrationPackId: pack.id,
      integrationPackOverrideName: name,
    };
    this.state.instances.push(instance);
    return this.#viewInstance(instance);
  }

  uninstall(id: string): string {
    const instance = this.findInstance(id);
    // No page says what becomes of an uninstalled instance's attachments: the simulator drops them.
    this.state.attachments = this.state.attachments.filter((a) => a.integrationPackInstanceId !== instance.id);
    this.state.instances = this.state.instances.filter((i) => i !== instance);
    return instance.id;
  }

  environments(context: CallContext): EnvironmentView[] {
    this.requireSpaceGuid(context, 'environments');
    return this.state.environments.map((environment) => ({
      ...environment,
      integrationPackEnvironmentAttachment: this.state.attachments
        .filter((a) => a.environmentId === environment.id)
        .map((a) => ({ ...a, environmentExtensions: extensionsJson(this.state, a) })),
    }));
  }

  attach(
    input: { integrationPackInstanceId: string; environmentIds: readonly string[] },
    context: CallContext,
  ): SimAttachment[] {
    this.requireSpaceGuid(context, 'integrationPackInstanceEnvironmentAttachmentAttach');
    const instance = this.findInstance(input.integrationPackInstanceId);
    const environments = input.environmentIds.map((id) => {
      const environment = this.state.environments.find((e) => e.id === id);
      if (!environment) throw new PlatformError('ENVIRONMENT_NOT_FOUND', `No environment with id ${id}`);
      return environment;
    });
    // Attaching twice to the same environment keeps the one attachment.
    return environments.map((environment) => {
      const existing = this.state.attachments.find(
        (a) => a.environmentId === environment.id && a.integrationPackInstanceId === instance.id,
      );
      if (existing) return existing;
      const attachment: SimAttachment = {
        id: attachmentId(this.state.nextAttachmentNumber++),
        environmentId: environment.id,
        integrationPackInstanceId: instance.id,
      };
      this.state.attachments.push(attachment);
      return attachment;
    });
  }

  detach(id: string, context: CallContext): string {
    this.requireSpaceGuid(context, 'integrationPackInstanceEnvironmentAttachmentUnattach');
    const attachment = this.state.attachments.find((a) => a.id === id);
    if (!attachment) throw new PlatformError('ATTACHMENT_ID_INVALID', `No environment attachment with id ${id}`);
    this.state.attachments = this.state.attachments.filter((a) => a !== attachment);
    return attachment.id;
  }

  /** The Space, or SPACE_NOT_FOUND (SPACE_IS_DELETED once deleted). */
  findSpace(id: string): SimSpace {
    const space = this.state.spaces.find((s) => s.id === id);
    if (!space && this.state.deletedSpaceIds.includes(id))
      throw new PlatformError('SPACE_IS_DELETED', `Space ${id} has been deleted`);
    if (!space) throw new PlatformError('SPACE_NOT_FOUND', `No space with id ${id}`);
    return space;
  }

  findInstance(id: string): SimInstance {
    const instance = this.state.instances.find((i) => i.id === id);
    if (!instance) throw new PlatformError('IPACK_INSTANCE_ID_INVALID', `No integration pack instance with id ${id}`);
    return instance;
  }

  // With SPACE_GUID the pack must be shared by that Space; without it, by any Space of the account.
  #sharedPack(packId: string, context: CallContext): SimPack {
    const spaces = context.spaceGuid ? [this.findSpace(context.spaceGuid)] : this.state.spaces;
    const shared = spaces.some((space) => space.sharedPackIds.includes(packId));
    const pack = this.state.packs.find((p) => p.id === packId);
    if (!shared || !pack) {
      throw new PlatformError('IPACK_NOT_FOUND_IN_SPACE', `Integration pack ${packId} is not shared with the space`);
    }
    return pack;
  }

  requireSpaceGuid(context: CallContext, field: string): void {
    if (!context.spaceGuid) {
      throw new PlatformError('MISSING_SPACE_ID', `${field} needs the SPACE_GUID header`);
    }
    this.findSpace(context.spaceGuid);
  }

  #viewSpace({ sharedPackIds, ...space }: SimSpace): SpaceView {
    const sharedIpacks = sharedPackIds
      .map((id) => this.state.packs.find((p) => p.id === id))
      .filter((p): p is SimPack => p !== undefined);
    // The simulator's Spaces have no catalog artifacts (the reference lists the field, not its members' fields).
    return { ...space, sharedIpacks, catalogArtifacts: [] };
  }

  #viewInstance(instance: SimInstance): InstanceView {
    const integrationPack = this.state.packs.find((p) => p.id === instance.integrationPackId) ?? null;
    const processes = integrationPack
      ? processesOf(integrationPack, instance).map((p) => ({
          originalProcessId: p.originalId,
          wrapperProcessId: p.id === p.originalId ? null : p.id,
          name: p.name,
        }))
      : [];
    return { ...instance, integrationPack, processes };
  }
}

/** Instance ids look like Boomi's: base64 of `IntegrationPackInstance<n>` without padding. */
function instanceId(n: number): string {
  return Buffer.from(`IntegrationPackInstance${n}`).toString('base64').replace(/=+$/, '');
}

function attachmentId(n: number): string {
  return Buffer.from(`IntegrationPackEnvironmentAttachment${n}`).toString('base64').replace(/=+$/, '');
}
