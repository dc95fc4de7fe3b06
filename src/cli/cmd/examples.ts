/** A command's "Examples:" block, shown after its help: one `$ boomi-spaces …` line each. */
export function examples(...lines: string[]): string {
  return `\nExamples:\n${lines.map((line) => `  $ boomi-spaces ${line}`).join('\n')}\n`;
}
