/**
 * Where a report writes its lines for people. The CLI's `Output` is one (it makes each line
 * printable and writes nothing in --json mode); the reports that tools and plans print take this,
 * not the CLI's class, so they stay below the CLI.
 */
export interface LineWriter {
  /** One line, without its line break. */
  line(text: string): void;
}
