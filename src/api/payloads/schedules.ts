import { SpacesInputError } from '../../errors/SpacesError.js';
import { quote } from '../../text/printable.js';

/**
 * One schedule in Boomi's cron-like fields (each a string: `*`, a number, a list `2,3,4`, a range
 * `8-18`, or a step `0-59/15`). Days of week count 1 = Sunday … 7 = Saturday.
 */
export interface Schedule {
  minutes: string;
  hours: string;
  daysOfWeek: string;
  daysOfMonth: string;
  months: string;
  years: string;
}

/** A process's schedules on one atom, as `listProcesses` returns them. */
export interface ProcessSchedules {
  /** The schedules object's id: what an update is addressed to. */
  id: string;
  processId: string;
  atomId: string;
  envId: string | null;
  schedule: Schedule[];
  retry: { schedule: Schedule[]; maxRetry: number | null };
}

type Field = { name: string; min: number; max: number; names?: readonly string[] };
const CRON_FIELDS: readonly Field[] = [
  { name: 'minutes', min: 0, max: 59 },
  { name: 'hours', min: 0, max: 23 },
  { name: 'days of month', min: 1, max: 31 },
  {
    name: 'months',
    min: 1,
    max: 12,
    names: ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'],
  },
  // Cron's days of week: 0 (or 7) = Sunday … 6 = Saturday.
  { name: 'days of week', min: 0, max: 7, names: ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'] },
];
const MAX_CRON_LENGTH = 200;
// Boomi's published rules for process schedules (Platform API, ProcessSchedules).
const FINEST_RULE = 'Boomi runs a schedule at most once a minute (no seconds)';
const MAX_RETRY_RULE = "Boomi's rule: a failed scheduled run is retried 1 to 5 times";

/**
 * Converts a 5-field cron line (`minutes hours days-of-month months days-of-week`) into a Boomi
 * schedule. Cron counts days of week from 0 = Sunday (7 is Sunday too), Boomi from 1 = Sunday, so
 * `1-5` (Monday to Friday) becomes `2-6`. A step over `*` or from a single value becomes an explicit
 * range (every 15 minutes → `0-59/15`).
 * A line that is not valid cron is refused with `INVALID_INPUT`, before anything is sent.
 *
 * @example
 * ```ts
 * cronToSchedule('0-59/15 8-18 * * 1-5'); // every 15 minutes, 8:00-18:59, Monday to Friday
 * // { minutes: '0-59/15', hours: '8-18', daysOfMonth: '*', months: '*', daysOfWeek: '2-6', years: '*' }
 * ```
 */
export function cronToSchedule(line: string): Schedule {
  if (typeof line !== 'string' || line.length > MAX_CRON_LENGTH) {
    throw new SpacesInputError(`A cron line must be a string of at most ${MAX_CRON_LENGTH} characters`, {
      field: 'cron',
    });
  }
  const parts = line.trim().split(/\s+/);
  // Quartz-style lines put seconds first (6 fields, 7 with years): the platform's finest unit is a minute.
  if (parts.length === 6 || parts.length === 7) {
    throw new SpacesInputError(
      `${quote(line, 60)} has ${parts.length} fields, a seconds field first: ${FINEST_RULE}. Write the 5 fields minutes hours days-of-month months days-of-week`,
      { field: 'cron' },
    );
  }
  if (parts.length !== 5) {
    throw new SpacesInputError(
      `${quote(line, 60)} is not a 5-field cron line (minutes hours days-of-month months days-of-week)`,
      { field: 'cron' },
    );
  }
  const [minutes, hours, daysOfMonth, months, daysOfWeek] = parts.map((part, i) =>
    convertField(part, CRON_FIELDS[i]!, line),
  );
  return {
    minutes: minutes!,
    hours: hours!,
    daysOfMonth: daysOfMonth!,
    months: months!,
    daysOfWeek: daysOfWeek!,
    years: '*',
  };
}

function convertField(text: string, field: Field, line: string): string {
  const refuse = (why: string) =>
    new SpacesInputError(`In the cron line ${quote(line, 60)}, ${field.name} ${quote(text, 30)}: ${why}`, {
      field: 'cron',
    });
  const weekday = field.name === 'days of week';
  const value = (token: string): number => {
    const named = field.names?.indexOf(token.toUpperCase()) ?? -1;
    const n = named !== -1 ? named + (weekday ? 0 : 1) : /^\d{1,2}$/.test(token) ? Number(token) : NaN;
    if (!Number.isInteger(n) || n < field.min || n > field.max)
      throw refuse(`expected a number from ${field.min} to ${field.max}`);
    return n;
  };
  // Boomi's day of week: cron's + 1, Sunday being 1 (cron's 0 and 7).
  const boomiDay = (n: number) => (n % 7) + 1;
  return text
    .split(',')
    .map((item) => {
      const [range, stepText, ...extra] = item.split('/');
      if (extra.length > 0 || range === undefined || range === '') throw refuse('not a cron list item');
      const step = stepText === undefined ? undefined : Number(stepText);
      if (step !== undefined && (!/^\d{1,2}$/.test(stepText!) || step < 1))
        throw refuse('a step must be a positive number');
      const suffix = step === undefined ? '' : `/${step}`;
      if (range === '*') {
        if (step === undefined) return '*';
        return weekday ? `1-7${suffix}` : `${field.min}-${field.max}${suffix}`;
      }
      const bounds = range.split('-');
      if (bounds.length > 2) throw refuse('not a cron range');
      const from = value(bounds[0]!);
      const to = bounds.length === 2 ? value(bounds[1]!) : undefined;
      if (to !== undefined && to < from) throw refuse('a range must go upwards');
      // `5/10` in cron means from 5 to the end in steps of 10.
      const end = to ?? (step === undefined ? undefined : field.max);
      if (!weekday) return end === undefined ? `${from}` : `${from}-${end}${suffix}`;
      // `7-7` (or `7/n`) is Sunday alone, not a range wrapping round the week.
      if (end === undefined || from === 7) return `${boomiDay(from)}`;
      // A range ending on cron's 7 (Sunday) wraps to Boomi's 1.
      if (end === 7 && from > 0)
        if (step === undefined) return `${boomiDay(from)}-7,1`;
        else throw refuse('a stepped range of days cannot end on Sunday (7); list the days instead');
      return `${boomiDay(from)}-${boomiDay(end === 7 ? 6 : end)}${suffix}`;
    })
    .join(',');
}

/**
 * A schedule as a cron line for display (days of week back to cron's 0 = Sunday); years other than `*` noted.
 *
 * @example
 * ```ts
 * scheduleToCron({ minutes: '0', hours: '6', daysOfMonth: '*', months: '*', daysOfWeek: '2-6', years: '*' });
 * // '0 6 * * 1-5'
 * ```
 */
export function scheduleToCron(schedule: Schedule): string {
  // Only days move: a step (`/2`) is a count.
  const days = schedule.daysOfWeek.replace(/(?<![/\d])\d+/g, (n) => String((Number(n) + 6) % 7));
  const line = [schedule.minutes, schedule.hours, schedule.daysOfMonth, schedule.months, days].join(' ');
  return schedule.years && schedule.years !== '*' ? `${line} (years ${schedule.years})` : line;
}

/** Retries of failed scheduled runs: `maxRetry` 1 to 5 (the platform's rule). */
export interface RetryPolicy {
  schedule?: Schedule[] | undefined;
  maxRetry: number;
}

/** Checks a retry count before anything is sent: a whole number from 1 to 5 (the platform's rule). */
export function checkMaxRetry(value: unknown, field: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > 5)
    throw new SpacesInputError(`\`${field}\` must be a whole number from 1 to 5 (${MAX_RETRY_RULE})`, { field });
  return value;
}

/**
 * Checks typed schedules before anything is sent: every field a non-empty string of cron characters,
 * and no seconds (the platform's finest unit is a minute).
 */
export function checkSchedules(schedules: readonly Schedule[], field: string): Schedule[] {
  if (!Array.isArray(schedules)) throw new SpacesInputError(`\`${field}\` must be a list of schedules`, { field });
  if (schedules.length > 100) throw new SpacesInputError(`\`${field}\` holds more than 100 schedules`, { field });
  return schedules.map((schedule, index) => {
    if (typeof schedule === 'object' && schedule !== null && 'seconds' in schedule)
      throw new SpacesInputError(`\`${field}[${index}].seconds\`: ${FINEST_RULE}`, { field });
    const out = {} as Schedule;
    for (const key of ['minutes', 'hours', 'daysOfWeek', 'daysOfMonth', 'months', 'years'] as const) {
      const value = (schedule as Partial<Schedule> | null)?.[key] ?? (key === 'years' ? '*' : undefined);
      if (typeof value !== 'string' || !/^[0-9*,/-]{1,100}$/.test(value)) {
        throw new SpacesInputError(
          `\`${field}[${index}].${key}\` must be a cron field such as "*", "8-18" or "0-59/15"`,
          {
            field,
          },
        );
      }
      out[key] = value;
    }
    return out;
  });
}

/**
 * The JSON string `processSchedulesUpdate` takes (capitalised keys inside, as Boomi's
 * ProcessSchedules object has them). It replaces the process's schedules on that atom.
 */
export function processSchedulesBody(
  target: { id: string; processId: string; atomId: string },
  schedules: readonly Schedule[],
  retry: RetryPolicy,
): string {
  const typed = (list: readonly Schedule[]) => list.map((s) => ({ '@type': 'Schedule', ...s }));
  return JSON.stringify({
    '@type': 'ProcessSchedules',
    Schedule: typed(schedules),
    Retry: { '@type': 'ScheduleRetry', Schedule: typed(retry.schedule ?? []), maxRetry: retry.maxRetry },
    processId: target.processId,
    atomId: target.atomId,
    id: target.id,
  });
}
