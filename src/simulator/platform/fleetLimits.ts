// A fleet's bounds, on their own so the CLI's flag parser reads them without loading the simulator.

/** Most accounts a simulator serves: ids keep three digits up to 999, `fleet-1000` is the last. */
export const MAX_FLEET_ACCOUNTS = 1000;

/** A fleet account's rate limit unless `rateLimit` says otherwise: Boomi's published 10 a second. */
export const FLEET_RATE_LIMIT = 10;
