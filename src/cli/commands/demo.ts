import { createJwtProvider } from '../../auth/createJwtProvider.js';
import { createSpacesClient } from '../../client/createSpacesClient.js';
import { SpacesError } from '../../errors/SpacesError.js';
import { startSimulator } from '../../simulator/server/startSimulator.js';
import { applyPlan } from '../../plan/applyPlan.js';
import { changeToJson } from '../../plan/changes.js';
import { planChanges } from '../../plan/planChanges.js';
import { parsePlan } from '../../plan/planFile.js';
import type { Dialect } from '../../schema/dialects.js';
import type { Output } from '../output.js';
import { fleetDemo } from './demoFleet.js';
import { lifecycleDemo } from './demoLifecycle.js';
import { counted } from '../../text/plural.js';

/**
 * The main job against the embedded simulator, step by step, with the SDK: what `npm start` runs.
 */
export async function runDemo(out: Output, { dialect = 'help' }: { dialect?: Dialect } = {}): Promise<void> {
  const simulator = await startSimulator({ dialect });
  const steps: Array<{ step: string; result: unknown }> = [];
  let n = 0;
  const step = (title: string) => out.note(`\n${++n}. ${title}`);
  const record = (title: string, result: unknown) => steps.push({ step: title, result });
  try {
    out.note(`Simulator started at ${simulator.url}`);
    const { accountId, username, apiToken } = simulator.credentials;
    const jwt = createJwtProvider({ accountId, username, apiToken, authUrl: simulator.authUrl });
    const spaceId = simulator.platform.state.spaces[0]!.id;
    // Unpaced: the demo's own simulator has no rate limit for pacing to keep under, only a demo to slow down.
    const client = createSpacesClient({
      endpoint: simulator.url,
      getToken: jwt.getToken,
      spaceGuid: spaceId,
      rateLimit: false,
    });

    step('List the spaces');
    const spaces = await client.listSpaces();
    record('listSpaces', spaces);
    await out.table(
      ['ID', 'NAME', 'ACCOUNT GROUP'],
      spaces.map((s) => [s.id, s.name, s.accountGroup?.name]),
    );

    step(`Show the packs space "${spaces[0]?.name}" shares, with their install types`);
    const space = await client.getSpace(spaceId);
    record('getSpace', space);
    const packs = (space.sharedIpacks ?? []).flatMap((p) => (p ? [p] : []));
    await out.table(
      ['PACK ID', 'NAME', 'INSTALL TYPE'],
      packs.map((p) => [p.id, p.name, p.installationType]),
    );
    const single = packs.find((p) => p.installationType === 'SINGLE')!;
    const multi = packs.find((p) => p.installationType === 'MULTI')!;

    step(`Install the SINGLE pack "${single.name}"`);
    const singleInstance = await client.installIntegrationPack({ integrationPackId: single.id, spaceId });
    record('install SINGLE', singleInstance);
    out.note(`   installed as instance ${singleInstance.id}`);

    step(`Install the MULTI pack "${multi.name}" twice, under two names`);
    const names = ['EU invoices', 'US invoices'];
    const multiInstances = [];
    for (const name of names) {
      const instance = await client.installIntegrationPack({
        integrationPackId: multi.id,
        integrationPackOverrideName: name,
        spaceId,
      });
      multiInstances.push(instance);
      out.note(`   "${name}" installed as instance ${instance.id}`);
    }
    record('install MULTI twice', multiInstances);

    step(`A wrong install: "${multi.name}" without an override name`);
    try {
      await client.installIntegrationPack({ integrationPackId: multi.id, spaceId });
    } catch (error) {
      if (!(error instanceof SpacesError)) throw error;
      out.note(`   refused before sending: ${error.code}: ${error.message}`);
      record('wrong install', { code: error.code, message: error.message });
    }

    step('List the installed instances');
    const instances = await client.listIntegrationPackInstances();
    record('listIntegrationPackInstances', instances);
    await out.table(
      ['INSTANCE ID', 'PACK', 'INSTALL TYPE', 'OVERRIDE NAME'],
      instances.map((i) => [
        i.id,
        i.integrationPack?.name,
        i.integrationPack?.installationType,
        i.integrationPackOverrideName,
      ]),
    );

    const environments = await client.listEnvironments();
    const prod = environments.find((e) => e.classification === 'PROD') ?? environments[0]!;
    const attached = multiInstances[0]!;
    step(`Attach instance ${attached.id} to environment "${prod.name}"`);
    const attachments = await client.attachIntegrationPackInstance({
      integrationPackInstanceId: attached.id,
      environmentIds: [prod.id],
    });
    record('attach', attachments);
    out.note(`   attachment ${attachments[0]?.id} in environment ${attachments[0]?.environmentId}`);

    await lifecycleDemo(client, out, { step, record }, attached.id, { id: prod.id, name: prod.name ?? prod.id });

    const removed = multiInstances[1]!;
    step(`Uninstall instance ${removed.id} ("${removed.integrationPackOverrideName}")`);
    await client.uninstallIntegrationPack(removed.id);
    const left = await client.listIntegrationPackInstances();
    record('uninstall', { uninstalled: removed.id, remaining: left.map((i) => i.id) });
    out.note(`   uninstalled; ${counted(left.length, 'instance')} ${left.length === 1 ? 'remains' : 'remain'}`);

    const planText = [
      `space: ${spaceId}`,
      'instances:',
      `  - pack: ${single.name}`,
      `    environments: [${prod.name}]`,
      `  - pack: ${multi.name}`,
      '    name: EU invoices',
      `  - pack: ${multi.name}`,
      '    name: APAC invoices',
      `    environments: [${environments.map((e) => e.name).join(', ')}]`,
      '',
    ].join('\n');
    step('Apply a plan file: the desired instances, as `boomi-spaces apply` does');
    out.note(planText.replace(/^/gm, '   ').trimEnd());
    const parsed = parsePlan(planText, 'demo-plan.yaml');
    for (const round of ['first', 'second'] as const) {
      const planned = await planChanges(client, parsed);
      if (planned.changes.length === 0) {
        out.note(`   ${round} apply: no changes, the account already matches the plan`);
        record(`apply plan (${round})`, { changes: 0 });
        continue;
      }
      const { items } = await applyPlan(client, planned);
      const applied = items.filter((item) => item.status === 'applied');
      for (const item of items) out.note(`   ${item.status === 'applied' ? 'ok' : 'FAILED'} ${item.description}`);
      out.note(`   ${round} apply: ${applied.length} of ${counted(items.length, 'change')} applied`);
      record(`apply plan (${round})`, {
        changes: planned.changes.map(changeToJson),
        ok: applied.length === items.length,
      });
    }

    await fleetDemo(out, { step, record }, dialect);

    out.note('\nDemo complete.');
    out.note('The same against the simulator from a shell: `boomi-spaces simulator`, then the commands it prints.');
    out.note(
      'Or click through it in a browser: `boomi-spaces console --simulator --open` ' +
        '(in this repository: `npm run console`), then open the URL it prints (http://127.0.0.1:4600/?token=…).',
    );
    out.result({ simulator: simulator.url, steps }, () => undefined);
  } finally {
    await simulator.close();
  }
}
