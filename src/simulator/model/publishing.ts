import { randomUUID } from 'node:crypto';
import { PlatformError } from './PlatformError.js';
import type { SpacesPlatform, SpaceView } from './SpacesPlatform.js';
import type { SimSpace } from './state.js';

/** Longest Space name the simulator accepts (Boomi publishes none; SPACE_NAME_IS_LENGTHY beyond it). */
const MAX_SPACE_NAME = 255;

function checkName(name: string | null | undefined): string {
  const trimmed = name?.trim() ?? '';
  if (trimmed === '') throw new PlatformError('MISSING_SPACE_NAME', 'A Space needs a name');
  if (trimmed.length > MAX_SPACE_NAME)
    throw new PlatformError('SPACE_NAME_IS_LENGTHY', `A Space name has at most ${MAX_SPACE_NAME} characters`);
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(trimmed))
    throw new PlatformError('INVALID_SPACE_NAME', 'A Space name holds no control characters');
  return trimmed;
}

const listingId = (spaceId: string, packId: string) =>
  Buffer.from(`SpaceArtifactListing${spaceId}:${packId}`).toString('base64url');

const stamp = (now: number) => new Date(now).toISOString().replace('T', ' ').replace(/Z$/, '').slice(0, 21);

/** The publisher's side: Spaces created, changed and deleted (no SPACE_GUID). */
export class Publishing {
  constructor(private readonly platform: SpacesPlatform) {}

  create(input: {
    name: string;
    description?: string | null;
    sharingMode?: string | null;
    integrationPackIds?: ReadonlyArray<string | null> | null;
    accountGroupId: string;
    theme?: { logoAltTxt?: string | null } | null;
  }): SpaceView {
    const state = this.platform.state;
    const name = checkName(input.name);
    if (!input.accountGroupId?.trim()) throw new PlatformError('MISSING_ACCT_GRP_ID', 'A Space needs accountGroupId');
    if (input.sharingMode && input.sharingMode !== 'ACCOUNT_GROUP')
      throw new PlatformError('UNSUPPORTED_SHARING_MODE', `Sharing mode ${input.sharingMode} is not supported`);
    if (state.spaces.some((s) => s.accountGroup.id === input.accountGroupId && s.name === name))
      throw new PlatformError('SPACE_EXISTS_FOR_ACCT_GRP', `The account group already has a Space named "${name}"`);
    const group = state.spaces.find((s) => s.accountGroup.id === input.accountGroupId)?.accountGroup;
    const id = randomUUID();
    const now = stamp(this.platform.now());
    const space: SimSpace = {
      id,
      name,
      description: input.description ?? '',
      createdDate: now,
      createdByAccountId: state.accountId,
      modifiedDate: now,
      modifiedByAccountId: state.accountId,
      url: `https://space.boomi.com?guid=${id}`,
      sharedPackIds: (input.integrationPackIds ?? []).filter(
        (packId): packId is string => packId !== null && state.packs.some((p) => p.id === packId),
      ),
      accountGroup: group ?? { id: input.accountGroupId, name: 'Account group' },
      theme: { logoUrl: null, logoAltTxt: input.theme?.logoAltTxt ?? null },
    };
    state.spaces.push(space);
    return this.platform.space(id);
  }

  update(input: { id: string; name: string; description?: string | null }): SpaceView {
    const space = this.platform.findSpace(input.id);
    space.name = checkName(input.name);
    if (input.description !== undefined && input.description !== null) space.description = input.description;
    space.modifiedDate = stamp(this.platform.now());
    space.modifiedByAccountId = this.platform.state.accountId;
    return this.platform.space(space.id);
  }

  /** A Space's shared packs as INTEGRATION_PACK listings, all or those whose listing ids are given. */
  artifactListings(input: { spaceId: string; spaceArtifactListingIds?: readonly string[] | null }) {
    const space = this.platform.space(input.spaceId);
    const wanted = input.spaceArtifactListingIds ? new Set(input.spaceArtifactListingIds) : undefined;
    const listings = space.sharedIpacks
      .map((pack) => ({
        id: listingId(space.id, pack.id),
        spaceId: space.id,
        spaceArtifact: { spaceArtifactType: 'INTEGRATION_PACK', spaceArtifactId: pack.id },
        modifiedByUserId: null,
        modifiedByAccountId: space.modifiedByAccountId,
        lastModifiedDate: null,
        submissionStatus: { __typename: 'ArtifactSubmissionStatus', spaceArtifactStatus: 'PUBLISHED' },
        spaceArtifactListingMetaData: {
          catalogArtifactMetaData: JSON.stringify({ name: pack.name, description: pack.description }),
        },
      }))
      .filter((listing) => !wanted || wanted.has(listing.id));
    return { numberOfResults: listings.length, currentPageSize: listings.length, spaceArtifactsData: listings };
  }

  delete(id: string): boolean {
    const space = this.platform.findSpace(id);
    const state = this.platform.state;
    state.spaces = state.spaces.filter((s) => s !== space);
    state.deletedSpaceIds.push(space.id);
    return true;
  }
}
