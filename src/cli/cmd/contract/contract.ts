import { Command } from '@commander-js/extra-typings';
import type { CliContext } from '../../context.js';
import { examples } from '../examples.js';
import { contractCheckCommand } from './check.js';

export function contractCommand(ctx: CliContext) {
  return new Command('contract')
    .description('check the live platform against the snapshot the SDK was built from')
    .addHelpText('after', examples('contract check'))
    .addCommand(contractCheckCommand(ctx));
}
