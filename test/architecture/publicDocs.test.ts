// Every public export has TSDoc: whatever the package's entries export (followed through re-exports,
// `export *` and `export type *`) carries a doc comment, and each function and class an `@example`.
// TypeScript's checker lists the exports of each entry, so the rule reaches exactly the public
// surface; a lint rule per file could not tell a public declaration from an internal export.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from '@jest/globals';
import ts from 'typescript';
import { PUBLIC_ENTRIES } from '../support/publicEntries.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
/**
 * Written by graphql-codegen's own plugins (operation results and variables, the schema's enums and
 * inputs): documented by the schema and operations/, not here. Our own plugins' output (the React
 * hooks, the typed functions) is checked like hand-written code.
 */
const THIRD_PARTY_GENERATED = 'src/generated/graphql.ts';

const { config } = ts.readConfigFile(`${root}tsconfig.json`, (path) => ts.sys.readFile(path)) as { config: unknown };
// Only our own modules are read: the exports and their doc comments need no types of the standard
// library or of packages (a fraction of the files a full program reads).
const options = {
  ...ts.parseJsonConfigFileContent(config, ts.sys, root).options,
  noEmit: true,
  noLib: true,
  types: [],
};
const host = ts.createCompilerHost(options);
host.resolveModuleNames = (names, containing) =>
  names.map((specifier) =>
    specifier.startsWith('.') ? ts.resolveModuleName(specifier, containing, options, host).resolvedModule : undefined,
  );
const program = ts.createProgram(
  PUBLIC_ENTRIES.map((entry) => root + entry),
  options,
  host,
);
const checker = program.getTypeChecker();

const fileOf = (node: ts.Node) => node.getSourceFile().fileName.slice(root.length);
const hasDoc = (node: ts.Node) => ts.getJSDocCommentsAndTags(node).length > 0;
const hasExample = (node: ts.Node) => ts.getJSDocTags(node).some((tag) => tag.tagName.text === 'example');
const isCallable = (node: ts.Node) =>
  ts.isFunctionDeclaration(node) ||
  ts.isClassDeclaration(node) ||
  (ts.isVariableDeclaration(node) &&
    node.initializer !== undefined &&
    (ts.isArrowFunction(node.initializer) || ts.isFunctionExpression(node.initializer)));
/** `export * as operations from …` and `/** … *\/ export { x } from …`: the doc sits on the export. */
const exportStatement = (node: ts.Node) =>
  ts.isNamespaceExport(node) ? node.parent : ts.isExportSpecifier(node) ? node.parent.parent : node;

interface Finding {
  entry: string;
  name: string;
  file: string;
  missing: 'doc comment' | '@example';
}

function findings(): Finding[] {
  return PUBLIC_ENTRIES.flatMap((entry) => {
    const module = checker.getSymbolAtLocation(program.getSourceFile(root + entry)!)!;
    return checker.getExportsOfModule(module).flatMap((exported): Finding[] => {
      const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
      const declarations = (symbol.declarations ?? []).filter((d) => !ts.isSourceFile(d));
      const file = fileOf(declarations[0] ?? exported.declarations![0]!);
      if (file === THIRD_PARTY_GENERATED) return [];
      const documented =
        declarations.some(hasDoc) || (exported.declarations ?? []).some((d) => hasDoc(exportStatement(d)));
      if (!documented) return [{ entry, name: exported.name, file, missing: 'doc comment' }];
      const callable = declarations.filter(isCallable);
      if (callable.length > 0 && !callable.some(hasExample))
        return [{ entry, name: exported.name, file, missing: '@example' }];
      return [];
    });
  });
}

describe('the public API', () => {
  const found = findings();

  it('reads every entry (the check is not vacuous)', () => {
    const publicNames = PUBLIC_ENTRIES.flatMap((entry) =>
      checker.getExportsOfModule(checker.getSymbolAtLocation(program.getSourceFile(root + entry)!)!).map((s) => s.name),
    );
    expect(publicNames).toEqual(expect.arrayContaining(['createSpacesClient', 'createSpacesMock', 'startSimulator']));
    expect(publicNames.length).toBeGreaterThan(150);
  });

  it('documents every export, and shows each function and class with an @example', () => {
    expect(found.map(({ entry, name, file, missing }) => `${entry}: ${name} (${file}) has no ${missing}`)).toEqual([]);
  });
});
