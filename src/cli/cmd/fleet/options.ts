import { Option } from '@commander-js/extra-typings';
import { FLEET_LIMITS } from '../../../plan/fleetLimits.js';
import { collect, integer } from '../../parsers.js';

/** `--only a,b` (repeatable): only these accounts of the fleet. */
export const onlyOption = () =>
  new Option('--only <ids>', 'only these account ids, comma-separated (repeatable)')
    .argParser(collect)
    .default([] as string[]);

/** `--concurrency N`: accounts in flight at once, instead of the fleet file's `concurrency`. */
export const concurrencyOption = () =>
  new Option(
    '--concurrency <n>',
    `accounts in flight at once, 1 to ${FLEET_LIMITS.maxConcurrency} (default: the fleet file's concurrency)`,
  ).argParser(integer('--concurrency', 1, FLEET_LIMITS.maxConcurrency));
