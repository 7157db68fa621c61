/**
 * ISO 8601 text to instants: the parser behind `TimeRef` (every form it
 * accepts, and the reason it gives for each it refuses), and the two pieces
 * of calendar arithmetic a span needs: where a span of a given precision
 * ends, and where the span containing an instant starts. Calendar units are
 * UTC's unless a time carries an IANA time zone; then they are that zone's
 * (`@date-fns/tz`), so a Moscow day is Moscow's midnight to midnight.
 */
import { TZDate } from '@date-fns/tz';
import { UTCDate } from '@date-fns/utc';
import {
  addDays,
  addHours,
  addMinutes,
  addMonths,
  addSeconds,
  addWeeks,
  addYears,
  startOfDay,
  startOfHour,
  startOfISOWeek,
  startOfISOWeekYear,
  startOfMonth,
  startOfYear,
  addISOWeekYears,
} from 'date-fns';
import type { TimePrecision } from './timeRef.js';

export interface ParsedIso {
  start: Date;
  precision: TimePrecision;
}

const DATE_RE = /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2})(?::(\d{2})(?::(\d{2})(\.\d{1,9})?)?)?(Z|[+-]\d{2}:\d{2})?)?)?)?$/;
const WEEK_RE = /^(\d{4})-W(\d{2})$/;
const ZONED_DATE_RE = /^(\d{4}(?:-\d{2}(?:-\d{2})?)?)(Z|[+-]\d{2}:\d{2})$/;

/** Whether `zone` is an IANA time zone name this runtime knows (`Europe/Moscow`). */
export function isTimeZone(zone: string): boolean {
  return zone.length > 0 && !Number.isNaN(new TZDate(0, zone).getTime());
}

/** A calendar date in `zone` (UTC without one) as the instant it begins. */
function wallTime(year: number, month: number, day: number, hour: number, minute: number, second: number, ms: number, zone: string | undefined): number {
  if (zone === undefined) return utcTime(year, month, day, hour, minute, second, ms);
  // TZDate reads the years 0–99 as 1900–1999, as Date does; 400 Gregorian
  // years later the calendar repeats exactly (146,097 days), so such a year
  // is built 400 years on and moved back.
  if (year >= 100) return new TZDate(year, month, day, hour, minute, second, ms, zone).getTime();
  return new TZDate(year + 400, month, day, hour, minute, second, ms, zone).getTime() - GREGORIAN_CYCLE_MS;
}

/** 400 Gregorian years, in milliseconds: the calendar repeats after them. */
const GREGORIAN_CYCLE_MS = 146_097 * 86_400_000;

/**
 * Milliseconds of a UTC calendar time, with every year taken as written.
 * `Date.UTC` (and `new Date(y, …)`) read the years 0–99 as 1900–1999, so
 * `'0050'` would come out as 1950; `setUTCFullYear` has no such rule.
 */
export function utcTime(year: number, month0: number, day = 1, hour = 0, minute = 0, second = 0, ms = 0): number {
  const d = new Date(0);
  d.setUTCFullYear(year, month0, day);
  d.setUTCHours(hour, minute, second, ms);
  return d.getTime();
}

/**
 * Parses an ISO 8601 string, returning a reason on failure. Built on
 * `utcTime` plus a round-trip check so that `2025-02-30` is refused rather
 * than rolled over into March.
 */
export function parseIso(text: string, timeZone?: string): ParsedIso | string {
  const week = WEEK_RE.exec(text);
  if (week) {
    const year = Number(week[1]);
    const wk = Number(week[2]);
    const weekOne = startOfISOWeekYear(timeZone === undefined ? new UTCDate(utcTime(year, 0, 4)) : new TZDate(wallTime(year, 0, 4, 0, 0, 0, 0, timeZone), timeZone));
    const weeksInYear = Math.round((addISOWeekYears(weekOne, 1).getTime() - weekOne.getTime()) / 604_800_000);
    if (wk < 1 || wk > weeksInYear) return `week ${wk} does not exist in ${year} (it has ${weeksInYear} ISO weeks)`;
    return { start: new Date(addWeeks(weekOne, wk - 1).getTime()), precision: 'week' };
  }
  const zonedDate = ZONED_DATE_RE.exec(text);
  if (zonedDate) {
    const [, date = '', offset = ''] = zonedDate;
    const unit = date.length === 10 ? 'day' : date.length === 7 ? 'month' : 'year';
    const instant = unit === 'day' ? `, or a time of day with its offset such as "${date}T00:00${offset}"` : '';
    return (
      `"${text}" puts a UTC offset on a ${unit}, which ISO 8601 does not allow: a ${unit} is a calendar unit of a time zone, not of an offset. ` +
      `Write { at: "${date}", precision: "${unit}", timeZone: "Europe/Moscow" } with the IANA time zone meant${instant}`
    );
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
  if (h !== undefined && zone === undefined && timeZone === undefined) {
    return `time "${text}" has no UTC offset: add "Z" or an offset such as "+02:00"`;
  }
  if (month < 1 || month > 12) return `month ${month} does not exist`;
  if (hour > 23 || minute > 59 || second > 59) return `time of day ${h ?? '00'}:${mi ?? '00'}:${s ?? '00'} does not exist`;
  const utc = utcTime(year, month - 1, day, hour, minute, second, ms);
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
  const start = zone === undefined ? wallTime(year, month - 1, day, hour, minute, second, ms, timeZone) : utc - offsetMinutes * 60_000;
  return { start: new Date(start), precision };
}

/**
 * Whether `text` is a valid ISO time, as `parseIso(text)` (no time zone)
 * would decide, without building a Date: schema validation asks this of
 * every time in a dataset, and only a time that is used needs its instant.
 * Plain dates and times are decided here; a week, a zoned date or anything
 * doubtful is handed to `parseIso`, which also says what is wrong.
 */
export function isIsoTime(text: string): boolean {
  const m = DATE_RE.exec(text);
  if (m === null) return typeof parseIso(text) !== 'string';
  const [, , mo, d, h, mi, s, , zone] = m;
  if (h !== undefined && zone === undefined) return false;
  const month = mo === undefined ? 1 : Number(mo);
  const day = d === undefined ? 1 : Number(d);
  const fine = month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(Number(m[1]), month) &&
    (h === undefined || Number(h) <= 23) && (mi === undefined || Number(mi) <= 59) && (s === undefined || Number(s) <= 59) &&
    (zone === undefined || zone === 'Z' || (Number(zone.slice(1, 3)) <= 14 && Number(zone.slice(4, 6)) <= 59));
  return fine || typeof parseIso(text) !== 'string';
}

/** Days in a month (1–12) of the proleptic Gregorian calendar. */
function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

export function spanEnd(start: Date, precision: TimePrecision, timeZone?: string): Date {
  const u = timeZone === undefined ? new UTCDate(start.getTime()) : new TZDate(start.getTime(), timeZone);
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

/** Truncates an instant to the start of its span at a coarser precision (UTC, or the calendar of `timeZone`). */
export function truncate(start: Date, precision: TimePrecision, timeZone?: string): Date {
  if (timeZone !== undefined && precision !== 'second' && precision !== 'minute') {
    const z = new TZDate(start.getTime(), timeZone);
    const begin = { year: startOfYear, month: startOfMonth, week: startOfISOWeek, day: startOfDay, hour: startOfHour }[precision](z);
    return new Date(begin.getTime());
  }
  const d = new Date(start.getTime());
  switch (precision) {
    case 'year':
      return new Date(utcTime(d.getUTCFullYear(), 0, 1));
    case 'month':
      return new Date(utcTime(d.getUTCFullYear(), d.getUTCMonth(), 1));
    case 'week': {
      const dow = (d.getUTCDay() + 6) % 7; // Monday = 0, as ISO weeks start
      return new Date(utcTime(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() - dow));
    }
    case 'day':
      return new Date(utcTime(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
    case 'hour':
      return new Date(utcTime(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), d.getUTCHours()));
    case 'minute':
      return new Date(Math.floor(d.getTime() / 60_000) * 60_000);
    case 'second':
      return new Date(Math.floor(d.getTime() / 1000) * 1000);
  }
}
