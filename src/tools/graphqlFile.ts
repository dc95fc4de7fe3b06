// The schema tools' input files (schemas, operations): parsed with their name, so a file that is not
// GraphQL is a usage error naming the file, the line and column, and what to do, not a crash.
import { GraphQLError, parse, Source, type DocumentNode } from 'graphql';
import { SpacesInputError } from '../errors/SpacesError.js';

/** A file given to a schema tool that cannot be used: exit 2 in the CLI, nothing was sent. */
export function unusableFile(problem: string, nextStep: string): SpacesInputError {
  return new SpacesInputError(`${problem}; ${nextStep}`, { code: 'INVALID_USAGE' });
}

/**
 * `text`, the content of `file`, parsed. `lineOffset` is the number of lines cut from the file's top
 * before `text` (a snapshot's header), so a position names the file's own line.
 */
export function parseGraphQLFile(file: string, text: string, nextStep: string, lineOffset = 0): DocumentNode {
  if (text.trim() === '') throw unusableFile(`${file} holds no GraphQL`, nextStep);
  try {
    return parse(new Source(text, file));
  } catch (error) {
    if (!(error instanceof GraphQLError)) throw error;
    const at = error.locations?.[0];
    const where = at ? `${file}:${at.line + lineOffset}:${at.column}` : file;
    throw unusableFile(`${where}: ${error.message.replace(/\.$/, '')}`, nextStep);
  }
}
