import {
  GraphQLError,
  parse,
  specifiedRules,
  validate,
  type DocumentNode,
  type GraphQLSchema,
  type ValidationRule,
} from 'graphql';

/** How many query texts the shared cache keeps; the SDK sends a few dozen distinct ones. */
const MAX_CACHED_TEXTS = 500;
/** The longest text kept, in UTF-8 bytes: above any SDK document, far below the request limit. */
const MAX_CACHED_TEXT_BYTES = 4 * 1024;
/**
 * All kept texts together, in UTF-8 bytes. A parsed document can take a few hundred times its text
 * (`{ a a a … }`), and texts arrive before any credential is checked (the public catalog's check
 * parses them), so the budget bounds the parsed documents' memory too, whoever sends them.
 */
const MAX_CACHED_BYTES = 256 * 1024;

/** A text's parse: the document, or the syntax error every parse of that text throws. */
type ParsedText = { document: DocumentNode } | { syntaxError: GraphQLError };

export interface DocumentCacheOptions {
  /** The most texts kept; the least recently used goes first. */
  maxEntries: number;
  /** The longest text kept, in UTF-8 bytes; a longer one is parsed every time. */
  maxTextBytes: number;
  /** All kept texts together, in UTF-8 bytes; the least recently used go first to stay within it. */
  maxTotalBytes: number;
}

/**
 * Parse and validation results per query text, so the same few texts are not parsed and validated
 * on every request (graphql-yoga's parser and validation cache, in a few lines). Keyed by the exact
 * text and bounded by entries and by text size, since texts come from clients of a long-running
 * server. A syntax error is kept as well and thrown again, and validation errors are kept per
 * document and schema, so an invalid document is answered the same way every time.
 */
export class DocumentCache {
  readonly #texts = new Map<string, ParsedText & { bytes: number }>();
  #bytes = 0;
  /** Only documents this cache parsed, so they live no longer than their text's entry. */
  readonly #validations = new WeakMap<DocumentNode, WeakMap<GraphQLSchema, readonly GraphQLError[]>>();

  readonly #options: DocumentCacheOptions;

  constructor(options: DocumentCacheOptions) {
    this.#options = options;
  }

  /** As graphql's `parse(text)`: the document, or throws the text's syntax error. */
  parse(text: string): DocumentNode {
    const parsed = this.#recall(text) ?? this.#parseAndKeep(text);
    if ('syntaxError' in parsed) throw parsed.syntaxError;
    return parsed.document;
  }

  /** As graphql's `validate`; remembered for this cache's documents under the specified rules. */
  validate(schema: GraphQLSchema, document: DocumentNode, rules: readonly ValidationRule[] = specifiedRules) {
    const bySchema = this.#validations.get(document);
    if (!bySchema || !isSpecifiedRules(rules)) return validate(schema, document, rules);
    let errors = bySchema.get(schema);
    if (!errors) bySchema.set(schema, (errors = validate(schema, document, rules)));
    return errors;
  }

  /** How many texts are kept. */
  get size(): number {
    return this.#texts.size;
  }

  /** The kept texts' UTF-8 bytes together. */
  get bytes(): number {
    return this.#bytes;
  }

  /** A kept text's parse, moved to the most recently used end (a Map iterates in insertion order). */
  #recall(text: string): ParsedText | undefined {
    const parsed = this.#texts.get(text);
    if (parsed) {
      this.#texts.delete(text);
      this.#texts.set(text, parsed);
    }
    return parsed;
  }

  #parseAndKeep(text: string): ParsedText {
    const parsed = parseText(text);
    const bytes = Buffer.byteLength(text);
    if (bytes > this.#options.maxTextBytes) return parsed;
    const { maxEntries, maxTotalBytes } = this.#options;
    // The least recently used leave first (a Map iterates in insertion order).
    for (const [oldest, kept] of this.#texts) {
      if (this.#texts.size < maxEntries && this.#bytes + bytes <= maxTotalBytes) break;
      this.#texts.delete(oldest);
      this.#bytes -= kept.bytes;
    }
    this.#texts.set(text, { ...parsed, bytes });
    this.#bytes += bytes;
    if ('document' in parsed) this.#validations.set(parsed.document, new WeakMap());
    return parsed;
  }
}

function parseText(text: string): ParsedText {
  try {
    return { document: parse(text) };
  } catch (error) {
    // graphql's parse throws only GraphQLErrors; anything else is not a result to keep.
    if (error instanceof GraphQLError) return { syntaxError: error };
    throw error;
  }
}

/** graphql-http passes a copy of `specifiedRules` (plus none of its own here): compare the rules. */
function isSpecifiedRules(rules: readonly ValidationRule[]): boolean {
  return rules.length === specifiedRules.length && rules.every((rule, i) => rule === specifiedRules[i]);
}

/** The one cache the simulator and the msw kit share: the same texts arrive through both. */
export const documentCache = new DocumentCache({
  maxEntries: MAX_CACHED_TEXTS,
  maxTextBytes: MAX_CACHED_TEXT_BYTES,
  maxTotalBytes: MAX_CACHED_BYTES,
});
