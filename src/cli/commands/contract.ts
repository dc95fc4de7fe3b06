// `boomi-spaces contract check`: the live contract test a consumer runs in CI with their credentials.
import { existsSync, readFileSync } from 'node:fs';
import { buildSchema } from 'graphql';
import type { SpacesClient } from '../../client/createSpacesClient.js';
import { contractCheck, type CleanupOptions, type ContractReport } from '../../contract/contractCheck.js';
import { loadProvenance, provenanceFileOf } from '../../schema/provenance.js';
import { quote } from '../../text/printable.js';
import { loadOperationDocuments } from '../../tools/operationDocuments.js';
import { listenForInterruption, type SignalSource } from '../interrupt.js';
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
    cleanup?: Omit<CleanupOptions, 'signal'>;
  },
  signals: SignalSource = process,
): Promise<number> {
  const snapshot = buildSchema(readFileSync(options.snapshot, 'utf8'));
  const operations = loadOperationDocuments(options.operations);
  const provenanceFile = provenanceFileOf(options.snapshot);
  const provenance = existsSync(provenanceFile) ? loadProvenance(provenanceFile, snapshot).origins : undefined;
  // Only --allow-writes leaves something to undo; a read-only check ends at Ctrl+C as any command does.
  const interruption = options.writes ? listenForInterruption(signals) : undefined;
  let report: ContractReport;
  try {
    report = await contractCheck(client, snapshot, operations, {
      ...options,
      ...(provenance && { provenance }),
      ...(interruption && { signal: interruption.work, cleanup: { ...options.cleanup, signal: interruption.cleanup } }),
    });
  } finally {
    interruption?.dispose();
  }
  const exitCode = interruption?.exitCode ?? report.exitCode;
  out.result({ ...report, interrupted: interruption?.received ?? null, exitCode }, () => undefined);
  await printTable(out, report);
  await printFindings(out, report);
  for (const { id, name, reason } of report.leftBehind)
    out.note(
      `The throwaway Space ${quote(name)} (id ${show(id ?? 'unknown')}) is left behind: ${reason}. ` +
        (id ? `Delete it: boomi-spaces space delete ${show(id)} --yes` : 'Look for it: boomi-spaces spaces'),
    );
  if (interruption?.received)
    out.line(
      `Interrupted (${interruption.received}): the check stopped` +
        (options.writes && report.leftBehind.length === 0 ? '; no throwaway Space is left behind.' : '.'),
    );
  else
    out.line(
      report.exitCode === 0
        ? `The platform at ${show(report.endpoint)} answers as the snapshot says (drift: none).`
        : `Drift or failure against ${show(report.endpoint)}: see above (exit 1).`,
    );
  return exitCode;
}

async function printTable(out: Output, report: ContractReport): Promise<void> {
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
}

const DIALECT_NAMES = { help: 'the help pages', reference: "Boomi's generated reference" } as const;

/** The dialect found and what became of the inferred elements. */
async function printFindings(out: Output, report: ContractReport): Promise<void> {
  const { dialect } = report;
  if (dialect) {
    const names = Object.entries(dialect.names)
      .map(([name, verdict]) => `${name} ${verdict}`)
      .join(', ');
    out.line(
      dialect.dialect === 'unknown'
        ? `Dialect: unknown (${names}).`
        : `Dialect: ${dialect.dialect}, the Space query as ${DIALECT_NAMES[dialect.dialect]} name it (${names}).`,
    );
  }
  if (report.inferred.length === 0) return;
  const count = (verdict: string) => report.inferred.filter((c) => c.verdict === verdict).length;
  out.line(
    `Inferred elements of schema/provenance.yaml: ${count('confirmed')} confirmed, ${count('refused')} refused, ${count('not exercised')} not exercised.`,
  );
  await out.table(
    ['INFERRED ELEMENT', 'VERDICT', 'BY'],
    report.inferred.map((c) => [c.element, c.verdict, c.by ?? '']),
  );
}
