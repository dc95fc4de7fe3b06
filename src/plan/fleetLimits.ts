// The fleet's bounds on their own, so the CLI's option definitions read them without loading the
// fleet file's parser.

/** Bounds of a fleet file, checked before anything is sent. */
export const FLEET_LIMITS = {
  /** Bytes in a fleet file. */
  maxBytes: 1024 * 1024,
  /** Accounts in one fleet. */
  maxAccounts: 1000,
  /** Accounts in flight at once. */
  maxConcurrency: 64,
  /** Variables of one account, and characters in one value. */
  maxVars: 100,
  maxVarLength: 1000,
} as const;
