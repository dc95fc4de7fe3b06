import { beforeEach, describe, expect, it } from '@jest/globals';
import { checkMaxRetry, checkSchedules } from '../../src/api/payloads/schedules.js';
import { createSpacesClient, cronToSchedule, SpacesInputError, type SpacesClient } from '../../src/index.js';
import { DEMO } from '../../src/simulator/model/seed.js';
import { attachedInvoiceSync, createTestMock, TEST_TOKEN } from '../support/spacesMock.js';
import { recordRequests, withMswServer } from '../support/setupMsw.js';

// Boomi's published rules ("Rules worth checking before sending"), refused before any request.
const mock = createTestMock();
const server = withMswServer(...mock.handlers);
const requests = recordRequests(server);

let client: SpacesClient;
let instanceId: string;
let processId: string;
beforeEach(async () => {
  mock.reset();
  client = createSpacesClient({ token: TEST_TOKEN, spaceGuid: DEMO.spaceId, rateLimit: false });
  instanceId = await attachedInvoiceSync(client);
  processId = (await client.listProcesses(instanceId))[0]!.id;
  requests.length = 0;
});

async function refused(call: Promise<unknown>): Promise<SpacesInputError> {
  const error = await call.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SpacesInputError);
  return error as SpacesInputError;
}

describe('maxRetry is 1 to 5', () => {
  it.each([0, 6, 2.5, -1, Number.NaN, '3'])(
    'maxRetry %p is INVALID_INPUT naming the rule, with no request',
    async (maxRetry) => {
      const error = await refused(
        client.updateSchedules({
          instanceId,
          processId,
          schedules: ['0 6 * * *'],
          retry: { maxRetry: maxRetry as number },
        }),
      );
      expect(error).toMatchObject({ code: 'INVALID_INPUT', field: 'retry.maxRetry' });
      expect(error.message).toContain('retried 1 to 5 times');
      expect(requests).toHaveLength(0);
    },
  );

  it('1 and 5 are taken', () => {
    expect(checkMaxRetry(1, 'maxRetry')).toBe(1);
    expect(checkMaxRetry(5, 'maxRetry')).toBe(5);
  });
});

describe('schedules are no finer than one minute', () => {
  it.each(['*/30 * * * * *', '0 */5 * * * ? *'])(
    'a cron line with seconds (%s) is refused with the rule',
    async (line) => {
      expect(() => cronToSchedule(line)).toThrow(/at most once a minute \(no seconds\)/);
      const error = await refused(client.updateSchedules({ instanceId, processId, schedules: [line] }));
      expect(error.code).toBe('INVALID_INPUT');
      expect(requests).toHaveLength(0);
    },
  );

  it('a typed schedule with seconds is refused with the rule, the retry schedule too', async () => {
    const everySecond = { minutes: '*', hours: '*', daysOfWeek: '*', daysOfMonth: '*', months: '*', seconds: '*/1' };
    expect(() => checkSchedules([everySecond as never], 'schedules')).toThrow(/schedules\[0\]\.seconds/);
    await refused(client.updateSchedules({ instanceId, processId, schedules: [everySecond as never] }));
    const error = await refused(
      client.updateSchedules({
        instanceId,
        processId,
        schedules: ['0 6 * * *'],
        retry: { maxRetry: 3, schedule: [everySecond as never] },
      }),
    );
    expect(error.message).toMatch(/retry\.schedule\[0\]\.seconds.*at most once a minute/);
    expect(requests).toHaveLength(0);
  });
});

describe('one account group per Space, fixed at creation', () => {
  it('updateSpace with an accountGroupId is refused: nothing is sent', async () => {
    const error = await refused(
      client.updateSpace({ id: DEMO.spaceId, name: 'Renamed', accountGroupId: 'other-group' } as never),
    );
    expect(error).toMatchObject({ code: 'INVALID_INPUT', field: 'accountGroupId' });
    expect(error.message).toContain('fixed when the Space is created');
    expect(requests).toHaveLength(0);
  });
});
