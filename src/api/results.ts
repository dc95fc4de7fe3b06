import { SpacesError } from '../errors/SpacesError.js';
import type {
  AttachIpackInstanceMutation,
  GetSpaceQuery,
  InstallIpackMutation,
  ListEnvironmentsQuery,
  ListIntegrationPackInstancesQuery,
  ListSpacesQuery,
} from '../generated/graphql.js';
import type {
  Environment,
  EnvironmentAttachment,
  InstalledInstance,
  IntegrationPackInstance,
  SharedIntegrationPack,
  Space,
  SpaceSummary,
} from './types.js';

/**
 * From the schema's nullable shapes to the SDK's null-free results. Lists lose their null items
 * (an absent list is empty); fields the platform always sends are checked here, at run time: one
 * missing is INVALID_RESPONSE naming the operation and the field, never a cast that lies.
 */
export class Reader {
  constructor(readonly operationName: string) {}

  present<T>(value: T | null | undefined, path: string): T {
    if (value === null || value === undefined) throw this.missing(path);
    return value;
  }

  /** The INVALID_RESPONSE for a field the platform always sends, missing at `path`. */
  missing(path: string): SpacesError {
    return new SpacesError(`${this.operationName}: the answer has no ${path}, which the platform always sends`, {
      code: 'INVALID_RESPONSE',
      operationName: this.operationName,
      mayHaveExecuted: true,
    });
  }

  list<T, R>(
    items: ReadonlyArray<T | null> | null | undefined,
    path: string,
    each: (item: T, path: string, index: number) => R,
  ): R[] {
    const out: R[] = [];
    for (const [index, item] of (items ?? []).entries())
      if (item !== null) out.push(each(item, `${path}[${index}]`, index));
    return out;
  }
}

type Raw<T> = NonNullable<T>;

/**
 * The first item of a field the pages show both as one object and as a list (the return syntax
 * says a list, the sample an object): whichever shape arrives, the reader gets one object or null.
 */
export function oneOf<T extends object>(value: T | ReadonlyArray<T | null> | null | undefined): T | null {
  if (Array.isArray(value)) return (value as ReadonlyArray<T | null>).find((item) => item !== null) ?? null;
  return (value as T | null | undefined) ?? null;
}

export function spaceOf(raw: Raw<GetSpaceQuery['space']>): Space {
  const sharedIpacks: SharedIntegrationPack[] = [];
  // A loop that builds no path unless a field is missing: this runs on every getSpace.
  for (const [index, pack] of (raw.sharedIpacks ?? []).entries()) {
    if (!pack) continue;
    const { id, name, description, installationType } = pack;
    if (absent(id) || absent(name) || absent(installationType)) {
      const field = absent(id) ? 'id' : absent(name) ? 'name' : 'installationType';
      throw new Reader('getSpace').missing(`space.sharedIpacks[${index}].${field}`);
    }
    sharedIpacks.push({ id, name, description, installationType });
  }
  return { ...raw, sharedIpacks };
}

const absent = (value: unknown): value is null | undefined => value === null || value === undefined;

export function spacesOf(raw: ListSpacesQuery['spaces']): SpaceSummary[] {
  return new Reader('listSpaces').list(raw, 'spaces', (space) => space);
}

/** An installed instance; none at all is INVALID_RESPONSE too (an install's answer always has one). */
export function installedOf(
  raw: InstallIpackMutation['integrationPackInstanceInstall'],
  operationName: string,
  at: string,
): InstalledInstance {
  const read = new Reader(operationName);
  const { id, integrationPackId, integrationPackOverrideName } = read.present(raw, at);
  return {
    id,
    integrationPackId: read.present(integrationPackId, `${at}.integrationPackId`),
    integrationPackOverrideName,
  };
}

export function instancesOf(
  raw: ListIntegrationPackInstancesQuery['integrationPackInstances'],
): IntegrationPackInstance[] {
  const read = new Reader('listIntegrationPackInstances');
  return read.list(raw, 'integrationPackInstances', (instance, at) => {
    const pack = oneOf(instance.integrationPack);
    return {
      ...installedOf(instance, 'listIntegrationPackInstances', at),
      integrationPack: pack && {
        id: read.present(pack.id, `${at}.integrationPack.id`),
        name: read.present(pack.name, `${at}.integrationPack.name`),
        installationType: pack.installationType,
      },
    };
  });
}

function attachmentsOf(
  read: Reader,
  raw: AttachIpackInstanceMutation['integrationPackInstanceEnvironmentAttachmentAttach'],
  path: string,
): EnvironmentAttachment[] {
  return read.list(raw, path, (attachment, at) => ({
    id: read.present(attachment.id, `${at}.id`),
    environmentId: read.present(attachment.environmentId, `${at}.environmentId`),
    integrationPackInstanceId: read.present(attachment.integrationPackInstanceId, `${at}.integrationPackInstanceId`),
  }));
}

export function attachedOf(
  raw: AttachIpackInstanceMutation['integrationPackInstanceEnvironmentAttachmentAttach'],
): EnvironmentAttachment[] {
  return attachmentsOf(new Reader('attachIpackInstance'), raw, 'integrationPackInstanceEnvironmentAttachmentAttach');
}

export function environmentsOf(raw: ListEnvironmentsQuery['environments']): Environment[] {
  const read = new Reader('listEnvironments');
  return read.list(raw, 'environments', (env, at) => {
    const id = read.present(env.id, `${at}.id`);
    return {
      id,
      name: read.present(env.name, `${at}.name`),
      classification: env.classification,
      atoms: read.list(env.atoms, `${at}.atoms`, (atom, atomAt) => ({
        id: read.present(atom.id, `${atomAt}.id`),
        name: read.present(atom.name, `${atomAt}.name`),
      })),
      // An attachment listed under an environment belongs to it, whether or not it repeats the id.
      integrationPackEnvironmentAttachment: attachmentsOf(
        read,
        (env.integrationPackEnvironmentAttachment ?? []).map(
          (a) => a && { ...a, environmentId: a.environmentId ?? id },
        ),
        `${at}.integrationPackEnvironmentAttachment`,
      ),
    };
  });
}
