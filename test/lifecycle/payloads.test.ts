import { describe, expect, it } from '@jest/globals';
import { environmentExtensionsSchema, mapExtensionsSchema } from '../../src/api/payloads/extensions.js';
import { oauthDetailsOf, oauthDetailsSchema } from '../../src/api/payloads/execution.js';
import { parseJsonField } from '../../src/api/payloads/jsonField.js';
import { typedNumber } from '../../src/api/payloads/primitives.js';
import { cronToSchedule, scheduleToCron } from '../../src/index.js';

const source = { operationName: 'getExtensions', field: 'attachments[0].environmentExtensions' };

describe('cronToSchedule: 5-field cron to Boomi’s schedule fields', () => {
  it.each([
    ['*/15 8-18 * * 1-5', { minutes: '0-59/15', hours: '8-18', daysOfMonth: '*', months: '*', daysOfWeek: '2-6' }],
    ['0 6 * * 0', { minutes: '0', hours: '6', daysOfWeek: '1' }],
    ['0 6 * * 7', { daysOfWeek: '1' }],
    ['30 22 1,15 * SAT,SUN', { minutes: '30', hours: '22', daysOfMonth: '1,15', daysOfWeek: '7,1' }],
    ['0 0 * JAN-MAR 5-7', { months: '1-3', daysOfWeek: '6-7,1' }],
    ['5/20 * * * *', { minutes: '5-59/20' }],
    ['0 */6 * * */2', { hours: '0-23/6', daysOfWeek: '1-7/2' }],
  ])('%s', (line, expected) => {
    expect(cronToSchedule(line)).toMatchObject({ years: '*', ...expected });
  });

  it.each([
    ['* * * *', /not a 5-field cron line/],
    ['60 * * * *', /minutes "60": expected a number from 0 to 59/],
    ['* 24 * * *', /hours/],
    ['* * 0 * *', /days of month/],
    ['* * * 13 *', /months/],
    ['* * * * 8', /days of week/],
    ['* * * * 5-1', /a range must go upwards/],
    ['*/0 * * * *', /a step must be a positive number/],
    ['1-7/2 * * * 1-7/2', /cannot end on Sunday/],
  ])('refuses %s before anything is sent', (line, message) => {
    expect(() => cronToSchedule(line)).toThrow(message);
    expect(() => cronToSchedule(line)).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
  });

  it('refuses a line longer than 200 characters', () => {
    expect(() => cronToSchedule('x'.repeat(300))).toThrow(/at most 200 characters/);
  });

  it('shows a schedule as cron again, days of week back to 0 = Sunday', () => {
    expect(scheduleToCron(cronToSchedule('0-59/15 8-18 * * 1-5'))).toBe('0-59/15 8-18 * * 1-5');
    expect(scheduleToCron({ ...cronToSchedule('0 6 * * 0'), years: '2027' })).toBe('0 6 * * 0 (years 2027)');
  });
});

describe('JSON inside strings', () => {
  const extensions = {
    '@type': 'EnvironmentExtensions',
    id: 'ZW52Omdyb3Vw',
    environmentId: 'env',
    extensionGroupId: 'group',
    connections: {
      connection: {
        id: 'c1',
        name: 'SFTP',
        field: [
          { id: 'host', value: 'h', useDefault: 'false', usesEncryption: false, encryptedValueSet: false },
          { id: 'password', value: '[[HIDDEN]]', useDefault: false, usesEncryption: 'true', encryptedValueSet: true },
          { id: 'token', value: 'leaked-by-a-server', usesEncryption: true, encryptedValueSet: true },
        ],
      },
    },
    processProperties: {
      ProcessProperty: [
        { id: 'p1', name: 'Settings', ProcessPropertyValue: [{ key: 'k', label: 'Size', value: '5' }] },
      ],
    },
  };

  it('parses EnvironmentExtensions into typed objects, single objects as lists, booleans from strings', () => {
    const parsed = parseJsonField(environmentExtensionsSchema, JSON.stringify(extensions), source);
    expect(parsed.connections[0]!.field[0]).toEqual({
      id: 'host',
      value: 'h',
      useDefault: false,
      usesEncryption: false,
      encryptedValueSet: false,
    });
    expect(parsed.processProperties[0]!.ProcessPropertyValue[0]).toMatchObject({ key: 'k', label: 'Size', value: '5' });
  });

  it('never passes an encrypted value on, even one a server sent', () => {
    const parsed = parseJsonField(environmentExtensionsSchema, JSON.stringify(extensions), source);
    const [, password, token] = parsed.connections[0]!.field;
    expect(password).not.toHaveProperty('value');
    expect(token).not.toHaveProperty('value');
    expect(JSON.stringify(parsed)).not.toContain('leaked-by-a-server');
  });

  it.each([
    ['not JSON', '{"id": ', /attachments\[0\]\.environmentExtensions is not valid JSON \(7 characters\)/],
    ['the wrong shape', JSON.stringify({ id: 5 }), /at \.id, expected string/],
    ['too deep', `${'['.repeat(50)}${']'.repeat(50)}`, /nests deeper than 32 levels/],
  ])('%s is INVALID_RESPONSE naming the operation and the field, never the text', (_what, text, message) => {
    let caught: unknown;
    try {
      parseJsonField(environmentExtensionsSchema, text, source);
    } catch (error) {
      caught = error;
    }
    expect(caught).toMatchObject({ code: 'INVALID_RESPONSE', operationName: 'getExtensions' });
    expect((caught as Error).message).toMatch(message);
    expect((caught as Error).message).toMatch(/^getExtensions: /);
  });

  it('reads map extensions from a BulkResult, skipping responses without a result', () => {
    const bulk = { response: [{ Result: { id: 'm1', name: 'Invoice map', mapId: 'map' } }, { statusCode: '404' }] };
    expect(parseJsonField(mapExtensionsSchema, JSON.stringify(bulk), source)).toEqual([
      { id: 'm1', name: 'Invoice map', mapId: 'map', raw: { id: 'm1', name: 'Invoice map', mapId: 'map' } },
    ]);
  });

  it('reads ["Long", "5816"] pairs as numbers; anything else is undefined (the caller’s INVALID_RESPONSE)', () => {
    expect(typedNumber(['Long', '5816'])).toBe(5816);
    expect(typedNumber(null)).toBeNull();
    expect(typedNumber([])).toBeNull();
    expect(typedNumber(['Long', 'many'])).toBeUndefined();
    expect(typedNumber(['5816'])).toBeUndefined();
  });

  it('takes the secrets out of OAuth details and hands them to the redactor', () => {
    const kept: string[] = [];
    const raw = parseJsonField(
      oauthDetailsSchema,
      JSON.stringify({
        baseURL: 'https://crm.example.com',
        clientId: 'id',
        clientSecret: 'top-secret-1',
        authParams: 'scope=read&client_secret=top-secret-2',
        accessTokenParams: { grant_type: 'authorization_code', refresh_token: 'top-secret-3' },
      }),
      { operationName: 'getOAuthConnectorDetails', field: 'details.oauthConnectorDetails' },
    );
    const details = oauthDetailsOf(raw, (secret) => kept.push(secret));
    expect(details).toEqual({
      baseURL: 'https://crm.example.com',
      clientId: 'id',
      authParams: { scope: 'read', client_secret: '(secret)' },
      accessTokenParams: { grant_type: 'authorization_code', refresh_token: '(secret)' },
    });
    expect(kept.sort()).toEqual(['top-secret-1', 'top-secret-2', 'top-secret-3']);
  });
});
