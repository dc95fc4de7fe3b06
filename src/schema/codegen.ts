// boomi-spaces/codegen: what a consumer's own graphql-codegen needs to type their own operations
// against the schema this package ships. No import of graphql-codegen: the consumer brings it.
import { fileURLToPath } from 'node:url';
import { SpacesInputError } from '../errors/SpacesError.js';

/**
 * The path of the schema snapshot (SDL) this package ships and was built from: the `schema` of a
 * graphql-codegen config.
 *
 * @example
 * ```ts
 * import { schema } from 'boomi-spaces/codegen';
 * const config = { schema, documents: 'src/**\/*.graphql', generates: {} };
 * ```
 */
export const schema: string = fileURLToPath(new URL('../../schema/boomi-spaces.graphql', import.meta.url));

/** Where {@link codegenConfig} reads operations and writes their types. */
export interface CodegenOptions {
  /** Glob(s) of the consumer's `.graphql` operations, relative to the folder codegen runs in. */
  documents: string | string[];
  /** The one TypeScript file to generate, relative to that folder (for example `src/gen/graphql.ts`). */
  output: string;
}

/** The options of the standard trio (`typescript`, `typescript-operations`, `typed-document-node`). */
export interface CodegenPluginConfig {
  useTypeImports: true;
  enumsAsTypes: true;
  documentNodeImport: string;
  importSchemaTypesFrom: string;
  scalars: Record<string, { input: string; output: string }>;
}

/** A graphql-codegen config (assignable to `CodegenConfig` of `@graphql-codegen/cli`). */
export interface BoomiCodegenConfig {
  schema: string;
  documents: string | string[];
  emitLegacyCommonJSImports: false;
  generates: Record<string, { plugins: string[]; config: CodegenPluginConfig }>;
}

const TS_FILE = /\.(ts|mts|cts|tsx)$/;

/**
 * A graphql-codegen config for the standard trio on the shipped schema, generating one file whose
 * documents `client.execute` takes. typescript-operations 6 declares the enums and inputs an
 * operation uses itself, so next to the `typescript` plugin an operation selecting an enum (say
 * `installationType`) declares it twice (TS2567); here typescript-operations takes them from the
 * `typescript` plugin's declarations in the same file instead. Enums are string unions
 * (`enumsAsTypes`), the SDK's own types, so its values and string literals fit either.
 *
 * @example
 * ```ts
 * // codegen.ts; then `npx graphql-codegen --config codegen.ts`
 * import { codegenConfig } from 'boomi-spaces/codegen';
 * export default codegenConfig({ documents: 'src/ops/*.graphql', output: 'src/gen/graphql.ts' });
 * ```
 */
export function codegenConfig(options: CodegenOptions): BoomiCodegenConfig {
  const { documents, output } = options;
  const globs = Array.isArray(documents) ? documents : [documents];
  if (globs.length === 0 || globs.some((glob) => typeof glob !== 'string' || glob.trim() === '')) {
    throw new SpacesInputError('`documents` must name the glob(s) of your .graphql operations, e.g. "src/ops/*.graphql"', {
      field: 'documents',
    });
  }
  if (typeof output !== 'string' || !TS_FILE.test(output)) {
    throw new SpacesInputError('`output` must be the TypeScript file to generate, e.g. "src/gen/graphql.ts"', {
      field: 'output',
    });
  }
  return {
    schema,
    documents,
    // Relative imports get their `.js`, which every TypeScript resolution (node16, bundler, CommonJS) accepts.
    emitLegacyCommonJSImports: false,
    generates: {
      [output]: {
        plugins: ['typescript', 'typescript-operations', 'typed-document-node'],
        config: {
          useTypeImports: true,
          // Enums as string unions, as the SDK declares them: a status the SDK returns, or a literal
          // like 'COMPLETE', goes straight into a generated operation's variables (a TypeScript
          // enum would refuse both), and `erasableSyntaxOnly` projects compile.
          enumsAsTypes: true,
          // The document type client.execute takes (urql's, free of the graphql package).
          documentNodeImport: '@urql/core#TypedDocumentNode',
          // The file itself: typescript-operations then references the `typescript` plugin's enums
          // and inputs (as Types.X) instead of declaring them a second time.
          importSchemaTypesFrom: output,
          // As the SDK types them: both travel as strings in JSON.
          scalars: {
            DateTime: { input: 'string', output: 'string' },
            ID: { input: 'string', output: 'string' },
            Upload: { input: 'unknown', output: 'unknown' },
          },
        },
      },
    },
  };
}
