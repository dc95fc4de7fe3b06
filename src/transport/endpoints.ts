/** Where the SDK may send credentials: Boomi's regions and the check every service URL passes. */
import { invalid } from '../errors/SpacesError.js';

/** Boomi regions: the hosts of their GraphQL and JWT endpoints. */
export const REGIONS = {
  us: { endpoint: 'https://api.boomi.com/graphql', authUrl: 'https://api.boomi.com/auth/jwt/generate' },
  gb: {
    endpoint: 'https://api.platform.gb.boomi.com/graphql',
    authUrl: 'https://api.platform.gb.boomi.com/auth/jwt/generate',
  },
} as const;

/** A Boomi region preset. */
export type Region = keyof typeof REGIONS;

/**
 * A URL credentials may be sent to: absolute, https (plain http only to loopback hosts) and without
 * user info. Refused with a SpacesInputError naming the option.
 */
export function checkServiceUrl(value: string, field: string): string {
  const problem = serviceUrlProblem(value);
  if (problem !== undefined) throw invalid(field, problem);
  return new URL(value).href;
}

/**
 * What is wrong with `value` as a URL credentials may be sent to (`is not an absolute URL`), or
 * undefined: the check behind {@link checkServiceUrl}, for front ends that name their own flag.
 */
export function serviceUrlProblem(value: string): string | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'is not an absolute URL';
  }
  if (url.username || url.password) return 'must not carry credentials';
  if (url.protocol === 'https:' || (url.protocol === 'http:' && isLoopback(url.hostname))) return undefined;
  return `must use https (http is allowed for loopback hosts only): "${url.origin}"`;
}

/** True for hosts that never leave the machine; only those may be reached over plain http. */
function isLoopback(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname);
}
