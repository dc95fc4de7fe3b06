import { describe, expect, it } from '@jest/globals';
import { OPERATION_FACTS } from '../../src/generated/operationFacts.js';
import { isRepeatable } from '../../src/transport/idempotent.js';

describe('which attempts may be repeated after a transient failure', () => {
  it('every query, and exactly the mutations declared `# @idempotent`', () => {
    const repeatable = Object.entries(OPERATION_FACTS)
      .filter(([name, facts]) => isRepeatable(facts.kind, name))
      .map(([name]) => name);
    const queries = Object.keys(OPERATION_FACTS).filter((name) => OPERATION_FACTS[name as 'getSpace'].kind === 'query');
    expect(repeatable).toEqual(
      [...queries, 'updateExtensions', 'updateMapExtensions', 'updateProcessSchedules', 'updateSpace'].sort(),
    );
  });

  it('goes by name for documents of your own, and never repeats an unknown mutation', () => {
    expect(isRepeatable('query', 'anythingOfYours')).toBe(true);
    expect(isRepeatable('mutation', 'updateSpace')).toBe(true);
    expect(isRepeatable('mutation', 'installIpack')).toBe(false);
    expect(isRepeatable('mutation', 'anythingOfYours')).toBe(false);
    // Names an object inherits are no operations of ours.
    expect(isRepeatable('mutation', 'constructor')).toBe(false);
    expect(isRepeatable('mutation', 'toString')).toBe(false);
    expect(isRepeatable('subscription', 'updateSpace')).toBe(false);
  });
});
