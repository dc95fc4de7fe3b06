import { invalid, SpacesInputError } from '../errors/SpacesError.js';
import { quote } from '../text/printable.js';
import { INPUT_LIMITS, MAX_ID_LENGTH, MAX_NAME_LENGTH } from './limits.js';
import type { InstallRequest, SharedIntegrationPack, Space } from './types.js';

/** A required id: a non-empty string of at most `maxIdLength` characters after trimming, returned trimmed. */
export function requireId(value: unknown, field: string): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw invalid(field, 'must be a non-empty string');
  }
  return checkLength(value.trim(), field, MAX_ID_LENGTH);
}

/** The value, unless it is longer than `max` characters (refused, its start and length shown). */
function checkLength(value: string, field: string, max: number): string {
  if (value.length > max) {
    throw invalid(field, `is ${value.length} characters long; at most ${max} are accepted: ${quote(value, 40)}`);
  }
  return value;
}

/** The install request with trimmed ids; a blank override name counts as none. */
export function normaliseInstallRequest(request: InstallRequest): InstallRequest {
  if (typeof request !== 'object' || request === null) throw invalid('request', 'must be an object');
  const integrationPackId = requireId(request.integrationPackId, 'integrationPackId');
  const name = request.integrationPackOverrideName;
  if (name !== undefined && name !== null && typeof name !== 'string') {
    throw invalid('integrationPackOverrideName', 'must be a string');
  }
  const integrationPackOverrideName = name?.trim()
    ? checkLength(name.trim(), 'integrationPackOverrideName', MAX_NAME_LENGTH)
    : undefined;
  const spaceId = request.spaceId === undefined ? undefined : requireId(request.spaceId, 'spaceId');
  return { integrationPackId, integrationPackOverrideName, spaceId };
}

/**
 * Boomi's install rules against the Space's shared packs: the pack must be shared, a MULTI pack
 * needs an override name, a SINGLE pack takes none.
 */
export function checkInstallAgainstSpace(space: Space, request: InstallRequest): SharedIntegrationPack {
  const pack = space.sharedIpacks.find((p) => p.id === request.integrationPackId);
  if (!pack) {
    throw new SpacesInputError(
      `Integration pack ${quote(request.integrationPackId)} is not shared with space ${quote(space.name)} (${quote(space.id)})`,
      { code: 'IPACK_NOT_FOUND_IN_SPACE', field: 'integrationPackId' },
    );
  }
  const label = quote(pack.name);
  if (pack.installationType === 'MULTI' && !request.integrationPackOverrideName) {
    throw new SpacesInputError(
      `Integration pack ${label} is MULTI: \`integrationPackOverrideName\` is required to tell its instances apart`,
      { field: 'integrationPackOverrideName' },
    );
  }
  if (pack.installationType === 'SINGLE' && request.integrationPackOverrideName) {
    throw new SpacesInputError(`Integration pack ${label} is SINGLE: \`integrationPackOverrideName\` is not allowed`, {
      field: 'integrationPackOverrideName',
    });
  }
  return pack;
}

/** Attach input with trimmed ids; at least one environment, no duplicates. */
export function normaliseEnvironmentIds(value: unknown): string[] {
  if (!Array.isArray(value) || value.length === 0) {
    throw invalid('environmentIds', 'must list at least one environment id');
  }
  if (value.length > INPUT_LIMITS.maxEnvironmentIds) {
    throw invalid(
      'environmentIds',
      `lists ${value.length} environments; at most ${INPUT_LIMITS.maxEnvironmentIds} per call`,
    );
  }
  const ids = value.map((id, index) => requireId(id, `environmentIds[${index}]`));
  return [...new Set(ids)];
}
