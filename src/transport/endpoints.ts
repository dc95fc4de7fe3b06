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
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw invalid(field, 'is not an absolute URL');
  }
  if (url.username || url.password) {
    throw invalid(field, 'must not carry credentials');
  }
  if (url.protocol === 'https:') return url.href;
  if (url.protocol === 'http:' && isLoopback(url.hostname)) return url.href;
  throw invalid(field, `must use https (http is allowed for loopback hosts only): "${url.origin}"`);
}

/** True for hosts that never leave the machine; only those may be reached over plain http. */
function isLoopback(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname);
}
