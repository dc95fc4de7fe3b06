import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { CriticalityLevel, diff, type Change } from '@graphql-inspector/core';
import {
  buildASTSchema,
  getNamedType,
  isEnumType,
  isInputObjectType,
  Kind,
  TypeInfo,
  validate,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type GraphQLNamedType,
  type GraphQLSchema,
} from 'graphql';
import {
  countProvenance,
  describeCounts,
  loadProvenance,
  provenanceFileOf,
  type ProvenanceCounts,
} from '../schema/provenance.js';
import { readSnapshot } from '../schema/snapshotHeader.js';
import type { LineWriter } from '../text/lines.js';
import { parseGraphQLFile, unusableFile } from './graphqlFile.js';
import { loadOperationDocuments } from './operationDocuments.js';

/** One of our operations and what it uses of the schema. */
interface Operation {
  name: string;
  file: string;
  document: DocumentNode;
  /** Schema coordinates it touches: `Type`, `Type.field`, `Type.field.argument`, input and enum types. */
  uses: Set<string>;
}

interface ChangeReport {
  criticality: 'BREAKING' | 'DANGEROUS' | 'NON_BREAKING';
  type: string;
  message: string;
  path: string | undefined;
  usedBy: string[];
}

export interface DiffReport {
  against: string;
  candidate: string;
  changes: ChangeReport[];
  operations: Array<{ name: string; file: string; valid: boolean; errors: string[] }>;
  /**
   * Where the compared snapshot's elements come from (the provenance file beside it), and how many
   * elements of the candidate that file does not cover; absent when there is no such file.
   */
  provenance?: { file: string; counts: ProvenanceCounts; problems: number; candidateUncovered: number };
  /** 1 when an operation no longer validates or a breaking change touches what they use. */
  exitCode: 0 | 1;
}

const SCHEMA_STEP = 'give a GraphQL schema in SDL, as `boomi-spaces schema pull --out <file>` writes one';

/**
 * A schema file (a snapshot's header allowed), built by our graphql and, for the diff, by the
 * inspector's; one that is not a schema names itself and where.
 */
function loadSchemaFile(file: string, inspectorsBuild: typeof buildASTSchema) {
  const text = readFileSync(file, 'utf8');
  const { sdl } = readSnapshot(text);
  // The header's lines are cut from the top: positions in the SDL are that many lines further down.
  const document = parseGraphQLFile(file, sdl, SCHEMA_STEP, text.split('\n').length - sdl.split('\n').length);
  let ours: GraphQLSchema;
  try {
    ours = buildASTSchema(document);
  } catch (error) {
    // graphql-js joins every SDL problem (an unknown type, a type defined twice) into one message.
    const [first, ...more] = (error as Error).message.split('\n\n');
    throw unusableFile(
      `${file}: ${first!.replace(/\.$/, '')}${more.length > 0 ? ` (and ${more.length} more)` : ''}`,
      SCHEMA_STEP,
    );
  }
  // A parsed document is plain data: any graphql copy builds from it.
  return { ours, forInspector: inspectorsBuild === buildASTSchema ? ours : inspectorsBuild(document) };
}

/**
 * `buildASTSchema` of the graphql that @graphql-inspector/core runs on. npm gives it whatever graphql
 * the consumer's root holds (17, say: its peer range allows it) while ours stays nested (16), and a
 * schema of one copy read by the other's functions differs everywhere ("'DateTime' kind changed from
 * 'ScalarTypeDefinition' to 'ScalarTypeDefinition'"). Resolved from the inspector's folder, as its own
 * import of graphql is (graphql 16 has one entry file; 17 maps import and require to the same one).
 */
function inspectorsBuildASTSchema(): typeof buildASTSchema {
  const inspector = createRequire(import.meta.url).resolve('@graphql-inspector/core');
  return (createRequire(inspector)('graphql') as typeof import('graphql')).buildASTSchema;
}

/** Diffs two snapshots and checks every operation in `operationsDir` against the candidate. */
export async function diffSchemas(
  againstFile: string,
  candidateFile: string,
  operationsDir: string,
): Promise<DiffReport> {
  const build = inspectorsBuildASTSchema();
  const against = loadSchemaFile(againstFile, build);
  const next = loadSchemaFile(candidateFile, build);
  const [current, candidate] = [against.ours, next.ours];
  const operations = loadOperations(operationsDir, current);
  const changes = (await diff(against.forInspector, next.forInspector)).map((change) => report(change, operations));
  const checked = operations.map((op) => {
    const errors = validate(candidate, op.document).map((e) => {
      const at = e.locations?.[0];
      return at ? `${e.message} (${op.file}:${at.line}:${at.column})` : e.message;
    });
    return { name: op.name, file: op.file, valid: errors.length === 0, errors };
  });
  const broken =
    checked.some((op) => !op.valid) || changes.some((c) => c.criticality === 'BREAKING' && c.usedBy.length > 0);
  const provenance = provenanceOf(againstFile, current, candidate);
  return {
    against: againstFile,
    candidate: candidateFile,
    changes,
    operations: checked,
    ...(provenance && { provenance }),
    exitCode: broken ? 1 : 0,
  };
}

function provenanceOf(againstFile: string, current: GraphQLSchema, candidate: GraphQLSchema) {
  const file = provenanceFileOf(againstFile);
  if (!existsSync(file)) return undefined;
  const { origins, problems } = loadProvenance(file, current);
  const forCandidate = loadProvenance(file, candidate);
  return {
    file,
    counts: countProvenance(origins),
    problems: problems.length,
    candidateUncovered: forCandidate.problems.filter((p) => p.endsWith(': no entry')).length,
  };
}

function report(change: Change, operations: Operation[]): ChangeReport {
  const path = change.path;
  return {
    criticality:
      change.criticality.level === CriticalityLevel.Breaking
        ? 'BREAKING'
        : change.criticality.level === CriticalityLevel.Dangerous
          ? 'DANGEROUS'
          : 'NON_BREAKING',
    type: change.type as string,
    message: change.message,
    path,
    usedBy: path ? operations.filter((op) => touches(path, op.uses)).map((op) => op.name) : [],
  };
}

// `Space.name` touches an operation that selects Space.name; `Query.Space.id` one that passes that
// argument; any change inside an input or enum type an operation sends or receives touches it.
function touches(path: string, uses: Set<string>): boolean {
  if (uses.has(path)) return true;
  const segments = path.split('.');
  for (let n = segments.length - 1; n >= 1; n--) {
    const prefix = segments.slice(0, n).join('.');
    if (n >= 2 && uses.has(prefix)) return true;
  }
  return uses.has(`type:${segments[0]}`) || (segments.length === 1 && uses.has(segments[0]!));
}

function loadOperations(dir: string, schema: GraphQLSchema): Operation[] {
  return loadOperationDocuments(dir).map(({ file, document }) => {
    const definition = document.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION);
    const name = definition?.kind === Kind.OPERATION_DEFINITION && definition.name ? definition.name.value : file;
    return { name, file, document, uses: usedCoordinates(schema, document) };
  });
}

function usedCoordinates(schema: GraphQLSchema, document: DocumentNode): Set<string> {
  const uses = new Set<string>();
  const typeInfo = new TypeInfo(schema);
  const addWholeType = (type: GraphQLNamedType | undefined | null) => {
    if (!type || uses.has(`type:${type.name}`)) return;
    if (isEnumType(type)) uses.add(`type:${type.name}`);
    if (isInputObjectType(type)) {
      uses.add(`type:${type.name}`);
      for (const field of Object.values(type.getFields())) addWholeType(getNamedType(field.type));
    }
  };
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field() {
        const parent = typeInfo.getParentType();
        const field = typeInfo.getFieldDef();
        if (!parent || !field) return;
        uses.add(parent.name);
        uses.add(`${parent.name}.${field.name}`);
        const named = getNamedType(field.type);
        uses.add(named.name);
        addWholeType(named);
      },
      Argument() {
        const parent = typeInfo.getParentType();
        const field = typeInfo.getFieldDef();
        const argument = typeInfo.getArgument();
        if (parent && field && argument) uses.add(`${parent.name}.${field.name}.${argument.name}`);
      },
      VariableDefinition() {
        addWholeType(typeInfo.getInputType() ? getNamedType(typeInfo.getInputType()!) : undefined);
      },
    }),
  );
  return uses;
}

/** The report for people. */
export function printDiffReport(out: LineWriter, report: DiffReport): void {
  out.line(`Schema diff: ${report.against} → ${report.candidate}`);
  for (const level of ['BREAKING', 'DANGEROUS', 'NON_BREAKING'] as const) {
    const changes = report.changes.filter((c) => c.criticality === level);
    out.line(
      `${level === 'NON_BREAKING' ? 'Safe' : level === 'BREAKING' ? 'Breaking' : 'Dangerous'} changes: ${changes.length}`,
    );
    for (const change of changes) {
      const used = change.usedBy.length > 0 ? `used by ${change.usedBy.join(', ')}` : 'not used by our operations';
      out.line(
        `  ${level === 'BREAKING' && change.usedBy.length > 0 ? '✗' : '•'} ${change.message} [${change.path ?? '-'}] (${used})`,
      );
    }
  }
  if (report.provenance) {
    const { file, counts, problems, candidateUncovered } = report.provenance;
    out.line(
      `Provenance of the snapshot (${file}): ${describeCounts(counts)}${problems ? `, ${problems} problems` : ''}`,
    );
    if (candidateUncovered > 0)
      out.line(`  New-schema elements without a provenance entry: ${candidateUncovered} (add them when adopting it).`);
  }
  out.line('Our operations against the new schema:');
  for (const op of report.operations) {
    out.line(op.valid ? `  ✓ ${op.name}` : `  ✗ ${op.name}: ${op.errors.join('; ')}`);
  }
  out.line(
    report.exitCode === 0
      ? 'Result: our operations are unaffected. Next: npm run codegen && npm test.'
      : 'Result: the new schema breaks our operations (exit 1). Fix the operations above, then npm run codegen && npm test.',
  );
}
