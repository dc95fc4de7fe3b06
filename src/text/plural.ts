/**
 * `1 process`, `2 processes`, `0 settings`: a count and its noun, plural unless the count is one.
 * The plural is the noun's regular one (`-es` after s, x, ch, sh; `-ies` after a consonant and y;
 * else `-s`) unless given.
 *
 * @example
 * counted(1, 'process'); // '1 process'
 * counted(3, 'change'); // '3 changes'
 */
export function counted(count: number, noun: string, plural = pluralOf(noun)): string {
  return `${count} ${count === 1 ? noun : plural}`;
}

function pluralOf(noun: string): string {
  if (/(s|x|ch|sh)$/.test(noun)) return `${noun}es`;
  if (/[^aeiou]y$/.test(noun)) return `${noun.slice(0, -1)}ies`;
  return `${noun}s`;
}
