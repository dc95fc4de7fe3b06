import type { Writable } from 'node:stream';

/** Exit codes of the CLI. */
export const EXIT = { ok: 0, apiFailure: 1, usage: 2 } as const;

/** Where a command writes: a table or lines for people, or exactly one JSON document with --json. */
export class Output {
  constructor(
    readonly json: boolean,
    private readonly stdout: Writable = process.stdout,
    private readonly stderr: Writable = process.stderr,
  ) {}

  /** A line for people (nothing in --json mode, where stdout holds only the document). */
  line(text = ''): void {
    if (!this.json) this.stdout.write(`${text}\n`);
  }

  /** A progress or status note: stderr in --json mode so stdout stays one document. */
  note(text: string): void {
    (this.json ? this.stderr : this.stdout).write(`${text}\n`);
  }

  /** The command's result: the JSON document, or the human rendering. */
  result(document: unknown, render: () => void): void {
    if (this.json) this.stdout.write(`${JSON.stringify(document, null, 2)}\n`);
    else render();
  }

  /** A failure: the code and message on stderr; in --json mode also `{ "error": … }` on stdout. */
  error(error: { code: string; message: string; status?: number | undefined }): void {
    this.stderr.write(`boomi-spaces: error ${error.code}: ${error.message}\n`);
    if (this.json) {
      const document = { error: { code: error.code, message: error.message, ...(error.status !== undefined && { status: error.status }) } };
      this.stdout.write(`${JSON.stringify(document, null, 2)}\n`);
    }
  }

  /** A table with a header row; an empty list prints `empty` instead. */
  async table(head: string[], rows: Array<Array<string | number | null | undefined>>, empty = '(none)'): Promise<void> {
    if (this.json) return;
    if (rows.length === 0) return this.line(empty);
    // Loaded here: tables are only needed once a command has data to show.
    const { default: Table } = await import('cli-table3');
    const table = new Table({
      head,
      style: { head: [], border: [] },
      chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' },
    });
    table.push(...rows.map((row) => row.map((cell) => (cell === null || cell === undefined ? '' : String(cell)))));
    this.line(table.toString());
  }
}
