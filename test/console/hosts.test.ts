import { describe, expect, it } from '@jest/globals';
import { exposureWarning } from '../../src/cli/commands/console.js';
import { allowedHosts, hostProblem } from '../../src/console/guards.js';
import { startConsole } from '../../src/console/server.js';
import { runCli } from '../support/cli.js';
import { assetsDir, send, signIn } from '../support/consoleHttp.js';

const upstream = { endpoint: 'http://127.0.0.1:1/graphql', getToken: () => Promise.resolve('jwt-1') };

describe('the Host names the console answers to', () => {
  it('for loopback: its address and the usual loopback names', () => {
    expect([...allowedHosts('127.0.0.1', 4600)]).toEqual(['127.0.0.1:4600', 'localhost:4600', '[::1]:4600']);
    expect([...allowedHosts('::1', 4600, ['Tunnel.Example'])]).toContain('tunnel.example:4600');
  });

  it('beyond loopback: only the --allow-host names, never the bound address itself', () => {
    expect([...allowedHosts('0.0.0.0', 4600, ['console.lan', '192.168.1.20', 'fe80::1'])]).toEqual([
      'console.lan:4600',
      '192.168.1.20:4600',
      '[fe80::1]:4600',
    ]);
  });

  it('a bind beyond loopback needs --allow-host, and each name is a bare host', () => {
    expect(hostProblem('127.0.0.1', [])).toBeUndefined();
    expect(hostProblem('localhost', [])).toBeUndefined();
    expect(hostProblem('0.0.0.0', [])).toMatch(/--allow-host/);
    expect(hostProblem('192.168.1.20', [])).toMatch(/binds beyond loopback/);
    expect(hostProblem('0.0.0.0', ['console.lan', '192.168.1.20', 'fe80::1'])).toBeUndefined();
    for (const bad of [
      'console.lan:4600',
      'a:1',
      'http://console.lan',
      '[::1]',
      'fe80::1%eth0',
      'a b',
      '',
      'x'.repeat(300),
    ])
      expect(hostProblem('0.0.0.0', [bad])).toMatch(/--allow-host takes a host name/);
  });

  it('startConsole refuses a bind beyond loopback without allowHosts, before listening', async () => {
    await expect(startConsole({ host: '0.0.0.0', port: 0, assetsDir, upstream })).rejects.toThrow(/--allow-host/);
  });

  it('answers an allowed name, still only with the cookie', async () => {
    const running = await startConsole({ port: 0, assetsDir, upstream, allowHosts: ['console.lan'] });
    try {
      const port = new URL(running.origin).port;
      const cookie = await signIn(running);
      expect((await send(running.origin, { headers: { host: `console.lan:${port}`, cookie } })).status).toBe(200);
      expect((await send(running.origin, { headers: { host: `console.lan:${port}` } })).status).toBe(401);
      expect((await send(running.origin, { headers: { host: `other.lan:${port}`, cookie } })).status).toBe(403);
    } finally {
      await running.close();
    }
  });
});

describe('boomi-spaces console --host', () => {
  it('warns when bound anywhere but loopback', () => {
    expect(exposureWarning('127.0.0.1')).toBeUndefined();
    expect(exposureWarning('localhost')).toBeUndefined();
    expect(exposureWarning('::1')).toBeUndefined();
    expect(exposureWarning('0.0.0.0')).toMatch(/reachable from the network/);
    expect(exposureWarning('192.168.1.20')).toMatch(/acts with your credentials/);
  });

  it('refuses a bind beyond loopback without --allow-host: exit 2, naming the flag, nothing started', async () => {
    // Addresses no test may bind: 192.0.2.1 is reserved for documentation, so a missing check fails to listen.
    const run = await runCli(['console', '--simulator', '--host', '192.0.2.1', '--port', '0']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--allow-host/);
    expect(run.stdout).not.toMatch(/Boomi Spaces console:/);
    const json = await runCli(['console', '--simulator', '--host', '192.0.2.1', '--allow-host', 'a:1', '--json']);
    expect(json.code).toBe(2);
    expect(JSON.parse(json.stdout)).toMatchObject({ error: { code: 'INVALID_USAGE' } });
  });
});
