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
 *
 * A Reader carries its operation's name for the readers of many fields; the hot readers below
 * (getSpace's, an install's and the instance listing's) call the functions it wraps, so a bundle of
 * those calls needs no class.
 */
export class Reader {
  constructor(readonly operationName: string) {}

  present<T>(value: T | null | undefined, path: string): T {
    return present(this.operationName, value, path);
  }

  /** The INVALID_RESPONSE for a field the platform always sends, missing at `path`. */
  missing(path: string): SpacesError {
    return missing(this.operationName, path);
  }

  list<T, R>(
    items: ReadonlyArray<T | null> | null | undefined,
    path: string,
    each: (item: T, path: string, index: number) => R,
  ): R[] {
    return listOf(items, path, each);
  }
}

/** `value`, unless it is missing: the INVALID_RESPONSE naming `path` in `operationName`'s answer. */
function present<T>(operationName: string, value: T | null | undefined, path: string): T {
  if (value === null || value === undefined) throw missing(operationName, path);
  return value;
}

/** The INVALID_RESPONSE for a field the platform always sends, missing at `path` of `operationName`'s answer. */
function missing(operationName: string, path: string): SpacesError {
  return new SpacesError(`${operationName}: the answer has no ${path}, which the platform always sends`, {
    code: 'INVALID_RESPONSE',
    operationName,
    mayHaveExecuted: true,
  });
}

/** The items read by `each`, null items left out (an absent list is empty). */
function listOf<T, R>(
  items: ReadonlyArray<T | null> | null | undefined,
  path: string,
  each: (item: T, path: string, index: number) => R,
): R[] {
  const out: R[] = [];
  for (const [index, item] of (items ?? []).entries())
    if (item !== null) out.push(each(item, `${path}[${index}]`, index));
  return out;
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
      throw missing('getSpace', `space.sharedIpacks[${index}].${field}`);
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
  const { id, integrationPackId, integrationPackOverrideName } = present(operationName, raw, at);
  return {
    id,
    integrationPackId: present(operationName, integrationPackId, `${at}.integrationPackId`),
    integrationPackOverrideName,
  };
}

export function instancesOf(
  raw: ListIntegrationPackInstancesQuery['integrationPackInstances'],
): IntegrationPackInstance[] {
  const operationName = 'listIntegrationPackInstances';
  return listOf(raw, 'integrationPackInstances', (instance, at) => {
    const pack = oneOf(instance.integrationPack);
    return {
      ...installedOf(instance, operationName, at),
      integrationPack: pack && {
        id: present(operationName, pack.id, `${at}.integrationPack.id`),
        name: present(operationName, pack.name, `${at}.integrationPack.name`),
        installationType: pack.installationType,
      },
    };
  });
}

/**
 * The instance listing as a reconciliation reads it: what tells one install from another, not the
 * packs' details (which it does not need, so it does not depend on them).
 */
export function installedListOf(
  raw: ListIntegrationPackInstancesQuery['integrationPackInstances'],
): InstalledInstance[] {
  return listOf(raw, 'integrationPackInstances', (instance, at) =>
    installedOf(instance, 'listIntegrationPackInstances', at),
  );
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
