// The facts each operation declares about itself, read from `# @tag` comment lines in its file.
// Comments, not GraphQL directives: a directive the schema lacks fails validation against the
// snapshot and would travel to Boomi with every request; comments stay in operations/.
//
//   # @needsSpaceGuid                       the platform wants the SPACE_GUID header
//   # @idempotent <why>                     (mutations) sending it twice leaves what once does
//   # @refreshes listSpaces, getSpace       (mutations, required) the queries whose answers it changes
//   # @refreshes nothing                    (mutations) it changes no listing
//
// Queries are idempotent by nature; a mutation is not unless it says so with a reason.
const { existsSync, readFileSync } = require('node:fs');

const TAGS = new Set(['needsSpaceGuid', 'idempotent', 'refreshes']);

/** The `# @tag rest` lines of a file, in order. */
function tagLines(text) {
  const lines = [];
  for (const [index, line] of text.split(/\r?\n/).entries()) {
    const match = /^\s*#\s*@(\S+)\s*(.*)$/.exec(line);
    if (match) lines.push({ line: index + 1, tag: match[1], rest: match[2].trim() });
  }
  return lines;
}

// The file as written: codegen's rawSDL is the document printed again, without its comments.
function sourceOf(file) {
  if (file.location && existsSync(file.location)) return readFileSync(file.location, 'utf8');
  return file.rawSDL ?? '';
}

/** Where a file is, as the operations/ path when it is there (messages and doc comments). */
function shortPath(file) {
  return file.location ? file.location.replace(/^.*?(operations\/)/, '$1') : '(inline document)';
}

/** One operation's facts from its file's tag lines; throws naming the file and line on anything wrong. */
function factsOf(def, file, text) {
  const where = shortPath(file);
  const fail = (line, message) => {
    throw new Error(`${where}${line ? `:${line}` : ''}: ${message}`);
  };
  const name = def.name.value;
  const kind = def.operation;
  if (kind !== 'query' && kind !== 'mutation') fail(0, `${name}: only queries and mutations are supported`);
  const facts = { kind, idempotent: kind === 'query', needsSpaceGuid: false, refreshes: [] };
  const seen = new Set();
  for (const { line, tag, rest } of tagLines(text)) {
    if (!TAGS.has(tag)) fail(line, `unknown tag @${tag} (known: ${[...TAGS].map((t) => `@${t}`).join(', ')})`);
    if (seen.has(tag)) fail(line, `@${tag} is declared twice`);
    seen.add(tag);
    if (tag === 'needsSpaceGuid') {
      if (rest) fail(line, '@needsSpaceGuid takes nothing after it');
      facts.needsSpaceGuid = true;
    } else if (kind === 'query') {
      fail(line, `@${tag} is for mutations: a query is idempotent and changes nothing`);
    } else if (tag === 'idempotent') {
      if (!rest) fail(line, '@idempotent needs its reason: why sending it twice leaves what once does');
      facts.idempotent = true;
      facts.why = rest;
    } else {
      facts.refreshes = rest === 'nothing' ? [] : rest.split(/\s*,\s*/).filter(Boolean);
      if (rest !== 'nothing' && facts.refreshes.length === 0)
        fail(line, '@refreshes names the queries it changes, or says `nothing`');
      facts.refreshesLine = line;
    }
  }
  if (kind === 'mutation' && !seen.has('refreshes'))
    fail(
      0,
      `mutation ${name} declares no \`# @refreshes\` line: name the queries whose answers it changes, or \`nothing\``,
    );
  return facts;
}

/**
 * Every operation's facts by name, from codegen's document files. Throws on an unknown tag, a tag
 * on the wrong kind, a mutation without `@refreshes`, or a refreshed name that is not one of our queries.
 */
function readOperationFacts(documents) {
  const all = new Map();
  const files = new Map();
  for (const file of documents) {
    const operations = file.document.definitions.filter((d) => d.kind === 'OperationDefinition');
    const text = sourceOf(file);
    if (operations.length === 0) {
      const tagged = tagLines(text)[0];
      if (tagged) throw new Error(`${shortPath(file)}:${tagged.line}: @${tagged.tag} outside an operation's file`);
      continue;
    }
    if (operations.length > 1 && tagLines(text).length > 0)
      throw new Error(`${shortPath(file)}: tags need one operation per file, to know whose they are`);
    for (const def of operations) {
      if (!def.name) throw new Error(`${shortPath(file)}: an operation without a name`);
      all.set(def.name.value, factsOf(def, file, text));
      files.set(def.name.value, file);
    }
  }
  for (const [name, facts] of all)
    for (const refreshed of facts.refreshes)
      if (all.get(refreshed)?.kind !== 'query')
        throw new Error(
          `${shortPath(files.get(name))}:${facts.refreshesLine}: @refreshes ${refreshed}, which is not one of our queries`,
        );
  return new Map([...all].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

module.exports = { readOperationFacts, shortPath };
