// `boomi-spaces contract check`: the live contract test a consumer runs in CI with their credentials.
import { readFileSync } from 'node:fs';
import { buildSchema } from 'graphql';
import type { SpacesClient } from '../../client/createSpacesClient.js';
import { contractCheck } from '../../contract/contractCheck.js';
import { loadOperationDocuments } from '../../tools/operationDocuments.js';
import { show, type Output } from '../output.js';

export async function runContractCheck(
  client: SpacesClient,
  out: Output,
  options: {
    spaceId?: string;
    spaceGuid?: string;
    writes?: { spaceName: string; accountGroupId: string };
    snapshot: string;
    operations: string;
  },
): Promise<number> {
  const snapshot = buildSchema(readFileSync(options.snapshot, 'utf8'));
  const report = await contractCheck(client, snapshot, loadOperationDocuments(options.operations), options);
  out.result(report, () => undefined);
  await out.table(
    ['OPERATION', 'STATUS', 'DETAILS'],
    report.results.flatMap((r) =>
      r.drifts.length === 0
        ? [[r.operation, r.status, r.note ?? '']]
        : r.drifts.map((d, i) => [
            i === 0 ? r.operation : '',
            i === 0 ? r.status : '',
            `${d.path}: expected ${d.expected}, saw ${d.seen}`,
          ]),
    ),
  );
  out.line(
    report.exitCode === 0
      ? `The platform at ${show(report.endpoint)} answers as the snapshot says (drift: none).`
      : `Drift or failure against ${show(report.endpoint)}: see above (exit 1).`,
  );
  return report.exitCode;
}
