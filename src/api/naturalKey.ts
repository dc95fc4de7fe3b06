/** The instance fields that tell installs apart. */
interface InstanceLike {
  integrationPackId?: string | null;
  integrationPackOverrideName?: string | null;
}

/** The natural key of an install as one string: the pack and the override name (none for SINGLE packs). */
export function naturalKeyOf(request: {
  integrationPackId: string;
  integrationPackOverrideName?: string | null | undefined;
}): string {
  return JSON.stringify([request.integrationPackId, request.integrationPackOverrideName?.trim() || null]);
}

/**
 * The installed instance an install request would duplicate, if any. An instance's natural key is
 * its pack (SINGLE) or its pack and override name (MULTI): the API offers no idempotency key.
 */
export function findInstalled<T extends InstanceLike>(
  instances: readonly T[],
  request: { integrationPackId: string; integrationPackOverrideName?: string | undefined },
): T | undefined {
  // No name is undefined on both sides: a request's blank or absent one, an instance's empty or null one.
  const name = request.integrationPackOverrideName?.trim() || undefined;
  return instances.find(
    (i) => i.integrationPackId === request.integrationPackId && (i.integrationPackOverrideName || undefined) === name,
  );
}

/**
 * Platform answers to an install that mean "this instance exists already" (the simulator's codes;
 * Boomi documents none).
 */
export const INSTALL_CONFLICTS: readonly string[] = ['IPACK_ALREADY_INSTALLED', 'IPACK_OVERRIDE_NAME_IN_USE'];
