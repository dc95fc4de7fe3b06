import { once } from 'node:events';
import type { Writable } from 'node:stream';
import type { LineWriter } from '../text/lines.js';
import { printable, safeJson, shorten } from '../text/printable.js';

/** Longest cell shown in a table; a longer value shows its start and its length. */
const MAX_CELL = 200;

/** A value inside a line for people: one line, control characters visible, long values shortened. */
export const show = (value: string | number | null | undefined): string =>
  printable(shorten(String(value ?? '-'), MAX_CELL));

/**
 * Exit codes of the CLI. 130 and 143 end a command stopped by Ctrl+C or SIGTERM (128 + the signal's
 * number); 141 one whose reader closed the pipe (128 + SIGPIPE: what the shell reports for git and gh).
 */
export const EXIT = { ok: 0, apiFailure: 1, usage: 2, interrupted: 130, brokenPipe: 141, terminated: 143 } as const;

/**
 * Ends the process quietly when the reader of `stream` goes away (`boomi-spaces instances | head -2`):
 * no message (there is no one to read it) and no stack, exit 141, as git and gh end by SIGPIPE. Any
 * other stream error fails as before: thrown unless a writer waiting on the stream takes it.
 */
export function endQuietlyOnBrokenPipe(
  stream: NodeJS.EventEmitter,
  exit: (code: number) => void = (code) => process.exit(code),
): void {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') exit(EXIT.brokenPipe);
    else if (stream.listenerCount('error') === 1) throw error;
  });
}

/** Table lines written at once; between chunks the stream may drain. */
const CHUNK_LINES = 1000;

/**
 * Where a command writes: a table or lines for people, or exactly one JSON document with --json.
 * Everything written passes through `printable`: text from the server or the user reaches the
 * terminal as characters, never as escape sequences.
 */
export class Output implements LineWriter {
  constructor(
    readonly json: boolean,
    private readonly stdout: Writable = process.stdout,
    private readonly stderr: Writable = process.stderr,
  ) {}

  /** A line for people (nothing in --json mode, where stdout holds only the document). */
  line(text = ''): void {
    if (!this.json) this.stdout.write(`${printable(text, { keepNewlines: true })}\n`);
  }

  /** A progress or status note: stderr in --json mode so stdout stays one document. */
  note(text: string): void {
    (this.json ? this.stderr : this.stdout).write(`${printable(text, { keepNewlines: true })}\n`);
  }

  /** The command's result: the JSON document (C1 and bidi characters escaped too), or the human rendering. */
  result(document: unknown, render: () => void): void {
    if (this.json) this.stdout.write(`${safeJson(document, 2)}\n`);
    else render();
  }

  /** One JSON document on one line (a stream of results, such as a watch's), escaped as `result`'s. */
  jsonLine(document: unknown): void {
    this.stdout.write(`${safeJson(document)}\n`);
  }

  /** A failure: the code and message on stderr; in --json mode also `{ "error": … }` on stdout. */
  error(error: { code: string; message: string; status?: number | undefined }): void {
    this.stderr.write(
      `boomi-spaces: error ${printable(error.code)}: ${printable(error.message, { keepNewlines: true })}\n`,
    );
    this.errorDocument(error);
  }

  /** In --json mode, `{ "error": … }` on stdout (stderr is the caller's to write). */
  errorDocument(error: { code: string; message: string; status?: number | undefined }): void {
    if (!this.json) return;
    const status = error.status !== undefined ? { status: error.status } : {};
    this.stdout.write(`${safeJson({ error: { code: error.code, message: error.message, ...status } }, 2)}\n`);
  }

  /** A table with a header row, streamed in chunks; an empty list prints `empty` instead. */
  async table(head: string[], rows: Array<Array<string | number | null | undefined>>, empty = '(none)'): Promise<void> {
    if (this.json) return;
    if (rows.length === 0) return this.line(empty);
    const cells = rows.map((row) =>
      row.map((cell) => (cell === null || cell === undefined ? '' : printable(shorten(String(cell), MAX_CELL)))),
    );
    // Loaded here: tables (and string-width) are only needed once a command has rows to show.
    const { tableLines } = await import('./table.js');
    let chunk: string[] = [];
    for (const line of tableLines(head, cells)) {
      chunk.push(line);
      if (chunk.length < CHUNK_LINES) continue;
      await this.#write(chunk);
      chunk = [];
    }
    await this.#write(chunk);
  }

  async #write(lines: string[]): Promise<void> {
    if (lines.length === 0) return;
    // A slow reader (a pipe to `less`) makes us wait instead of buffering the whole table in memory.
    if (!this.stdout.write(`${lines.join('\n')}\n`)) await once(this.stdout, 'drain');
  }
}
