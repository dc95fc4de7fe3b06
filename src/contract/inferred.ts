import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type GraphQLSchema,
} from 'graphql';
import { driftedElement } from '../errors/toSpacesError.js';
import { schemaElements, type Origin } from '../schema/provenance.js';
import { REFUSED, type ContractResult } from './runner.js';

/** What the live platform said about one `inferred` element of schema/provenance.yaml. */
export interface InferredCheck {
  /** The element's coordinate, as in the provenance file: `Type`, `Type.field`, `Type.field(arg:)`, `Enum.VALUE`. */
  element: string;
  /** Why the snapshot has it (the provenance entry's `why`). */
  why: string;
  /**
   * `confirmed`: the live schema has it (introspection), or an operation naming it was accepted;
   * `refused`: the live schema lacks it, or the server refused an operation naming it;
   * `not exercised`: nothing the check sent named it.
   */
  verdict: 'confirmed' | 'refused' | 'not exercised';
  /** What told: `introspection` or the operation. */
  by?: string;
}

/** The `__typename`s the answers showed where an inferred type was expected, with the operation that showed them. */
export type TypenamesSeen = Map<string, { names: ReadonlySet<string>; by: string }>;

/** One operation the check sent, with how it fared. */
export interface Exercise {
  document: DocumentNode;
  result: ContractResult;
}

/**
 * The schema elements a document names, as the provenance file writes them: the fields it selects,
 * the arguments and input fields it writes, the enum values it writes as literals, the types it names
 * (variables, fragments). An object type reached only through a field is not named: its name never
 * travels, so no answer can confirm it.
 */
export function exercisedElements(schema: GraphQLSchema, document: DocumentNode): Set<string> {
  const named = new Set<string>();
  const typeInfo = new TypeInfo(schema);
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field() {
        const parent = typeInfo.getParentType();
        const field = typeInfo.getFieldDef();
        if (parent && field) named.add(`${parent.name}.${field.name}`);
      },
      Argument(node) {
        const parent = typeInfo.getParentType();
        const field = typeInfo.getFieldDef();
        if (parent && field) named.add(`${parent.name}.${field.name}(${node.name.value}:)`);
      },
      ObjectField(node) {
        const input = getNamedType(typeInfo.getParentInputType());
        if (isInputObjectType(input)) named.add(`${input.name}.${node.name.value}`);
      },
      EnumValue(node) {
        const type = getNamedType(typeInfo.getInputType());
        if (isEnumType(type)) named.add(`${type.name}.${node.value}`);
      },
      NamedType(node) {
        named.add(node.name.value);
      },
    }),
  );
  return named;
}

/**
 * For each `inferred` element: the live schema's word when introspection answered, else what the
 * answers showed: an object type is confirmed when a `__typename` where it was expected is its name,
 * refused when those name another type; any other element is refused when a refusal names it,
 * confirmed when an operation naming it was answered (its document passed the server's validation).
 */
export function judgeInferred(
  origins: ReadonlyMap<string, Origin>,
  snapshot: GraphQLSchema,
  exercises: readonly Exercise[],
  live: GraphQLSchema | undefined,
  typenames: TypenamesSeen = new Map(),
): InferredCheck[] {
  const liveElements = live && schemaElements(live);
  const verdicts = new Map<string, Pick<InferredCheck, 'verdict' | 'by'>>();
  for (const [type, { names, by }] of typenames)
    if (names.size > 0) verdicts.set(type, { verdict: names.has(type) ? 'confirmed' : 'refused', by });
  for (const { document, result } of exercises) {
    if (result.status === 'FAILED') continue;
    const refusals = result.drifts.filter((d) => d.path === REFUSED);
    const refused = new Set(refusals.map((d) => driftedElement(d.seen).field));
    for (const element of exercisedElements(snapshot, document)) {
      if (refused.has(element)) verdicts.set(element, { verdict: 'refused', by: result.operation });
      else if (refusals.length === 0 && !verdicts.has(element))
        verdicts.set(element, { verdict: 'confirmed', by: result.operation });
    }
  }
  const checks: InferredCheck[] = [];
  for (const [element, origin] of origins) {
    if (origin.source !== 'inferred') continue;
    const found = liveElements
      ? { verdict: liveElements.has(element) ? ('confirmed' as const) : ('refused' as const), by: 'introspection' }
      : (verdicts.get(element) ?? { verdict: 'not exercised' as const });
    checks.push({ element, why: origin.why ?? '', ...found });
  }
  return checks.sort((a, b) => a.element.localeCompare(b.element));
}
