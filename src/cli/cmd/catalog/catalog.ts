import { Command } from '@commander-js/extra-typings';
import type { CliContext } from '../../context.js';
import { examples } from '../examples.js';
import { catalogSearchCommand } from './search.js';

// The public Marketplace catalog: only --endpoint (or BOOMI_ENDPOINT) matters, no credentials are read or sent.
export function catalogCommand(ctx: CliContext) {
  return new Command('catalog')
    .description('search the public Marketplace catalog (no credentials needed)')
    .addHelpText('after', examples('catalog search salesforce'))
    .addCommand(catalogSearchCommand(ctx));
}
