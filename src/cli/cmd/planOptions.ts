// The options `plan` and `apply` share.
import { Option } from '@commander-js/extra-typings';

export const pruneOption = () =>
  new Option(
    '--prune',
    'also uninstall instances of the space’s packs that the plan does not list, and detach environments it does not list',
  );

export const rotateSecretsOption = () =>
  new Option(
    '--rotate-secrets',
    'send the plan’s secrets even where one is set already (the platform never returns them, so by default a set secret is left alone)',
  );
