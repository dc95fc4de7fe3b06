// What a user passes in takes `undefined` wherever a key may be absent: under
// exactOptionalPropertyTypes, `spaceGuid?: string` refuses `spaceGuid: process.env.SPACE_GUID`
// (TS2379), so every optional property of a public input is declared `?: T | undefined`. The inputs
// are found by TypeScript's checker from the entries' exports: the parameters of exported functions,
// constructors and the methods of what they return, and the properties of those parameters at any
// depth. The parameters of a callback the user passes are the SDK's output, and left alone.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from '@jest/globals';
import ts from 'typescript';
import { PUBLIC_ENTRIES } from '../support/publicEntries.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
/** Inputs left as they are, with why. */
const EXEMPT: Array<[RegExp, string]> = [
  [/^src\/errors\/SpacesError\.ts:/, "the errors' details: the SDK makes its errors, they are no options"],
  [/^src\/simulator\/model\//, "the simulator's model: called by its resolvers, not by users"],
  [/^src\/plan\/result\.ts:/, "a plan's results: the SDK's output, which totalsOf takes back as it came"],
];

const { config } = ts.readConfigFile(`${root}tsconfig.json`, (path) => ts.sys.readFile(path)) as { config: unknown };
const options = {
  ...ts.parseJsonConfigFileContent(config, ts.sys, root).options,
  exactOptionalPropertyTypes: true,
  noEmit: true,
};
const program = ts.createProgram(
  PUBLIC_ENTRIES.map((entry) => root + entry),
  options,
);
const checker = program.getTypeChecker();
const ours = (node: ts.Node) => node.getSourceFile().fileName.startsWith(`${root}src/`);
const acceptsUndefined = (type: ts.Type) =>
  (type.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Any | ts.TypeFlags.Unknown)) !== 0 ||
  (type.isUnion() && type.types.some(acceptsUndefined));

/** `file:line Type.property` of each optional property of an input that refuses `undefined`. */
function refusals(): string[] {
  const found = new Set<string>();
  const seen = new Set<ts.Type>();
  const input = (type: ts.Type): void => {
    if (seen.has(type)) return;
    seen.add(type);
    if (type.isUnionOrIntersection()) return type.types.forEach(input);
    if (!(type.flags & ts.TypeFlags.Object)) return;
    if (checker.isArrayType(type) || checker.isTupleType(type))
      return checker.getTypeArguments(type as ts.TypeReference).forEach(input);
    for (const property of type.getProperties()) {
      const declaration = property.valueDeclaration ?? property.declarations?.[0];
      if (!declaration || !ours(declaration)) continue;
      const declared = (declaration as Partial<ts.PropertySignature>).type;
      if (
        property.flags & ts.SymbolFlags.Optional &&
        declared &&
        !acceptsUndefined(checker.getTypeFromTypeNode(declared))
      ) {
        const file = declaration.getSourceFile();
        const line = file.getLineAndCharacterOfPosition(declaration.getStart()).line + 1;
        found.add(
          `${file.fileName.slice(root.length)}:${line} ${checker.symbolToString(type.getSymbol()!)}.${property.name}`,
        );
      }
      if (!ts.isMethodSignature(declaration) && !ts.isMethodDeclaration(declaration))
        input(checker.getTypeOfSymbolAtLocation(property, declaration));
    }
  };
  const called = new Set<ts.Type>();
  const signature = (each: ts.Signature): void => {
    for (const parameter of each.getParameters())
      input(checker.getTypeOfSymbolAtLocation(parameter, parameter.valueDeclaration!));
    returned(each.getReturnType());
  };
  // The methods of what a function returns (a client's, a mock's) take inputs too.
  const returned = (type: ts.Type): void => {
    if (called.has(type)) return;
    called.add(type);
    if (type.isUnionOrIntersection()) return type.types.forEach(returned);
    if (type.getSymbol()?.name === 'Promise')
      return checker.getTypeArguments(type as ts.TypeReference).forEach(returned);
    for (const property of type.getProperties()) {
      const declaration = property.valueDeclaration ?? property.declarations?.[0];
      if (!declaration || !ours(declaration)) continue;
      checker.getTypeOfSymbolAtLocation(property, declaration).getCallSignatures().forEach(signature);
    }
  };
  for (const entry of PUBLIC_ENTRIES) {
    const module = checker.getSymbolAtLocation(program.getSourceFile(root + entry)!)!;
    for (const exported of checker.getExportsOfModule(module)) {
      const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
      if (!symbol.valueDeclaration) continue;
      const type = checker.getTypeOfSymbolAtLocation(symbol, symbol.valueDeclaration);
      [...type.getCallSignatures(), ...type.getConstructSignatures()].forEach(signature);
    }
  }
  return [...found].filter((where) => !EXEMPT.some(([pattern]) => pattern.test(where))).sort();
}

describe('public inputs under exactOptionalPropertyTypes', () => {
  it('declare every optional property `?: T | undefined`, so a value that may be undefined is taken', () => {
    expect(refusals()).toEqual([]);
  });
});
