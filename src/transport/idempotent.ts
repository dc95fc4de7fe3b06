/**
 * The mutations that may be repeated after an ambiguous failure, because sending them twice leaves
 * the same state as sending them once: they set values rather than add things. Every other mutation
 * is never re-sent blindly (the SDK reconciles through a listing instead). The README's
 * "Exactly once" table lists the same.
 */
const IDEMPOTENT_MUTATIONS: ReadonlySet<string> = new Set([
  // A partial extensions update sets the values it names; a full one sets all of them.
  'updateExtensions',
  'updateMapExtensions',
  // Replaces a process's schedules on one atom with the ones sent.
  'updateProcessSchedules',
  // Sets a Space's name and description.
  'updateSpace',
]);

/** Whether an attempt of this operation may be repeated after any transient failure. */
export function isRepeatable(kind: string, operationName: string): boolean {
  return kind === 'query' || (kind === 'mutation' && IDEMPOTENT_MUTATIONS.has(operationName));
}
