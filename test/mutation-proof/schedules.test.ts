import { describe, expect, it } from '@jest/globals';
import {
  checkMaxRetry,
  checkSchedules,
  cronToSchedule,
  processSchedulesBody,
  scheduleToCron,
  type Schedule,
} from '../../src/api/payloads/schedules.js';
import { SpacesInputError } from '../../src/errors/SpacesError.js';

// Cron conversion pinned field by field: a silent change here moves a customer's runs to other times.

/** The error a call throws (fails the test when it does not throw). */
function thrown(call: () => unknown): SpacesInputError {
  try {
    call();
  } catch (error) {
    expect(error).toBeInstanceOf(SpacesInputError);
    return error as SpacesInputError;
  }
  throw new Error('expected the call to throw');
}

const FIELDS = ['minutes', 'hours', 'daysOfMonth', 'months', 'daysOfWeek'] as const;
/** Converts one cron field, the others being `*`. */
function field(name: (typeof FIELDS)[number], text: string): string {
  const line = FIELDS.map((f) => (f === name ? text : '*')).join(' ');
  return cronToSchedule(line)[name];
}

describe('cronToSchedule: the line', () => {
  it('gives all six fields, years always *', () => {
    expect(cronToSchedule('1 2 3 4 5')).toEqual({
      minutes: '1',
      hours: '2',
      daysOfMonth: '3',
      months: '4',
      daysOfWeek: '6',
      years: '*',
    });
  });

  it('ignores surrounding and repeated blanks (spaces and tabs)', () => {
    expect(cronToSchedule('  0\t6  *   *  1  ')).toEqual(cronToSchedule('0 6 * * 1'));
  });

  it('accepts 200 characters and refuses 201, naming the limit', () => {
    const padded = (n: number) => `0 6 * * 1${' '.repeat(n - 9)}`;
    expect(cronToSchedule(padded(200)).hours).toBe('6');
    const error = thrown(() => cronToSchedule(padded(201)));
    expect(error.message).toBe('A cron line must be a string of at most 200 characters');
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.field).toBe('cron');
  });

  it('refuses what is not a string with the same message', () => {
    expect(thrown(() => cronToSchedule(42 as never)).message).toBe(
      'A cron line must be a string of at most 200 characters',
    );
  });

  it.each([6, 7])('refuses %i fields as a seconds field first, with the rule', (count) => {
    const line = Array.from({ length: count }, () => '*').join(' ');
    const error = thrown(() => cronToSchedule(line));
    expect(error.message).toBe(
      `"${line}" has ${count} fields, a seconds field first: Boomi runs a schedule at most once a minute (no seconds). Write the 5 fields minutes hours days-of-month months days-of-week`,
    );
    expect(error.field).toBe('cron');
  });

  it.each([1, 4, 8])('refuses %i fields as not a 5-field line', (count) => {
    const line = Array.from({ length: count }, () => '*').join(' ');
    const error = thrown(() => cronToSchedule(line));
    expect(error.message).toBe(
      `"${line}" is not a 5-field cron line (minutes hours days-of-month months days-of-week)`,
    );
    expect(error.field).toBe('cron');
  });
});

describe('cronToSchedule: numbers and their bounds', () => {
  it.each([
    ['minutes', '0', '59', '60'],
    ['hours', '0', '23', '24'],
    ['daysOfMonth', '1', '31', '32'],
    ['months', '1', '12', '13'],
  ] as const)('%s: %s and %s kept, %s refused', (name, low, high, over) => {
    expect(field(name, low)).toBe(low);
    expect(field(name, high)).toBe(high);
    expect(() => field(name, over)).toThrow(SpacesInputError);
  });

  it('refuses below the lowest value of days of month and months', () => {
    expect(() => field('daysOfMonth', '0')).toThrow(/days of month "0": expected a number from 1 to 31/);
    expect(() => field('months', '0')).toThrow(/months "0": expected a number from 1 to 12/);
  });

  it('names the line, the field, the value and the bounds', () => {
    const error = thrown(() => cronToSchedule('* 24 * * *'));
    expect(error.message).toBe('In the cron line "* 24 * * *", hours "24": expected a number from 0 to 23');
    expect(error.field).toBe('cron');
    expect(error.code).toBe('INVALID_INPUT');
  });

  it.each(['007', '+5', '5a', 'a5', '1.5', '-1', 'x'])('refuses %s as a number', (text) => {
    expect(() => field('minutes', text)).toThrow(
      `In the cron line "${text} * * * *", minutes "${text}": expected a number from 0 to 59`,
    );
  });

  it('keeps a leading zero as the number', () => {
    expect(field('minutes', '05')).toBe('5');
  });
});

describe('cronToSchedule: names', () => {
  it.each([
    ['JAN', '1'],
    ['feb', '2'],
    ['Dec', '12'],
    ['JAN-MAR', '1-3'],
    ['JUN,AUG', '6,8'],
  ])('months %s -> %s', (text, expected) => {
    expect(field('months', text)).toBe(expected);
  });

  it.each([
    ['SUN', '1'],
    ['mon', '2'],
    ['SAT', '7'],
    ['MON-FRI', '2-6'],
  ])('days of week %s -> %s', (text, expected) => {
    expect(field('daysOfWeek', text)).toBe(expected);
  });

  it('knows every month and every day by its three letters', () => {
    const months = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
    expect(months.map((name) => field('months', name))).toEqual(months.map((_, i) => String(i + 1)));
    const days = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];
    expect(days.map((name) => field('daysOfWeek', name))).toEqual(days.map((_, i) => String(i + 1)));
  });

  it('refuses names in fields that have none, and unknown names', () => {
    expect(() => field('minutes', 'JAN')).toThrow(/minutes "JAN": expected a number from 0 to 59/);
    expect(() => field('months', 'SUN')).toThrow(/months "SUN": expected a number from 1 to 12/);
    expect(() => field('daysOfWeek', 'JAN')).toThrow(/days of week "JAN": expected a number from 0 to 7/);
  });
});

describe('cronToSchedule: lists, ranges and steps', () => {
  it.each([
    ['minutes', '*', '*'],
    ['minutes', '*/15', '0-59/15'],
    ['hours', '*/6', '0-23/6'],
    ['daysOfMonth', '*/10', '1-31/10'],
    ['months', '*/3', '1-12/3'],
    ['minutes', '*/05', '0-59/5'],
    ['minutes', '*/99', '0-59/99'],
    ['minutes', '*/1', '0-59/1'],
    ['minutes', '0-30/1', '0-30/1'],
    ['minutes', '5/20', '5-59/20'],
    ['hours', '3/5', '3-23/5'],
    ['daysOfMonth', '10/7', '10-31/7'],
    ['months', '2/3', '2-12/3'],
    ['minutes', '10-20', '10-20'],
    ['minutes', '10-20/5', '10-20/5'],
    ['minutes', '5-5', '5-5'],
    ['minutes', '1,2,3', '1,2,3'],
    ['minutes', '1,10-20/5,*/30', '1,10-20/5,0-59/30'],
  ] as const)('%s %s -> %s', (name, text, expected) => {
    expect(field(name, text)).toBe(expected);
  });

  it.each([
    ['1/2/3', 'not a cron list item'],
    ['1,,2', 'not a cron list item'],
    ['/5', 'not a cron list item'],
    [',', 'not a cron list item'],
    ['1-2-3', 'not a cron range'],
    ['*/0', 'a step must be a positive number'],
    ['*/x', 'a step must be a positive number'],
    ['*/100', 'a step must be a positive number'],
    ['*/', 'a step must be a positive number'],
    ['*/-1', 'a step must be a positive number'],
    ['*/+5', 'a step must be a positive number'],
    ['*/5x', 'a step must be a positive number'],
    ['*/1.5', 'a step must be a positive number'],
    ['20-10', 'a range must go upwards'],
  ])('refuses %s: %s', (text, why) => {
    const error = thrown(() => field('minutes', text));
    expect(error.message).toBe(`In the cron line "${text} * * * *", minutes "${text}": ${why}`);
    expect(error.field).toBe('cron');
  });

  it('checks the end of a range against the bounds', () => {
    expect(() => field('minutes', '10-60')).toThrow(/minutes "10-60": expected a number from 0 to 59/);
  });
});

describe('cronToSchedule: days of week (cron 0/7 = Sunday, Boomi 1 = Sunday)', () => {
  it.each([
    ['0', '1'],
    ['7', '1'],
    ['1', '2'],
    ['3', '4'],
    ['6', '7'],
    ['*', '*'],
    ['*/2', '1-7/2'],
    ['1-5', '2-6'],
    ['1-5/2', '2-6/2'],
    ['0-6', '1-7'],
    ['0-7', '1-7'],
    ['0-7/2', '1-7/2'],
    ['0-3', '1-4'],
    ['5-7', '6-7,1'],
    ['6-7', '7-7,1'],
    ['1-7', '2-7,1'],
    ['7-7', '1'],
    ['7/2', '1'],
    ['0/2', '1-7/2'],
    ['0,3,7', '1,4,1'],
  ])('%s -> %s', (text, expected) => {
    expect(field('daysOfWeek', text)).toBe(expected);
  });

  it.each(['1-7/2', '2/2'])('refuses %s, a stepped range ending on Sunday (7), asking for a list', (text) => {
    const error = thrown(() => field('daysOfWeek', text));
    expect(error.message).toBe(
      `In the cron line "* * * * ${text}", days of week "${text}": a stepped range of days cannot end on Sunday (7); list the days instead`,
    );
  });

  it('refuses 8 and a value past 7 in a range', () => {
    expect(() => field('daysOfWeek', '8')).toThrow(/days of week "8": expected a number from 0 to 7/);
    expect(() => field('daysOfWeek', '5-8')).toThrow(/expected a number from 0 to 7/);
  });
});

describe('scheduleToCron', () => {
  const base: Schedule = { minutes: '0', hours: '6', daysOfMonth: '1', months: '2', daysOfWeek: '*', years: '*' };

  it('orders the fields as cron does and turns days of week back to 0 = Sunday', () => {
    expect(scheduleToCron({ ...base, daysOfWeek: '1' })).toBe('0 6 1 2 0');
    expect(scheduleToCron({ ...base, daysOfWeek: '7' })).toBe('0 6 1 2 6');
    expect(scheduleToCron({ ...base, daysOfWeek: '2-6' })).toBe('0 6 1 2 1-5');
    expect(scheduleToCron({ ...base, daysOfWeek: '6-7,1' })).toBe('0 6 1 2 5-6,0');
    expect(scheduleToCron(base)).toBe('0 6 1 2 *');
  });

  it('keeps a step over days of week (a step is a count, not a day)', () => {
    expect(scheduleToCron({ ...base, daysOfWeek: '1-7/2' })).toBe('0 6 1 2 0-6/2');
    expect(scheduleToCron({ ...base, daysOfWeek: '2-6/3' })).toBe('0 6 1 2 1-5/3');
    expect(scheduleToCron({ ...base, daysOfWeek: '1-7/12' })).toBe('0 6 1 2 0-6/12');
  });

  it('notes years other than *, and none when years is * or empty', () => {
    expect(scheduleToCron({ ...base, years: '2027' })).toBe('0 6 1 2 * (years 2027)');
    expect(scheduleToCron({ ...base, years: '' })).toBe('0 6 1 2 *');
  });

  it('round-trips cron lines', () => {
    for (const line of ['*/15 8-18 * * 1-5', '0 0 1,15 JAN-MAR 0', '30 22 * * */2']) {
      expect(cronToSchedule(scheduleToCron(cronToSchedule(line)))).toEqual(cronToSchedule(line));
    }
  });
});

describe('checkMaxRetry', () => {
  it.each([1, 2, 5])('accepts %i', (value) => {
    expect(checkMaxRetry(value, 'maxRetry')).toBe(value);
  });

  it.each([0, 6, -1, 2.5, Number.NaN, '3', null])('refuses %p with the rule', (value) => {
    const error = thrown(() => checkMaxRetry(value, 'retry.maxRetry'));
    expect(error.message).toBe(
      "`retry.maxRetry` must be a whole number from 1 to 5 (Boomi's rule: a failed scheduled run is retried 1 to 5 times)",
    );
    expect(error.field).toBe('retry.maxRetry');
    expect(error.code).toBe('INVALID_INPUT');
  });
});

describe('checkSchedules', () => {
  const one: Schedule = { minutes: '0', hours: '8-18', daysOfWeek: '2-6', daysOfMonth: '*', months: '*', years: '*' };

  it('keeps the six fields and drops anything else', () => {
    const extra = { ...one, '@type': 'Schedule', note: 'x' } as Schedule;
    expect(checkSchedules([extra, one], 'schedules')).toEqual([one, one]);
  });

  it('defaults years to *', () => {
    const { years: _years, ...withoutYears } = one;
    expect(checkSchedules([withoutYears as Schedule], 's')).toEqual([{ ...one, years: '*' }]);
  });

  it('accepts every cron character, 1 to 100 of them', () => {
    const all = { ...one, minutes: '0123456789*,/-', hours: '1'.repeat(100) };
    expect(checkSchedules([all], 's')[0]).toEqual(all);
  });

  it('accepts an empty list and 100 schedules, refuses 101', () => {
    expect(checkSchedules([], 's')).toEqual([]);
    expect(
      checkSchedules(
        Array.from({ length: 100 }, () => one),
        's',
      ),
    ).toHaveLength(100);
    const error = thrown(() =>
      checkSchedules(
        Array.from({ length: 101 }, () => one),
        'schedules',
      ),
    );
    expect(error.message).toBe('`schedules` holds more than 100 schedules');
    expect(error.field).toBe('schedules');
  });

  it('refuses what is not a list', () => {
    const error = thrown(() => checkSchedules('0 * * * *' as never, 'schedules'));
    expect(error.message).toBe('`schedules` must be a list of schedules');
    expect(error.field).toBe('schedules');
  });

  it('refuses seconds, naming the index and the rule', () => {
    const error = thrown(() => checkSchedules([one, { ...one, seconds: '0' } as Schedule], 'schedules'));
    expect(error.message).toBe('`schedules[1].seconds`: Boomi runs a schedule at most once a minute (no seconds)');
    expect(error.field).toBe('schedules');
  });

  it.each([
    ['minutes', ''],
    ['hours', '8 -18'],
    ['daysOfWeek', 'MON'],
    ['daysOfMonth', 'x*'],
    ['months', '*x'],
    ['years', '1'.repeat(101)],
    ['minutes', 5],
    ['hours', undefined],
  ] as const)('refuses %s = %p, naming the field', (key, value) => {
    const error = thrown(() => checkSchedules([one, { ...one, [key]: value }], 'schedules'));
    expect(error.message).toBe(`\`schedules[1].${key}\` must be a cron field such as "*", "8-18" or "0-59/15"`);
    expect(error.field).toBe('schedules');
  });

  it('refuses a cron line given where a schedule belongs, at its first field', () => {
    expect(() => checkSchedules(['0 6 * * 1' as never], 'schedules')).toThrow(
      '`schedules[0].minutes` must be a cron field such as "*", "8-18" or "0-59/15"',
    );
  });

  it('refuses a null schedule at its first field', () => {
    expect(() => checkSchedules([null as never], 'schedules')).toThrow('`schedules[0].minutes` must be a cron field');
  });
});

describe('processSchedulesBody', () => {
  const target = { id: 'sched-1', processId: 'proc-1', atomId: 'atom-1' };
  const a: Schedule = { minutes: '0', hours: '6', daysOfWeek: '*', daysOfMonth: '*', months: '*', years: '*' };
  const b: Schedule = { ...a, minutes: '30' };

  it("is Boomi's ProcessSchedules object as a JSON string", () => {
    expect(JSON.parse(processSchedulesBody(target, [a], { schedule: [b], maxRetry: 3 }))).toEqual({
      '@type': 'ProcessSchedules',
      Schedule: [{ '@type': 'Schedule', ...a }],
      Retry: { '@type': 'ScheduleRetry', Schedule: [{ '@type': 'Schedule', ...b }], maxRetry: 3 },
      processId: 'proc-1',
      atomId: 'atom-1',
      id: 'sched-1',
    });
  });

  it('sends an empty retry schedule when none is given', () => {
    const body = JSON.parse(processSchedulesBody(target, [], { maxRetry: 1 })) as { Retry: unknown };
    expect(body.Retry).toEqual({
      '@type': 'ScheduleRetry',
      Schedule: [],
      maxRetry: 1,
    });
  });
});
