import { SpacesError, SpacesInputError } from '../../errors/SpacesError.js';
import {
  CreateSpaceDocument,
  DeleteSpaceDocument,
  GetOAuthConnectorDetailsDocument,
  ListSpaceAccountsDocument,
  ListSpacesDocument,
  SearchSpaceAccountsDocument,
  UpdateSpaceDocument,
  type CreateSpaceMutation,
} from '../../generated/graphql.js';
import type { SecretRedactor } from '../../security/SecretRedactor.js';
import type { CallOptions } from '../../client/callOptions.js';
import type { Execute } from '../../executor/createExecutor.js';
import { fixDeadline } from '../callDeadline.js';
import { INPUT_LIMITS } from '../limits.js';
import { oauthDetailsOf, oauthDetailsSchema, type OAuthConnectorDetails } from '../payloads/execution.js';
import { parseJsonField } from '../payloads/jsonField.js';
import { mutateExactlyOnce } from '../reconcile.js';
import { Reader } from '../results.js';
import { requireId } from '../validate.js';
import type { CreateSpaceRequest, PublishedSpace, SpaceAccount, UpdateSpaceRequest } from './types.js';

/** Which accounts `listSpaceAccounts` returns. */
export interface SpaceAccountCriteria {
  operator: 'CONTAINS' | 'STARTSWITH';
  argument: string;
}

/** Which connection's OAuth settings to read. */
export interface OAuthDetailsRequest {
  instanceId: string;
  environmentId: string;
  processId: string;
  connectionId: string;
  /** The Space's id. */
  spaceId: string;
}

/** What `getOAuthConnectorDetails` returns; secrets are replaced by `(secret)` and kept by the redactor. */
export interface OAuthConnection {
  id: string | null;
  isTokenGenerated: boolean;
  details: OAuthConnectorDetails;
}

/** The publisher's side (Spaces) and the accounts a Space reaches. */
export interface PublishingApi {
  /** Accounts that have access to the Space (needs `spaceGuid`), all of them or those matching. */
  listSpaceAccounts(criteria?: SpaceAccountCriteria, options?: CallOptions): Promise<SpaceAccount[]>;
  /**
   * Creates a Space for an account group. After an ambiguous failure the Space listing decides
   * (a Space of that name for that group found → it is returned); never re-sent blindly.
   */
  createSpace(request: CreateSpaceRequest, options?: CallOptions): Promise<PublishedSpace>;
  /** Sets a Space's name and description (idempotent: repeated after transient failures). */
  updateSpace(request: UpdateSpaceRequest, options?: CallOptions): Promise<PublishedSpace>;
  /** Deletes a Space; reconciled through the Space listing. */
  deleteSpace(id: string, options?: CallOptions): Promise<void>;
  /** The OAuth settings of one connection (needs `spaceGuid`); secrets never leave the SDK. */
  getOAuthConnectorDetails(request: OAuthDetailsRequest, options?: CallOptions): Promise<OAuthConnection>;
}

function spaceName(value: unknown): string {
  if (typeof value !== 'string' || value.trim() === '')
    throw new SpacesInputError('`name` must be a non-empty string', { field: 'name' });
  if (value.trim().length > INPUT_LIMITS.maxNameLength)
    throw new SpacesInputError(`\`name\` is longer than ${INPUT_LIMITS.maxNameLength} characters`, { field: 'name' });
  return value.trim();
}

function publishedOf(raw: CreateSpaceMutation['space'], operationName: string): PublishedSpace {
  if (!raw) {
    throw new SpacesError(`${operationName}: the platform returned no Space`, {
      code: 'INVALID_RESPONSE',
      operationName,
      mayHaveExecuted: true,
    });
  }
  return { id: raw.id, name: raw.name, description: raw.description, url: raw.url, accountGroup: raw.accountGroup };
}

export function createPublishingApi({
  execute,
  redactor,
  maxSends,
  patient,
}: {
  execute: Execute;
  redactor: SecretRedactor;
  maxSends: number;
  patient: (options?: CallOptions) => CallOptions;
}): PublishingApi {
  const listSpaces = async (options?: CallOptions) =>
    (await execute(ListSpacesDocument, patient(options))).spaces ?? [];

  return {
    async listSpaceAccounts(criteria, options) {
      if (criteria !== undefined) {
        if (!['CONTAINS', 'STARTSWITH'].includes(criteria?.operator))
          throw new SpacesInputError('`criteria.operator` must be CONTAINS or STARTSWITH', {
            field: 'criteria.operator',
          });
        if (typeof criteria.argument !== 'string' || criteria.argument.length > INPUT_LIMITS.maxNameLength)
          throw new SpacesInputError('`criteria.argument` must be a string of at most 255 characters', {
            field: 'criteria.argument',
          });
      }
      // Two documents: the criteria object is written inline, so it cannot be left out by a variable.
      const { accounts } = criteria
        ? await execute(
            SearchSpaceAccountsDocument,
            { operator: criteria.operator, argument: criteria.argument },
            options,
          )
        : await execute(ListSpaceAccountsDocument, options);
      const read = new Reader(criteria ? 'searchSpaceAccounts' : 'listSpaceAccounts');
      return read.list(accounts, 'accounts', (a, at) => ({
        id: read.present(a.id, `${at}.id`),
        name: a.name ?? a.id ?? '',
      }));
    },

    async createSpace(request, callOptions) {
      const options = fixDeadline(callOptions);
      const name = spaceName(request?.name);
      const accountGroupId = requireId(request.accountGroupId, 'accountGroupId');
      const input = {
        name,
        accountGroupId,
        sharingMode: 'ACCOUNT_GROUP' as const,
        ...(request.description !== undefined && { description: String(request.description) }),
        ...(request.integrationPackIds && {
          integrationPackIds: request.integrationPackIds.map((id, i) => requireId(id, `integrationPackIds[${i}]`)),
        }),
        ...(request.accountIds && { accountIds: request.accountIds.map((id, i) => requireId(id, `accountIds[${i}]`)) }),
        ...(request.logoAltTxt !== undefined && { theme: { logoAltTxt: String(request.logoAltTxt) } }),
      };
      const { value } = await mutateExactlyOnce<PublishedSpace>({
        maxSends,
        key: { operation: 'createSpace', name, accountGroupId },
        operationName: 'createSpace',
        send: async () => publishedOf((await execute(CreateSpaceDocument, { input }, options)).space, 'createSpace'),
        conflictCodes: ['SPACE_EXISTS_FOR_ACCT_GRP'],
        observe: async () => {
          const found = (await listSpaces(options)).find(
            (s) => s?.name === name && s.accountGroup?.id === accountGroupId,
          );
          return found ? { done: true, value: publishedOf(found, 'createSpace') } : { done: false };
        },
      });
      return value;
    },

    async updateSpace(request, options) {
      const id = requireId(request?.id, 'id');
      // spaceUpdate has no account group: it is fixed at creation, one per Space (a published rule).
      if ((request as { accountGroupId?: unknown }).accountGroupId !== undefined)
        throw new SpacesInputError(
          "A Space's account group is fixed when the Space is created (one account group per Space): create a new Space for another account group",
          { field: 'accountGroupId' },
        );
      const name = spaceName(request.name);
      const input = {
        id,
        name,
        ...(request.description !== undefined && { description: String(request.description) }),
      };
      return publishedOf((await execute(UpdateSpaceDocument, { input }, options)).space, 'updateSpace');
    },

    async deleteSpace(spaceId, callOptions) {
      const options = fixDeadline(callOptions);
      const id = requireId(spaceId, 'id');
      await mutateExactlyOnce<void>({
        maxSends,
        key: { operation: 'deleteSpace', spaceId: id },
        operationName: 'deleteSpace',
        send: async () => {
          await execute(DeleteSpaceDocument, { id }, options);
        },
        conflictCodes: ['SPACE_IS_DELETED', 'SPACE_NOT_FOUND'],
        observe: async () =>
          (await listSpaces(options)).some((s) => s?.id === id) ? { done: false } : { done: true, value: undefined },
      });
    },

    async getOAuthConnectorDetails(request, options) {
      const variables = {
        instanceId: requireId(request?.instanceId, 'instanceId'),
        environmentId: requireId(request.environmentId, 'environmentId'),
        processId: requireId(request.processId, 'processId'),
        connectionId: requireId(request.connectionId, 'connectionId'),
        spaceGuid: requireId(request.spaceId, 'spaceId'),
      };
      const { details } = await execute(GetOAuthConnectorDetailsDocument, variables, options);
      if (!details) {
        throw new SpacesInputError(`Connection ${variables.connectionId} has no OAuth settings in that environment`, {
          field: 'connectionId',
        });
      }
      const raw = details.oauthConnectorDetails
        ? parseJsonField(oauthDetailsSchema, details.oauthConnectorDetails, {
            operationName: 'getOAuthConnectorDetails',
            field: 'details.oauthConnectorDetails',
          })
        : {};
      return {
        id: details.id,
        isTokenGenerated: details.isTokenGenerated ?? false,
        details: oauthDetailsOf(raw, (secret) => redactor.pin(secret)),
      };
    },
  };
}
