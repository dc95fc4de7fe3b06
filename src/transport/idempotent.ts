import { IDEMPOTENT_MUTATIONS } from '../generated/operationFacts.js';

/**
 * Whether an attempt of this operation may be repeated after any transient failure: every query,
 * and the mutations whose file declares `# @idempotent <why>` (they set values rather than add
 * things, so sending them twice leaves what sending them once does). Every other mutation is never
 * re-sent blindly: the SDK reconciles through a listing instead. It goes by name, so a document of
 * your own named after one of ours is treated as ours.
 */
export function isRepeatable(kind: string, operationName: string): boolean {
  return kind === 'query' || (kind === 'mutation' && IDEMPOTENT_MUTATIONS.has(operationName));
}
