import stringWidth from 'string-width';

/** A cell as shown: one line, control characters already made visible by the caller. */
export type Cell = string;

// Most cells are ASCII or Latin letters (one column each): their width is their length, without asking string-width.
const PLAIN = /^[\x20-\x7e\u00a0-\u02ff]*$/;
const widthOf = (text: string) => (PLAIN.test(text) ? text.length : stringWidth(text));

/**
 * The lines of a boxed table (the look cli-table3 gave us, without its cost: it measured every
 * cell several times and pushed rows with a spread, so 20 000 rows took 21 s and 150 000 overflowed
 * the stack). Widths are measured once per cell; lines are yielded one by one, so a caller can
 * stream them. Linear in the number of cells.
 */
export function* tableLines(head: readonly Cell[], rows: readonly (readonly Cell[])[]): Generator<string> {
  const widths = head.map(widthOf);
  const measured = rows.map((row) =>
    row.map((cell, i) => {
      const width = widthOf(cell);
      if (width > (widths[i] ?? 0)) widths[i] = width;
      return width;
    }),
  );
  const rule = (left: string, middle: string, right: string) =>
    `${left}${widths.map((w) => '─'.repeat(w + 2)).join(middle)}${right}`;
  const line = (cells: readonly Cell[], cellWidths: readonly number[]) =>
    `│${widths.map((w, i) => ` ${cells[i] ?? ''}${' '.repeat(w - (cellWidths[i] ?? 0))} `).join('│')}│`;
  yield rule('┌', '┬', '┐');
  yield line(head, head.map(widthOf));
  for (const [index, row] of rows.entries()) yield line(row, measured[index]!);
  yield rule('└', '┴', '┘');
}
