import { CliUsageError } from './CliUsageError.js';
import { osUsageMessage, withNextStep } from './nextSteps.js';
import { EXIT, type Output } from './output.js';
import { isCommanderError, isCommanderSuccess } from './usage.js';

/** The SDK's fields as the CLI spells them (SDK messages name fields in backticks). */
const CLI_WORDS: Record<string, string> = {
  integrationPackOverrideName: '--name',
  integrationPackId: '<pack>',
  spaceId: '--space',
  id: '<space>',
  instanceId: '<instance>',
  integrationPackInstanceId: '<instance>',
  attachmentId: '<attachment>',
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
 * way: exit 2 for bad usage or input (nothing was sent, or a busy port, a missing file: the caller's
 * to fix), 1 for everything that failed after. Every message ends with the next step where there is
 * one. With --json (`out.json`) the error is also one JSON document on stdout, usage errors included.
 */
export async function reportFailure(error: unknown, out: Output): Promise<number> {
  if (isCommanderSuccess(error)) return EXIT.ok;
  if (error instanceof CliUsageError) {
    out.error(error);
    return EXIT.usage;
  }
  if (isCommanderError(error)) {
    out.error({ code: 'INVALID_USAGE', message: error.message.replace(/^error: /, '') });
    return EXIT.usage;
  }
  const os = osUsageMessage(error);
  if (os !== undefined) {
    out.error({ code: 'INVALID_USAGE', message: os });
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
    out.error({ code: String(error.code), message: withNextStep(error, inCliWords(error.message)) });
    return EXIT.usage;
  }
  if (error instanceof SpacesError) {
    out.error({ code: String(error.code), message: withNextStep(error, error.message), status: error.status });
    return EXIT.apiFailure;
  }
  const message = error instanceof Error ? error.message : String(error);
  out.error({
    code: 'UNEXPECTED',
    message: `${message}; this is a bug: please report it, with the output of --verbose`,
  });
  return EXIT.apiFailure;
}
