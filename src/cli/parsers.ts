// Option parsers: a bad value is a usage error (exit 2) before anything is sent.
import { InvalidArgumentError } from '@commander-js/extra-typings';

export const integer =
  (name: string, min: number, max = Number.MAX_SAFE_INTEGER) =>
  (value: string) => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < min || n > max)
      throw new InvalidArgumentError(
        `${name} must be a whole number from ${min}${max < Number.MAX_SAFE_INTEGER ? ` to ${max}` : ''}`,
      );
    return n;
  };

/** Every `--port`: a whole number from 0 (a free one) to 65535, checked before anything listens. */
export const port = integer('--port', 0, 65_535);

export const rate = (value: string) => {
  const n = Number(value);
  if (!(n >= 0 && n <= 1)) throw new InvalidArgumentError('a rate is a number from 0 to 1');
  return n;
};

/** Collects a repeatable option's values. */
export const collect = (value: string, previous: string[] = []) => [...previous, value];

/** `<name>=<value>`: split at the first `=`. */
export function assignment(flag: string, text: string): { key: string; value: string } {
  const at = text.indexOf('=');
  if (at <= 0) throw new InvalidArgumentError(`${flag} takes <connection>.<field>=<value>, got "${text.slice(0, 60)}"`);
  return { key: text.slice(0, at), value: text.slice(at + 1) };
}

const UNITS: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** A point in time: an ISO-8601 time, or an age such as `30m`, `6h`, `2d` (that long ago). */
export function pointInTime(value: string, now = Date.now()): Date {
  const age = /^(\d{1,6})([smhd])$/.exec(value.trim());
  if (age) return new Date(now - Number(age[1]) * UNITS[age[2]!]!);
  const date = new Date(value);
  if (value.length > 64 || Number.isNaN(date.getTime()))
    throw new InvalidArgumentError('a time is an ISO-8601 time (2026-11-29T08:00:00Z) or an age such as 30m, 6h, 2d');
  return date;
}
