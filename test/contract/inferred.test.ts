import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { buildSchema, parse } from 'graphql';
import { exercisedElements, judgeInferred } from '../../src/contract/inferred.js';
import type { ContractResult } from '../../src/contract/runner.js';
import { loadProvenance } from '../../src/schema/provenance.js';

const snapshot = buildSchema(readFileSync('schema/boomi-spaces.graphql', 'utf8'));
const { origins } = loadProvenance('schema/provenance.yaml', snapshot);
// Names an inferred input type (a variable's), an inferred field, and inline input fields.
const document = parse(`
  query accounts($criteria: SpaceAccountSearchCriteria) {
    spaceAccounts(criteria: $criteria) { id }
    integrationPackInstances { id processes { name } }
    executionHistory(input: { processId: "p", executionTime: "2026-01-01T00:00:00Z", status: COMPLETE }) { executionId }
  }
`);
const verdictOf = (result: ContractResult) =>
  Object.fromEntries(
    judgeInferred(origins, snapshot, [{ document, result }], undefined).map((c) => [c.element, c.verdict]),
  );

describe('inferred elements judged by the operations that name them (no introspection)', () => {
  it('lists what a document names, as provenance coordinates', () => {
    expect([...exercisedElements(snapshot, document)]).toEqual(
      expect.arrayContaining([
        'SpaceAccountSearchCriteria',
        'Query.spaceAccounts(criteria:)',
        'IntegrationPackInstance.processes',
        'ExecutionHistoryInput.processId',
        'ExecutionHistoryStatus.COMPLETE',
      ]),
    );
    // An object type reached through a field is not named: its name never travels.
    expect(exercisedElements(snapshot, document).has('IntegrationPackInstanceProcess')).toBe(false);
  });

  it('an answered operation confirms them; the rest stay not exercised', () => {
    const verdicts = verdictOf({ operation: 'accounts', status: 'OK', drifts: [] });
    expect(verdicts).toMatchObject({
      SpaceAccountSearchCriteria: 'confirmed',
      'IntegrationPackInstance.processes': 'confirmed',
      Atom: 'not exercised',
    });
  });

  it('a refusal naming one refuses it, and leaves the others of that operation not exercised', () => {
    const verdicts = verdictOf({
      operation: 'accounts',
      status: 'DRIFT',
      drifts: [
        { path: 'operation', expected: 'accepted by the server', seen: 'Unknown type "SpaceAccountSearchCriteria".' },
      ],
    });
    expect(verdicts).toMatchObject({
      SpaceAccountSearchCriteria: 'refused',
      'IntegrationPackInstance.processes': 'not exercised',
    });
  });

  it('a failed call exercises nothing', () => {
    const verdicts = verdictOf({ operation: 'accounts', status: 'FAILED', drifts: [], note: 'HTTP 503' });
    expect(new Set(Object.values(verdicts))).toEqual(new Set(['not exercised']));
  });
});
