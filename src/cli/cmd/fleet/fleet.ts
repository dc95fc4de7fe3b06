import { Command } from '@commander-js/extra-typings';
import type { CliContext } from '../../context.js';
import { examples } from '../examples.js';
import { fleetApplyCommand } from './apply.js';
import { fleetPlanCommand } from './plan.js';
import { fleetStatusCommand } from './status.js';
import { fleetWatchCommand } from './watch.js';

/** `fleet plan|apply|status|watch FILE`: one plan across many accounts (docs/fleets.md). */
export function fleetCommand(ctx: CliContext) {
  return new Command('fleet')
    .description('one plan across many accounts: plan, apply (journaled, resumable), status and watch per account')
    .addHelpText(
      'after',
      examples(
        'fleet plan fleet.yaml --detailed-exitcode',
        'fleet apply fleet.yaml --yes',
        'fleet status fleet.yaml --json',
        'fleet watch fleet.yaml --on-error ./page-on-call.sh',
      ),
    )
    .addCommand(fleetPlanCommand(ctx))
    .addCommand(fleetApplyCommand(ctx))
    .addCommand(fleetStatusCommand(ctx))
    .addCommand(fleetWatchCommand(ctx));
}
