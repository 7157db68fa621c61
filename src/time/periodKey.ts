/**
 * Period keys: the label of the day, ISO week or calendar month an instant
 * falls in, in UTC — `2025-11-18`, `2025-W47`, `2025-11` — the way analysts
 * bucket a series of snapshots. ISO weeks follow ISO 8601 (weeks start on
 * Monday; week 1 holds the year's first Thursday), so the last days of
 * December can belong to week 1 of the next year and `2026-01-01` is in
 * `2026-W01`, while `2027-01-01` is in `2026-W53`. date-fns does the
 * calendar arithmetic.
 *
 * @module
 */
import { quote } from '../_lib/quote.js';
import { UTCDate } from '@date-fns/utc';
import { format, getISOWeek, getISOWeekYear } from 'date-fns';
import { ContestedError } from '../errors/index.js';

/**
 * The length of a period a series is bucketed by.
 *
 * @category Time
 */
export type PeriodUnit = 'day' | 'week' | 'month';

const UNITS: readonly PeriodUnit[] = ['day', 'week', 'month'];

/**
 * The key of the period (UTC day, ISO week or calendar month) an instant
 * falls in. Keys of one unit sort in time order as strings.
 *
 * @param instant - the instant
 * @param unit - `'day'`, `'week'` or `'month'`
 * @returns `'2025-11-18'`, `'2025-W47'` or `'2025-11'`
 * @throws {@link ContestedError} `invalid-input` when `instant` is not a valid
 *   Date or `unit` is not a period unit
 * @category Time
 *
 * @example
 * ```ts
 * periodKey(new Date('2025-11-18T03:00Z'), 'week');
 * //=> '2025-W47'
 * periodKey(new Date('2025-11-18T03:00Z'), 'month');
 * //=> '2025-11'
 * periodKey(new Date('2027-01-01T00:00Z'), 'week');
 * //=> '2026-W53'
 * ```
 */
export function periodKey(instant: Date, unit: PeriodUnit): string {
  if (!(instant instanceof Date) || Number.isNaN(instant.getTime())) {
    throw new ContestedError('invalid-input', [{ code: 'invalid-type', path: ['instant'], message: 'expected a valid Date' }]);
  }
  if (!UNITS.includes(unit)) {
    throw new ContestedError('invalid-input', [{ code: 'invalid-value', path: ['unit'], message: `expected 'day', 'week' or 'month'; got ${quote(unit)}` }]);
  }
  const utc = new UTCDate(instant.getTime());
  if (unit === 'day') return format(utc, 'yyyy-MM-dd');
  if (unit === 'month') return format(utc, 'yyyy-MM');
  return `${getISOWeekYear(utc)}-W${String(getISOWeek(utc)).padStart(2, '0')}`;
}
