import { CliUsageError } from './CliUsageError.js';
import { EXIT, type Output } from './output.js';

// Help and version end with "errors" of their own: they are successes.
const NOT_FAILURES = new Set(['commander.helpDisplayed', 'commander.help', 'commander.version']);

/** The SDK's fields as the CLI spells them (SDK messages name fields in backticks). */
const CLI_WORDS: Record<string, string> = {
  integrationPackOverrideName: '--name',
  integrationPackId: '<packId>',
  spaceId: '--space',
  id: '<spaceId>',
  instanceId: '<instanceId>',
  integrationPackInstanceId: '<instanceId>',
  attachmentId: '<attachmentId>',
  environmentIds: '--env',
};

/** An SDK message about its input, speaking the CLI's flags and arguments instead of the SDK's fields. */
function inCliWords(message: string): string {
  return message.replace(/`([A-Za-z]+)(\[\d+\])?`/g, (whole, field: string, index: string | undefined) =>
    CLI_WORDS[field] ? `${CLI_WORDS[field]}${index ?? ''}` : whole,
  );
}

/**
 * The one error → exit code mapping of the CLI and the schema tools, reporting the error on the
 * way: exit 2 for bad usage or input (nothing was sent), 1 for everything that failed after.
 * With --json (`out.json`) the error is also one JSON document on stdout, usage errors included.
 */
export async function reportFailure(error: unknown, out: Output): Promise<number> {
  if (isCommanderError(error)) {
    if (NOT_FAILURES.has(error.code)) return EXIT.ok;
    // Commander has written its message to stderr already; the document joins it on stdout.
    out.errorDocument({ code: 'INVALID_USAGE', message: error.message.replace(/^error: /, '') });
    return EXIT.usage;
  }
  if (error instanceof CliUsageError) {
    out.error(error);
    return EXIT.usage;
  }
  // Loaded only on failure: keeps start-up light.
  const [{ PlanError }, { SpacesError, SpacesInputError }] = await Promise.all([
    import('../plan/planFile.js'),
    import('../errors/SpacesError.js'),
  ]);
  if (error instanceof PlanError) {
    out.error(error);
    return EXIT.usage;
  }
  if (error instanceof SpacesInputError) {
    out.error({ code: String(error.code), message: inCliWords(error.message) });
    return EXIT.usage;
  }
  if (error instanceof SpacesError) {
    out.error({ code: String(error.code), message: error.message, status: error.status });
    return EXIT.apiFailure;
  }
  out.error({ code: 'UNEXPECTED', message: error instanceof Error ? error.message : String(error) });
  return EXIT.apiFailure;
}

/**
 * Commander's errors by their code: the CLI's start-up is bundled with its own copy of commander
 * (scripts/bundle-cli.mjs), so `instanceof` against this module's commander would not hold.
 */
function isCommanderError(error: unknown): error is Error & { code: string } {
  const code = (error as { code?: unknown } | null)?.code;
  return error instanceof Error && typeof code === 'string' && code.startsWith('commander.');
}
