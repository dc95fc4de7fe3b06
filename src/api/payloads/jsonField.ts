import type * as z from 'zod/mini';
import { SpacesError } from '../../errors/SpacesError.js';
import { nestsDeeperThan } from '../../bounded/readBody.js';

/** Inner JSON nests no deeper than this (the answer around it is bounded by the client's limits already). */
const MAX_INNER_DEPTH = 32;

/** Where a JSON string came from, for the error when it does not parse. */
export interface JsonFieldSource {
  operationName: string;
  /** The field's path in the answer, for example `attachments[0].environmentExtensions`. */
  field: string;
}

/**
 * Parses JSON carried inside a GraphQL `String` field and checks it with a zod schema. Anything else
 * (not JSON, too deep, the wrong shape) is `INVALID_RESPONSE` naming the operation and the field and
 * where inside it the shape departs; the field's text itself is never quoted (it may hold settings).
 */
export function parseJsonField<S extends z.ZodMiniType>(
  schema: S,
  text: unknown,
  source: JsonFieldSource,
): z.output<S> {
  const fail = (why: string) =>
    new SpacesError(`${source.operationName}: ${source.field} ${why}`, {
      code: 'INVALID_RESPONSE',
      operationName: source.operationName,
      mayHaveExecuted: true,
    });
  if (typeof text !== 'string') throw fail('is not a string');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw fail(`is not valid JSON (${text.length} characters)`);
  }
  if (nestsDeeperThan(value, MAX_INNER_DEPTH)) throw fail(`nests deeper than ${MAX_INNER_DEPTH} levels`);
  const result = schema.safeParse(value);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const at = issue.path.map((part) => (typeof part === 'number' ? `[${part}]` : `.${String(part)}`)).join('');
    throw fail(`does not have the expected shape: at ${at || 'the top'}, ${describeIssue(issue)}`);
  }
  return result.data;
}

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type') return `expected ${issue.expected}`;
  if (issue.code === 'invalid_value') return `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
  if (issue.code === 'invalid_union') return 'no accepted form matches';
  return issue.code.replace(/_/g, ' ');
}
