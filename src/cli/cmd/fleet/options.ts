import { Option } from '@commander-js/extra-typings';
import { collect } from '../../parsers.js';

/** `--only a,b` (repeatable): only these accounts of the fleet. */
export const onlyOption = () =>
  new Option('--only <ids>', 'only these account ids, comma-separated (repeatable)')
    .argParser(collect)
    .default([] as string[]);
