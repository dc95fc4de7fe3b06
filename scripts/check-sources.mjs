// `npm test`'s type check, lint and API reference from one TypeScript program: `tsc --noEmit`
// (tsconfig.json: src, tests, examples), `eslint .` and `typedoc` each built and type-checked the
// same files, and eslint's type-aware rules spend most of their time asking the checker for types.
// Here the program is made and checked once and its diagnostics printed as tsc prints them; ESLint
// then lints with that program (parserOptions.programs), whose checker already holds the types, and
// TypeDoc converts typedoc.json's entries from it. `npm run typecheck`, `npm run lint` (which also
// runs prettier) and `npm run docs` stay as they are for use on their own.
//   node scripts/check-sources.mjs
import { dirname, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import ts from 'typescript';
import { Application, PackageJsonReader, TSConfigReader, TypeDocReader } from 'typedoc';

const root = fileURLToPath(new URL('..', import.meta.url));

/** The program of tsconfig.json and what `tsc --noEmit` reports on it, in tsc's order. */
function typeCheck() {
  const configPath = ts.findConfigFile(root, ts.sys.fileExists, 'tsconfig.json');
  const host = { ...ts.sys, onUnRecoverableConfigFileDiagnostic: (d) => report([d]) };
  const config = ts.getParsedCommandLineOfConfigFile(configPath, { noEmit: true }, host);
  if (!config) process.exit(1);
  const program = ts.createProgram({
    rootNames: config.fileNames,
    options: config.options,
    projectReferences: config.projectReferences,
    configFileParsingDiagnostics: ts.getConfigFileParsingDiagnostics(config),
  });
  // As tsc's emitFilesAndReportErrors: each stage only when the one before found nothing.
  const diagnostics = [...program.getConfigFileParsingDiagnostics()];
  const base = diagnostics.length;
  diagnostics.push(...program.getSyntacticDiagnostics());
  if (diagnostics.length === base) {
    diagnostics.push(...program.getOptionsDiagnostics(), ...program.getGlobalDiagnostics());
    if (diagnostics.length === base) diagnostics.push(...program.getSemanticDiagnostics());
    if (diagnostics.length === base && (config.options.declaration || config.options.composite))
      diagnostics.push(...program.getDeclarationDiagnostics());
  }
  return { program, diagnostics };
}

/** Prints diagnostics as tsc does (with colour and context on a terminal) and their error count. */
function report(diagnostics) {
  if (diagnostics.length === 0) return;
  const host = {
    getCanonicalFileName: (name) => name,
    getCurrentDirectory: () => root,
    getNewLine: () => ts.sys.newLine,
  };
  const format = process.stdout.isTTY ? ts.formatDiagnosticsWithColorAndContext : ts.formatDiagnostics;
  process.stdout.write(format(diagnostics, host));
  const errors = diagnostics.filter((d) => d.category === ts.DiagnosticCategory.Error).length;
  process.stdout.write(`\nFound ${errors} error${errors === 1 ? '' : 's'} (tsc --noEmit).\n`);
}

/** ESLint on everything `eslint .` lints, the TypeScript files with `program`; true when no error. */
async function lint(program) {
  const eslint = new ESLint({
    cwd: root,
    overrideConfig: {
      files: ['**/*.ts', '**/*.tsx'],
      languageOptions: { parserOptions: { projectService: false, programs: [program] } },
    },
  });
  const results = await eslint.lintFiles(['.']);
  const text = await (await eslint.loadFormatter('stylish')).format(results);
  if (text) process.stdout.write(text);
  return results.every((r) => r.errorCount === 0);
}

/** The folder the entries share, as TypeDoc names modules from it ('src/plan/index.ts' -> 'plan'). */
function commonDirectory(files) {
  const parts = files.map((file) => dirname(file).split(sep));
  const common = parts[0].filter((part, i) => parts.every((p) => p[i] === part));
  return common.join(sep);
}

/**
 * The check renders every page, since TypeDoc warns of some things only while rendering (a link
 * rewritten to its parent's page, a code block's unknown language), but needs no colours in it:
 * syntax highlighting is most of the render's work. The languages TypeDoc loads for highlighting
 * (and `ts`, `js` for loaded TypeScript, JavaScript) are accepted as before and written plain; any
 * other still warns. `npm run docs` renders the reference with colours.
 */
function acceptWithoutColouring(app) {
  const loaded = app.options.getValue('highlightLanguages');
  const aliases = { typescript: 'ts', javascript: 'js' };
  const accepted = [...loaded, ...loaded.flatMap((lang) => aliases[lang] ?? [])];
  app.options.setValue('ignoredHighlightLanguages', [
    ...app.options.getValue('ignoredHighlightLanguages'),
    ...accepted,
  ]);
}

/**
 * TypeDoc with typedoc.json's options on `program`'s source files of its entries; as its own CLI,
 * a warning fails (treatWarningsAsErrors). True when it wrote the reference without one.
 */
async function document(program) {
  const readers = [new TypeDocReader(), new PackageJsonReader(), new TSConfigReader()];
  const app = await Application.bootstrapWithPlugins({}, readers);
  acceptWithoutColouring(app);
  const files = app.options.getValue('entryPoints');
  const base = commonDirectory(files);
  const name = (file) =>
    relative(base, file)
      .split(sep)
      .join('/')
      .replace(/(\/index)?\.tsx?$/, '');
  const entryPoints = files.map((file) => ({
    displayName: name(file),
    sourceFile: program.getSourceFile(file),
    program,
  }));
  const missing = files.filter((_, i) => !entryPoints[i].sourceFile);
  if (missing.length > 0) throw new Error(`typedoc entries outside tsconfig.json's program: ${missing.join(', ')}`);
  app.getEntryPoints = () => entryPoints;
  const strict = app.options.getValue('treatWarningsAsErrors');
  const failed = () => app.logger.hasErrors() || (strict && app.logger.hasWarnings());
  const project = await app.convert();
  if (!project || failed()) return false;
  app.validate(project);
  if (failed() || (app.options.getValue('treatValidationWarningsAsErrors') && app.logger.validationWarningCount > 0))
    return false;
  await app.generateOutputs(project);
  return !failed();
}

const { program, diagnostics } = typeCheck();
report(diagnostics);
const typed = !diagnostics.some((d) => d.category === ts.DiagnosticCategory.Error);
const linted = await lint(program);
const documented = await document(program);
process.exitCode = typed && linted && documented ? 0 : 1;
