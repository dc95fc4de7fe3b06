import * as z from 'zod/mini';

/** What `processExecute` answers: the run was accepted (it runs asynchronously). */
export interface ExecutionRequest {
  processId: string;
  atomId: string;
  /** `executionrecord-<uuid>`. */
  requestId: string;
  recordUrl?: string;
}

/** The ExecutionRequest JSON inside `processExecute`'s answer. */
export const executionRequestSchema = z.pipe(
  z.looseObject({
    processId: z.string(),
    atomId: z.string(),
    requestId: z.string(),
    recordUrl: z.optional(z.nullable(z.string())),
  }),
  z.transform((raw): ExecutionRequest => ({
    processId: raw.processId,
    atomId: raw.atomId,
    requestId: raw.requestId,
    ...(raw.recordUrl ? { recordUrl: raw.recordUrl } : {}),
  })),
);

/** The OAuth settings inside `oauthConnectorDetails`, secrets taken out. */
export interface OAuthConnectorDetails {
  baseURL?: string;
  clientId?: string;
  companyId?: string;
  /** Parameters of the authorization request; secret-looking values replaced by `(secret)`. */
  authParams: Record<string, string>;
  /** Parameters of the token request; secret-looking values replaced by `(secret)`. */
  accessTokenParams: Record<string, string>;
}

const params = z.optional(z.nullable(z.union([z.record(z.string(), z.unknown()), z.string()])));

/** The raw shape of `oauthConnectorDetails`; `oauthDetailsOf` takes the secrets out. */
export const oauthDetailsSchema = z.looseObject({
  baseURL: z.optional(z.nullable(z.string())),
  clientId: z.optional(z.nullable(z.string())),
  companyId: z.optional(z.nullable(z.string())),
  clientSecret: z.optional(z.nullable(z.string())),
  authParams: params,
  accessTokenParams: params,
});

/** Keys whose values are credentials. */
const SECRET_KEY = /secret|password|token|assertion|code_verifier|^code$/i;
const SECRET_PLACEHOLDER = '(secret)';

/**
 * The typed details; every secret-looking value (the client secret, tokens) is handed to `keep`
 * (the client's redactor) and replaced by `(secret)`.
 */
export function oauthDetailsOf(
  raw: z.output<typeof oauthDetailsSchema>,
  keep: (secret: string) => void,
): OAuthConnectorDetails {
  if (raw.clientSecret) keep(raw.clientSecret);
  const clean = (value: z.output<typeof params>): Record<string, string> => {
    if (!value) return {};
    const entries: Array<[string, unknown]> =
      typeof value === 'string' ? [...new URLSearchParams(value).entries()] : Object.entries(value);
    return Object.fromEntries(
      entries.map(([key, item]) => {
        const text = typeof item === 'string' ? item : (JSON.stringify(item) ?? '');
        if (!SECRET_KEY.test(key)) return [key, text];
        keep(text);
        return [key, SECRET_PLACEHOLDER];
      }),
    );
  };
  return {
    ...(raw.baseURL ? { baseURL: raw.baseURL } : {}),
    ...(raw.clientId ? { clientId: raw.clientId } : {}),
    ...(raw.companyId ? { companyId: raw.companyId } : {}),
    authParams: clean(raw.authParams),
    accessTokenParams: clean(raw.accessTokenParams),
  };
}
