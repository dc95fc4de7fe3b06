const BRAND = Symbol.for('boomi-spaces.CliUsageError');

/**
 * A mistake in how the CLI was called; nothing was sent. Exits with code 2.
 *
 * The CLI's start-up is bundled (scripts/bundle-cli.mjs) while the error mapping loads lazily, so
 * two copies of this class exist at run time: `instanceof` checks a registered brand, not the copy.
 */
export class CliUsageError extends Error {
  override name = 'CliUsageError';
  readonly [BRAND] = true;

  /** `code` is INVALID_USAGE, or the platform's code for what a name lookup did not find. */
  constructor(
    message: string,
    readonly code: string = 'INVALID_USAGE',
  ) {
    super(message);
  }

  static override [Symbol.hasInstance](value: unknown): boolean {
    return typeof value === 'object' && value !== null && (value as { [BRAND]?: unknown })[BRAND] === true;
  }
}
