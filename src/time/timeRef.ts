/**
 * Time with precision. A report says "early December 2025", a drone feed is
 * timed to the minute, ISW dates its layers to the day: a `TimeRef` keeps the
 * instant and how precisely it is known, as ACLED's and UCDP's codebooks do.
 * The serialized form is ISO 8601; a time of day must carry its UTC offset,
 * because "14:05" without a zone is an hour's worth of ambiguity on a front
 * that spans two time zones of reporting.
 *
 * @module
 */
import * as z from 'zod';
import { ContestedError } from '../errors/index.js';
import { UTCDate } from '@date-fns/utc';
import { addDays, addHours, addMinutes, addMonths, addSeconds, addWeeks, addYears, startOfISOWeekYear, addISOWeekYears } from 'date-fns';

/**
 * How precisely a time is known, finest first.
 *
 * @category Time
 */
export const TimePrecision = z.enum(['second', 'minute', 'hour', 'day', 'week', 'month', 'year']);
/** How precisely a time is known: `second` … `year`. @category Time */
export type TimePrecision = z.infer<typeof TimePrecision>;

const PRECISION_RANK: Record<TimePrecision, number> = {
  second: 0,
  minute: 1,
  hour: 2,
  day: 3,
  week: 4,
  month: 5,
  year: 6,
};

/**
 * A time as it is known: an ISO 8601 string whose own form gives its
 * precision (`"2025"`, `"2025-12"`, `"2025-W49"`, `"2025-12-03"`,
 * `"2025-12-03T14Z"`, `"2025-12-03T14:05Z"`, `"2025-12-03T14:05:09+02:00"`),
 * or `{ at, precision }` when the precision is coarser than the string
 * (`{ at: "2025-12-03", precision: "week" }` — "in the first week of December").
 *
 * @category Time
 */
export type TimeRef =
  | string
  | {
      /** An ISO 8601 time inside the span meant. */
      at: string;
      /** How precisely the time is known: the span is `at` truncated to this. */
      precision: TimePrecision;
    };

/**
 * The span of time a {@link TimeRef} stands for: `[start, end)` in UTC.
 *
 * @category Time
 */
export interface ResolvedTime {
  /** First instant of the span. */
  start: Date;
  /** First instant after the span. */
  end: Date;
  /** The precision the span was built from. */
  precision: TimePrecision;
}

interface ParsedIso {
  start: Date;
  precision: TimePrecision;
}

const DATE_RE = /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2})(?::(\d{2})(?::(\d{2})(\.\d{1,9})?)?)?(Z|[+-]\d{2}:\d{2})?)?)?)?$/;
const WEEK_RE = /^(\d{4})-W(\d{2})$/;

/**
 * Parses an ISO 8601 string, returning a reason on failure. Built on
 * `Date.UTC` plus a round-trip check so that `2025-02-30` is refused rather
 * than rolled over into March.
 */
function parseIso(text: string): ParsedIso | string {
  const week = WEEK_RE.exec(text);
  if (week) {
    const year = Number(week[1]);
    const wk = Number(week[2]);
    const weekOne = startOfISOWeekYear(new UTCDate(year, 0, 4));
    const weeksInYear = Math.round((addISOWeekYears(weekOne, 1).getTime() - weekOne.getTime()) / 604_800_000);
    if (wk < 1 || wk > weeksInYear) return `week ${wk} does not exist in ${year} (it has ${weeksInYear} ISO weeks)`;
    return { start: new Date(addWeeks(weekOne, wk - 1).getTime()), precision: 'week' };
  }
  const m = DATE_RE.exec(text);
  if (!m) {
    return 'expected an ISO 8601 time such as "2025-12", "2025-12-03" or "2025-12-03T14:05Z"';
  }
  const [, y, mo, d, h, mi, s, frac, zone] = m;
  const year = Number(y);
  const month = mo === undefined ? 1 : Number(mo);
  const day = d === undefined ? 1 : Number(d);
  const hour = h === undefined ? 0 : Number(h);
  const minute = mi === undefined ? 0 : Number(mi);
  const second = s === undefined ? 0 : Number(s);
  const ms = frac === undefined ? 0 : Math.floor(Number(frac) * 1000);
  if (h !== undefined && zone === undefined) {
    return `time "${text}" has no UTC offset: add "Z" or an offset such as "+02:00"`;
  }
  if (month < 1 || month > 12) return `month ${month} does not exist`;
  if (hour > 23 || minute > 59 || second > 59) return `time of day ${h ?? '00'}:${mi ?? '00'}:${s ?? '00'} does not exist`;
  const utc = Date.UTC(year, month - 1, day, hour, minute, second, ms);
  const check = new Date(utc);
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
    return `${y}-${mo}-${d} is not a date (that month has fewer days)`;
  }
  let offsetMinutes = 0;
  if (zone !== undefined && zone !== 'Z') {
    const sign = zone.startsWith('-') ? -1 : 1;
    const oh = Number(zone.slice(1, 3));
    const om = Number(zone.slice(4, 6));
    if (oh > 14 || om > 59) return `UTC offset ${zone} does not exist`;
    offsetMinutes = sign * (oh * 60 + om);
  }
  const precision: TimePrecision =
    s !== undefined ? 'second' : mi !== undefined ? 'minute' : h !== undefined ? 'hour' : d !== undefined ? 'day' : mo !== undefined ? 'month' : 'year';
  return { start: new Date(utc - offsetMinutes * 60_000), precision };
}

function spanEnd(start: Date, precision: TimePrecision): Date {
  const u = new UTCDate(start.getTime());
  const end = {
    second: () => addSeconds(u, 1),
    minute: () => addMinutes(u, 1),
    hour: () => addHours(u, 1),
    day: () => addDays(u, 1),
    week: () => addWeeks(u, 1),
    month: () => addMonths(u, 1),
    year: () => addYears(u, 1),
  }[precision]();
  return new Date(end.getTime());
}

/** Truncates an instant to the start of its span at a coarser precision (UTC). */
function truncate(start: Date, precision: TimePrecision): Date {
  const d = new Date(start.getTime());
  switch (precision) {
    case 'year':
      return new Date(Date.UTC(d.getUTCFullYear(), 0, 1));
    case 'month':
      return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1));
    case 'week': {
      const dow = (d.getUTCDay() + 6) % 7; // Monday = 0, as ISO weeks start
      return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() - dow));
    }
    case 'day':
      return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
    case 'hour':
      return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), d.getUTCHours()));
    case 'minute':
      return new Date(Math.floor(d.getTime() / 60_000) * 60_000);
    case 'second':
      return new Date(Math.floor(d.getTime() / 1000) * 1000);
  }
}

/**
 * Why a time reference is not valid, or undefined when it is. The same
 * checks as {@link tryResolve}, without building the span: schema
 * validation runs this on every time of a dataset, and the span's end
 * (date arithmetic in UTC) is only needed when a time is used.
 */
function invalidReason(ref: TimeRef): string | undefined {
  if (typeof ref !== 'string') {
    const resolved = tryResolve(ref);
    return typeof resolved === 'string' ? resolved : undefined;
  }
  const parsed = parseIso(ref);
  return typeof parsed === 'string' ? parsed : undefined;
}

/** Resolves a time reference or returns the reason it is not one. */
function tryResolve(ref: TimeRef): ResolvedTime | string {
  // Callers outside TypeScript can pass anything: read only what a TimeRef has.
  const shaped = typeof ref === 'string' || (ref !== null && typeof ref === 'object' && typeof (ref as { at?: unknown }).at === 'string' &&
    Object.prototype.hasOwnProperty.call(PRECISION_RANK, (ref as { precision?: unknown }).precision as string));
  if (!shaped) return 'expected a time: an ISO 8601 string such as "2025-12-03", or { at, precision }';
  const text = typeof ref === 'string' ? ref : ref.at;
  const parsed = parseIso(text);
  if (typeof parsed === 'string') return parsed;
  if (typeof ref === 'string') {
    return { start: parsed.start, end: spanEnd(parsed.start, parsed.precision), precision: parsed.precision };
  }
  if (PRECISION_RANK[ref.precision] < PRECISION_RANK[parsed.precision]) {
    return `precision "${ref.precision}" is finer than "${text}" carries (${parsed.precision})`;
  }
  const start = truncate(parsed.start, ref.precision);
  return { start, end: spanEnd(start, ref.precision), precision: ref.precision };
}

const isoString = z.string({ error: 'expected an ISO 8601 time string' }).max(64, { error: 'a time string is at most 64 characters' });

/**
 * Schema of {@link TimeRef}: checks the ISO form, that the date exists, that
 * a time of day has an offset, and that an explicit precision is not finer
 * than the string.
 *
 * @category Time
 */
export const TimeRef: z.ZodType<TimeRef> = z
  .union([isoString, z.strictObject({ at: isoString, precision: TimePrecision })], {
    error: 'expected a time: an ISO 8601 string such as "2025-12-03", or { at, precision }',
  })
  .check((ctx) => {
    const reason = invalidReason(ctx.value);
    if (reason !== undefined) {
      ctx.issues.push({ code: 'custom', input: ctx.value, message: reason, params: { contested: 'invalid-time' } });
    }
  });

/**
 * The span of time a {@link TimeRef} stands for, in UTC: `"2025-12"` is
 * `[2025-12-01T00:00Z, 2026-01-01T00:00Z)`.
 *
 * @param ref - a time as it is known
 * @returns its start, its (exclusive) end and its precision
 * @throws {@link ContestedError} `invalid-input` when `ref` is not a valid time
 * @category Time
 *
 * @example
 * ```ts
 * resolveTime('2025-12').precision;
 * //=> 'month'
 * ```
 */
export function resolveTime(ref: TimeRef): ResolvedTime {
  const resolved = tryResolve(ref);
  if (typeof resolved === 'string') {
    throw new ContestedError('invalid-input', [{ code: 'invalid-time', path: [], message: resolved }]);
  }
  return resolved;
}

/**
 * The precision of a time reference.
 *
 * @param ref - a time as it is known
 * @returns `'day'` for `"2025-12-03"`, `'month'` for `"2025-12"` …
 * @throws {@link ContestedError} `invalid-input` when `ref` is not a valid time
 * @category Time
 *
 * @example
 * ```ts
 * timePrecision({ at: '2025-12-03', precision: 'week' });
 * //=> 'week'
 * ```
 */
export function timePrecision(ref: TimeRef): TimePrecision {
  return resolveTime(ref).precision;
}

/**
 * Orders two precisions: negative when `a` is finer than `b`.
 *
 * @param a - a precision
 * @param b - another
 * @returns a negative number, zero or a positive number
 * @category Time
 *
 * @example
 * ```ts
 * const precisions: TimePrecision[] = ['year', 'day', 'week'];
 * precisions.sort(comparePrecision);
 * //=> ['day', 'week', 'year']
 * ```
 */
export function comparePrecision(a: TimePrecision, b: TimePrecision): number {
  return PRECISION_RANK[a] - PRECISION_RANK[b];
}
