import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { chromium, type Browser, type Page } from 'playwright-core';
import { DEMO } from '../../src/simulator/model/seed.js';

// `boomi-spaces console --simulator` driven by headless Chromium (Debian's package; .ci/run installs
// it). Screenshots of each step go to test-results/console/ (git-ignored).
const root = fileURLToPath(new URL('../../', import.meta.url));
const shots = join(root, 'test-results/console');
const CANDIDATES = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
const executablePath = CANDIDATES.find((path): path is string => Boolean(path && existsSync(path)));
if (!executablePath)
  console.warn(
    'SKIPPED: the console browser test needs Chromium (apt-get install chromium, or CHROMIUM_PATH); none was found.',
  );
const browserIt = executablePath ? it : it.skip;

let server: ChildProcess;
let url: string;
let browser: Browser;
let page: Page;
const authorizations = new Set<string>();

beforeAll(async () => {
  server = spawn(
    process.execPath,
    [join(root, 'dist/cli/main.js'), 'console', '--simulator', '--port', '0', '--json'],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  let output = '';
  url = await new Promise<string>((resolve, reject) => {
    server.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /"url": "([^"]+)"/.exec(output);
      if (match) resolve(match[1]!);
    });
    server.once('exit', (code) => reject(new Error(`console exited with ${code}: ${output}`)));
  });
  if (!executablePath) return;
  mkdirSync(shots, { recursive: true });
  browser = await chromium.launch({ executablePath, args: ['--no-sandbox'] });
  page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
  page.on('request', (request) => {
    const authorization = request.headers().authorization;
    if (authorization) authorizations.add(authorization);
  });
});

afterAll(async () => {
  await browser?.close();
  if (server && server.exitCode === null) {
    const exited = new Promise((resolve) => server.once('exit', resolve));
    server.kill('SIGTERM');
    await exited;
  }
});

const shot = (name: string) => page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });

/** axe-core's WCAG 2 A/AA rules on the page (evaluated over the DevTools protocol: the CSP stays on). */
async function accessibilityViolations(): Promise<string[]> {
  await page.evaluate(readFileSync(join(root, 'node_modules/axe-core/axe.min.js'), 'utf8'));
  return page.evaluate(async () => {
    const { violations } = await (window as unknown as { axe: AxeApi }).axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa'] },
    });
    return violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`);
  });
}
interface AxeApi {
  run(
    context: Document,
    options: object,
  ): Promise<{ violations: Array<{ id: string; help: string; nodes: unknown[] }> }>;
}

describe('boomi-spaces console --simulator', () => {
  it('prints its token URL; the page holds no credential; foreign Origins and Hosts get 403', async () => {
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]{43}$/);
    const { origin } = new URL(url);
    expect((await fetch(origin)).status).toBe(401);
    const signIn = await fetch(url, { redirect: 'manual' });
    expect(signIn.status).toBe(303);
    const cookie = signIn.headers.get('set-cookie')!.split(';')[0]!;
    const page = await fetch(origin, { headers: { cookie } });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('<div id="root">');
    expect(html).not.toMatch(/eyJ|apiToken|BOOMI_TOKEN/);
    expect(html).not.toContain(DEMO.apiToken);
    const query = JSON.stringify({ query: '{ spaces { id } }' });
    const headers = { 'content-type': 'application/json', cookie };
    const foreign = await fetch(`${origin}/graphql`, {
      method: 'POST',
      body: query,
      headers: { ...headers, origin: 'http://evil.example' },
    });
    expect(foreign.status).toBe(403);
    const same = await fetch(`${origin}/graphql`, { method: 'POST', body: query, headers: { ...headers, origin } });
    expect(same.status).toBe(200);
    const without = await fetch(`${origin}/graphql`, {
      method: 'POST',
      body: query,
      headers: { 'content-type': 'application/json', origin },
    });
    expect(without.status).toBe(401);
  });
});

describe('boomi-spaces console --simulator in Chromium', () => {
  browserIt('lists Spaces, installs a MULTI pack under a name, refuses one without, uninstalls it', async () => {
    await page.goto(url);
    await page.getByRole('heading', { name: 'Spaces' }).waitFor();
    // The token became a cookie; the address bar (and history) no longer shows it.
    expect(page.url()).toBe(`${new URL(url).origin}/`);
    await shot('01-spaces');

    await page.getByRole('link', { name: 'Demo_Space' }).click();
    await page.getByRole('heading', { name: 'Packs this Space shares' }).waitFor();
    // SINGLE: no name to give; MULTI: a name field.
    expect(await page.getByRole('form', { name: 'Install Order Intake' }).getByRole('textbox').count()).toBe(0);
    await page.getByText('No instance is installed.').waitFor();
    await shot('02-space');

    const invoiceSync = page.getByRole('form', { name: 'Install Invoice Sync' });
    await invoiceSync.getByLabel('Instance name for Invoice Sync').fill('EU invoices');
    await invoiceSync.getByRole('button', { name: 'Install Invoice Sync' }).click();
    await invoiceSync.getByRole('status').filter({ hasText: 'Installed EU invoices' }).waitFor();
    const instances = page.getByRole('table', { name: 'Installed instances' });
    await instances.getByRole('rowheader', { name: 'EU invoices' }).waitFor();
    await shot('03-installed');
    expect(await accessibilityViolations()).toEqual([]);

    await invoiceSync.getByRole('button', { name: 'Install Invoice Sync' }).click();
    const refusal = invoiceSync.getByRole('alert');
    await refusal.waitFor();
    expect(await refusal.textContent()).toMatch(/^INVALID_INPUT: .*MULTI/);
    await shot('04-refused');

    const row = instances.getByRole('row').filter({ hasText: 'EU invoices' });
    await row.getByRole('button', { name: 'Uninstall' }).click();
    await row.getByRole('button', { name: 'Yes, uninstall' }).click();
    await page.getByText('No instance is installed.').waitFor();
    await shot('05-uninstalled');

    // The browser never held a credential: only the placeholder the console's server replaces.
    expect([...authorizations]).toEqual(['Bearer attached-by-the-console-server']);
    expect(await page.content()).not.toMatch(/eyJ|apiToken|BOOMI_TOKEN/);
    expect(await page.content()).not.toContain(DEMO.apiToken);
  });

  browserIt('attaches an instance, configures it, runs a process and shows its execution', async () => {
    await page.goto(url);
    await page.getByRole('link', { name: 'Demo_Space' }).click();
    const install = page.getByRole('form', { name: 'Install Invoice Sync' });
    await install.getByLabel('Instance name for Invoice Sync').fill('Ops');
    await install.getByRole('button', { name: 'Install Invoice Sync' }).click();
    const row = page.getByRole('table', { name: 'Installed instances' }).getByRole('row').filter({ hasText: 'Ops' });
    await row.getByRole('combobox', { name: 'Environment' }).selectOption({ label: 'Production' });
    await row.getByRole('button', { name: 'Attach' }).click();
    await row.getByRole('button', { name: 'Detach Ops from Production' }).waitFor();

    await row.getByRole('link', { name: 'Ops' }).click();
    await page.getByRole('heading', { name: 'Ops', level: 1 }).waitFor();
    const settings = page.getByRole('form', { name: 'Settings in Production' });
    await settings.getByLabel('SFTP · host').fill('sftp.acme.example');
    await settings.getByRole('button', { name: 'Save settings in Production' }).click();
    await settings.getByRole('status').filter({ hasText: '1 settings saved' }).waitFor();

    const invoiceExport = page.getByRole('region', { name: 'Invoice export' });
    await invoiceExport.getByRole('button', { name: 'Run Invoice export' }).click();
    await invoiceExport.getByRole('status').filter({ hasText: 'Run started' }).waitFor();
    // The simulator's run moves on with its clock: look again until the history shows it.
    const executions = invoiceExport.getByRole('table', { name: 'Executions' });
    for (let look = 0; look < 30 && !(await executions.getByText(/^(COMPLETE|ERROR)$/).count()); look++) {
      await invoiceExport.getByRole('button', { name: 'Refresh executions' }).click();
      await executions
        .getByText(/^(COMPLETE|ERROR)$/)
        .waitFor({ timeout: 500 })
        .catch(() => undefined);
    }
    expect(await executions.getByRole('cell', { name: 'prod-atom-01' }).count()).toBeGreaterThan(0);
    await shot('06-instance');
    expect(await accessibilityViolations()).toEqual([]);
  });

  browserIt(
    'without the token URL says to open it; a malformed hash shows "No such page." instead of a blank page',
    async () => {
      const { origin } = new URL(url);
      const stranger = await browser.newPage();
      await stranger.goto(origin);
      await stranger.getByRole('heading', { name: 'This console needs its link' }).waitFor();
      expect(await stranger.content()).not.toMatch(/token=[A-Za-z0-9_-]/);
      await stranger.close();

      await page.goto(url);
      await page.getByRole('heading', { name: 'Spaces' }).waitFor();
      await page.goto(`${origin}/#/spaces/%E0%A4%A`);
      await page.getByRole('alert').filter({ hasText: 'No such page.' }).waitFor();
      await page.getByRole('link', { name: 'Spaces' }).click();
      await page.getByRole('heading', { name: 'Spaces' }).waitFor();
    },
  );
});
