/** A mistake in how the CLI was called; nothing was sent. Exits with code 2. */
export class CliUsageError extends Error {
  override name = 'CliUsageError';
  readonly code = 'INVALID_USAGE';
}
