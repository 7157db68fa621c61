/**
 * Durations in a reporter's words: "nearly 18 months", "about 2 years",
 * "just over 3 weeks". The amount is measured in calendar units with
 * date-fns (in UTC, so a month is a calendar month, not 30 days), then
 * rounded the way a reporter rounds.
 *
 * @module
 */
import { UTCDate } from '@date-fns/utc';
import { addMonths, addYears, differenceInMonths, differenceInYears } from 'date-fns';
import { ContestedError } from '../errors/index.js';

/**
 * The unit a duration is told in.
 *
 * @category Time
 */
export type DurationUnit = 'minute' | 'hour' | 'day' | 'week' | 'month' | 'year';

/**
 * A duration measured in one unit, with the words for it.
 *
 * @category Time
 */
export interface DurationWords {
  /** The unit chosen: the largest of which there are at least 1.9. */
  unit: DurationUnit;
  /** How many of that unit, with the fraction (17.62 months). */
  amount: number;
  /** The phrase: `"nearly 18 months"`. */
  phrase: string;
}

const MINUTE = 60_000;
const FIXED: Record<'minute' | 'hour' | 'day' | 'week', number> = { minute: MINUTE, hour: 60 * MINUTE, day: 1440 * MINUTE, week: 10_080 * MINUTE };

/** Calendar months (or years) from `start` to `end`, with the fraction of the one under way. */
function calendarAmount(start: Date, end: Date, unit: 'month' | 'year'): number {
  const s = new UTCDate(start.getTime());
  const e = new UTCDate(end.getTime());
  const whole = unit === 'month' ? differenceInMonths(e, s) : differenceInYears(e, s);
  const add = unit === 'month' ? addMonths : addYears;
  const from = add(s, whole).getTime();
  const to = add(s, whole + 1).getTime();
  return whole + (e.getTime() - from) / (to - from);
}

/**
 * Words for the time from `start` to `end`, as a reporter would put them.
 *
 * Rules, in order:
 * 1. The unit is the largest of year, month, week, day, hour, minute of
 *    which the duration holds at least 1.9 ("about 2 years", not "nearly 24
 *    months"; "18 months", not "1.5 years"). Months and years are calendar
 *    units (date-fns `differenceInMonths`/`differenceInYears` plus the
 *    fraction of the next one), the rest fixed lengths.
 * 2. With `n` the amount rounded to the nearest whole unit: exactly `n` →
 *    `"n units"`; within 0.1 of `n` → `"about n units"`; 0.1–0.5 short of
 *    `n` → `"nearly n units"`; 0.1–0.5 over `n` → `"just over n units"`.
 * 3. Under a minute is `"less than a minute"`; amounts are written in digits.
 *
 * @param start - when it began
 * @param end - when it ended (or the time it is told as of)
 * @returns the unit, the amount and the phrase
 * @throws {@link ContestedError} `invalid-input` when `end` is before
 *   `start` or either is not a valid date
 * @category Time
 *
 * @example
 * ```ts
 * durationPhrase(new Date('2024-06-16T00:00Z'), new Date('2025-12-04T12:00Z')).phrase;
 * //=> 'nearly 18 months'
 * durationPhrase(new Date('2023-12-20T00:00Z'), new Date('2025-12-04T00:00Z')).phrase;
 * //=> 'about 2 years'
 * durationPhrase(new Date('2025-11-10T00:00Z'), new Date('2025-12-03T00:00Z')).phrase;
 * //=> 'just over 3 weeks'
 * ```
 */
export function durationPhrase(start: Date, end: Date): DurationWords {
  const ms = (start instanceof Date && end instanceof Date) ? end.getTime() - start.getTime() : NaN;
  if (!Number.isFinite(ms) || ms < 0) {
    throw new ContestedError('invalid-input', [
      { code: 'invalid-interval', path: ['end'], message: Number.isFinite(ms) ? 'the duration ends before it starts' : 'start and end must be valid dates' },
    ]);
  }
  const amounts: [DurationUnit, number][] = [
    ['year', calendarAmount(start, end, 'year')],
    ['month', calendarAmount(start, end, 'month')],
    ['week', ms / FIXED.week],
    ['day', ms / FIXED.day],
    ['hour', ms / FIXED.hour],
    ['minute', ms / FIXED.minute],
  ];
  const [unit, amount] = amounts.find(([, x]) => x >= 1.9) ?? amounts[amounts.length - 1]!;
  if (unit === 'minute' && amount < 1) return { unit, amount, phrase: 'less than a minute' };
  const n = Math.max(1, Math.round(amount));
  const words = `${n} ${unit}${n === 1 ? '' : 's'}`;
  const off = amount - n;
  const phrase = off === 0 ? words : Math.abs(off) <= 0.1 + 1e-12 ? `about ${words}` : off < 0 ? `nearly ${words}` : `just over ${words}`;
  return { unit, amount, phrase };
}
